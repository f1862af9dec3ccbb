import { describe, expect, it } from "vitest";
import {
  manyCoderAlpha,
  twoCoderAlpha,
  twoCoderKappa,
} from "../../electron/core/agreement/chance-kernels.ts";
import { seededRandom } from "../../shared/agreement/bootstrap.ts";
import { manyPresenceAgreement, presenceAgreement } from "../../shared/agreement/presence.ts";

/** The kernel gives NaN exactly where the point value is undefined (null), else the same. */
function same(kernel: number, point: number | null): void {
  if (point === null) expect(kernel).toBeNaN();
  else expect(kernel).toBeCloseTo(point, 12);
}

describe("the bootstrap's kappa and alpha", () => {
  it("equal the reported point values on the same counts, undefined cases included", () => {
    const next = seededRandom(3);
    const draw = (max: number) => Math.floor(next() * (max + 1));
    for (let trial = 0; trial < 500; trial++) {
      // Every few trials a degenerate table: all absent, or all present.
      const kind = trial % 5;
      const [aOnly, bOnly] = kind < 2 ? [0, 0] : [draw(20), draw(20)];
      const both = kind === 0 ? 0 : draw(20);
      const neither = kind === 1 ? 0 : draw(60);
      const total = both + aOnly + bOnly + neither;
      const point = presenceAgreement({ both, aOnly, bOnly, neither });
      const s = Float64Array.of(0, aOnly, bOnly, both);
      same(twoCoderKappa(s, total), point.cohenKappa.value);
      same(twoCoderAlpha(s, total), point.krippendorffAlpha.value);

      const coders = 3 + (trial % 4);
      const histogram = Array.from({ length: coders + 1 }, (_, j) =>
        kind === 0 && j > 0 ? 0 : draw(15),
      );
      const units = histogram.reduce((sum, n) => sum + n, 0);
      const many = manyPresenceAgreement(coders, histogram);
      const h = Float64Array.from(histogram);
      same(manyCoderAlpha(h, coders, units), many.krippendorffAlpha.value);
    }
  });
});
