import { describe, expect, it } from "vitest";
import { seededRandom } from "../../shared/agreement/bootstrap.ts";
import { manyPresenceAgreement, presenceAgreement } from "../../shared/agreement/presence.ts";
import type { Statistic } from "../../shared/agreement/statistic.ts";
import { tableAgreement } from "../../shared/agreement/table.ts";

/** Same value to 1e-12, or both undefined. */
function expectSame(fast: Statistic, slow: Statistic): void {
  if (slow.value === null) {
    expect(fast.value).toBeNull();
    expect(fast.reason).toEqual(expect.stringMatching(/\S/));
  } else {
    expect(fast.value).not.toBeNull();
    expect(fast.value ?? NaN).toBeCloseTo(slow.value, 12);
  }
}

/** Units x coders of 0/1; a per-table rate so tables with one value only come up too. */
function randomTable(random: () => number, coders: number): number[][] {
  const units = Math.floor(random() * 30);
  const rate = [0, 1, random(), random(), 0.05, 0.95][Math.floor(random() * 6)] ?? 0.5;
  return Array.from({ length: units }, () =>
    Array.from({ length: coders }, () => (random() < rate ? 1 : 0)),
  );
}

describe("the counts give exactly what the unit-by-unit table gives", () => {
  it("two coders: 2x2 counts against the table, on 1,000 random tables", () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 1000; trial += 1) {
      const data = randomTable(random, 2);
      const counts = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
      for (const [a, b] of data) {
        if (a === 1 && b === 1) counts.both += 1;
        else if (a === 1) counts.aOnly += 1;
        else if (b === 1) counts.bOnly += 1;
        else counts.neither += 1;
      }
      const fast = presenceAgreement(counts);
      const slow = tableAgreement({ categories: [0, 1], data });
      expect(fast.units).toBe(slow.units);
      expectSame(fast.percent, slow.percentAgreement);
      expectSame(fast.cohenKappa, slow.cohenKappa);
      expectSame(fast.scottPi, slow.scottPi);
      expectSame(fast.scottPi, slow.fleissKappa);
      expectSame(fast.krippendorffAlpha, slow.krippendorffAlpha);
      expectSame(fast.brennanPrediger, slow.brennanPrediger);
    }
  });

  it("two to six coders: the histogram against the table, on 1,000 random tables", () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 1000; trial += 1) {
      const coders = 2 + Math.floor(random() * 5);
      const data = randomTable(random, coders);
      const histogram = new Array<number>(coders + 1).fill(0);
      for (const row of data) {
        const present = row.reduce((sum, value) => sum + value, 0);
        histogram[present] = (histogram[present] ?? 0) + 1;
      }
      const fast = manyPresenceAgreement(coders, histogram);
      const slow = tableAgreement({ categories: [0, 1], data });
      expect(fast.units).toBe(slow.units);
      expect(fast.allAgree).toBe(data.filter((row) => new Set(row).size === 1).length);
      expectSame(fast.percent, slow.percentAgreement);
      expectSame(fast.fleissKappa, slow.fleissKappa);
      expectSame(fast.krippendorffAlpha, slow.krippendorffAlpha);
      expectSame(fast.brennanPrediger, slow.brennanPrediger);
    }
  });
});
