import { describe, expect, it } from "vitest";
import { manyPresenceAgreement, presenceAgreement } from "../../shared/agreement/presence.ts";
import { RatingTableError, tableAgreement } from "../../shared/agreement/table.ts";

describe("a code nobody can be compared on says why instead of printing a number", () => {
  it("a code neither coder used in these answers", () => {
    const figures = presenceAgreement({ both: 0, aOnly: 0, bOnly: 0, neither: 40 });
    expect(figures.units).toBe(40);
    expect(figures.percent.value).toBe(1);
    expect(figures.brennanPrediger.value).toBe(1);
    const reason = { value: null, reason: "neither coder used this code in these answers" };
    expect(figures.cohenKappa).toEqual(reason);
    expect(figures.scottPi).toEqual(reason);
    expect(figures.krippendorffAlpha).toEqual(reason);
  });

  it("a code both coders used in every answer", () => {
    const figures = presenceAgreement({ both: 12, aOnly: 0, bOnly: 0, neither: 0 });
    expect(figures.cohenKappa).toEqual({
      value: null,
      reason: "both coders used this code in every answer",
    });
    expect(figures.krippendorffAlpha.reason).toBe("both coders used this code in every answer");
  });

  it("no answers both coders have seen: every figure, percent included", () => {
    const figures = presenceAgreement({ both: 0, aOnly: 0, bOnly: 0, neither: 0 });
    expect(figures.units).toBe(0);
    for (const statistic of [
      figures.percent,
      figures.cohenKappa,
      figures.scottPi,
      figures.krippendorffAlpha,
      figures.brennanPrediger,
    ]) {
      expect(statistic).toEqual({ value: null, reason: "no answers both coders have seen" });
    }
  });

  it("one coder used the code everywhere, the other nowhere: kappa is 0, alpha negative, both defined", () => {
    const figures = presenceAgreement({ both: 0, aOnly: 10, bOnly: 0, neither: 0 });
    expect(figures.percent.value).toBe(0);
    expect(figures.cohenKappa.value).toBe(0);
    expect(figures.krippendorffAlpha.value).toBeLessThan(0);
    expect(figures.brennanPrediger.value).toBe(-1);
  });

  it("three coders: no answers, or a code nobody used", () => {
    expect(manyPresenceAgreement(3, [0, 0, 0, 0]).fleissKappa).toEqual({
      value: null,
      reason: "no answers all coders have seen",
    });
    const unused = manyPresenceAgreement(3, [9, 0, 0, 0]);
    expect(unused.allAgree).toBe(9);
    expect(unused.percent.value).toBe(1);
    expect(unused.fleissKappa.reason).toBe("no coder used this code in these answers");
    expect(manyPresenceAgreement(3, [0, 0, 0, 4]).krippendorffAlpha.reason).toBe(
      "every coder used this code in every answer",
    );
  });

  it("counts that are not counts are refused", () => {
    expect(() => presenceAgreement({ both: -1, aOnly: 0, bOnly: 0, neither: 0 })).toThrow(
      /whole numbers/,
    );
    expect(() => manyPresenceAgreement(3, [1, 2])).toThrow(/4 entries/);
    expect(() => manyPresenceAgreement(1, [1, 2])).toThrow(/at least 2 coders/);
  });
});

describe("any table: degenerate tables give reasons, bad tables a clear error", () => {
  it("an empty table has no units and no figures, and says so (not 'needs two coders')", () => {
    const figures = tableAgreement({ categories: ["yes", "no"], data: [] });
    expect(figures.units).toBe(0);
    const none = { value: null, reason: "the table has no units (rows)" };
    for (const statistic of Object.values(figures).slice(1)) expect(statistic).toEqual(none);
  });

  it("a single coder's column cannot be paired", () => {
    const figures = tableAgreement({ categories: ["yes", "no"], data: [["yes"], ["no"]] });
    expect(figures.units).toBe(0);
    expect(figures.percentAgreement.reason).toBe("the table needs at least two coders (columns)");
  });

  it("units rated by one coder only are left out; none left means no figures", () => {
    const figures = tableAgreement({
      categories: ["yes", "no"],
      data: [
        ["yes", null],
        [null, "no"],
      ],
    });
    expect(figures.units).toBe(0);
    expect(figures.cohenKappa.reason).toBe("no unit has ratings from both coders");
    expect(figures.krippendorffAlpha.reason).toBe("no unit has ratings from at least two coders");
  });

  it("three coders: Cohen's kappa and Scott's pi are for two and say so; Fleiss and alpha are given", () => {
    const figures = tableAgreement({
      categories: ["a", "b"],
      data: [
        ["a", "a", "b"],
        ["b", "b", "b"],
        ["a", "a", "a"],
      ],
    });
    expect(figures.cohenKappa.reason).toMatch(/exactly two coders; this table has 3/);
    expect(figures.scottPi.reason).toMatch(/exactly two coders/);
    expect(figures.percentAgreement.value).toBeCloseTo(7 / 9, 12);
    expect(figures.fleissKappa.value).not.toBeNull();
    expect(figures.krippendorffAlpha.value).not.toBeNull();
  });

  it("every coder used one and the same category among three", () => {
    const figures = tableAgreement({
      categories: ["a", "b", "c"],
      data: [
        ["c", "c", "c"],
        ["c", "c", null],
      ],
    });
    expect(figures.fleissKappa.reason).toMatch(/same number of ratings/);
    expect(figures.krippendorffAlpha).toEqual({
      value: null,
      reason: 'every rating is "c", so chance agreement is certain',
    });
    expect(figures.brennanPrediger.value).toBe(1);
  });

  it("Brennan & Prediger counts the categories defined, not those used, and needs two", () => {
    const data = [
      ["a", "a"],
      ["a", "b"],
    ];
    expect(tableAgreement({ categories: ["a", "b"], data }).brennanPrediger.value).toBeCloseTo(
      0,
      12,
    );
    expect(
      tableAgreement({ categories: ["a", "b", "c", "d"], data }).brennanPrediger.value,
    ).toBeCloseTo(1 / 3, 12);
    expect(
      tableAgreement({ categories: ["a"], data: [["a", "a"]] }).brennanPrediger.reason,
    ).toMatch(/at least two categories/);
  });

  it("a value that is not a category is named", () => {
    expect(() => tableAgreement({ categories: ["yes", "no"], data: [["yes", "Maybe"]] })).toThrow(
      /the value "Maybe" \(unit 1, coder 2\) is not among the categories/,
    );
    // 1 and "1" are different values: a table must say which it means.
    expect(() => tableAgreement({ categories: [1, 2], data: [[1, "1"]] })).toThrow(
      RatingTableError,
    );
  });

  it("ragged rows and repeated categories are refused with what to fix", () => {
    expect(() =>
      tableAgreement({
        categories: [0, 1],
        data: [
          [0, 1],
          [0, 1, 1],
        ],
      }),
    ).toThrow(/unit 2 has 3 ratings but unit 1 has 2/);
    expect(() => tableAgreement({ categories: [0, 1, 0], data: [] })).toThrow(
      /category 0 is listed twice/,
    );
    expect(() => tableAgreement({ categories: [0, 1], data: [0, 1] as never })).toThrow(
      /unit 1 is not a list/,
    );
    expect(() => tableAgreement({ categories: "01" as never, data: [] })).toThrow(
      /"categories" must be a list/,
    );
  });
});
