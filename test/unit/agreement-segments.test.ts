import { describe, expect, it } from "vitest";
import {
  characterAgreement,
  matchSpans,
  overlapRatio,
  segmentFigures,
  unionSpans,
} from "../../shared/agreement/segments.ts";

describe("two coders' passages of one code, MAXQDA's rule", () => {
  it("overlap is the shared characters over the characters either covers", () => {
    expect(overlapRatio({ start: 0, end: 50 }, { start: 0, end: 48 })).toBeCloseTo(0.96, 12);
    expect(overlapRatio({ start: 60, end: 100 }, { start: 70, end: 100 })).toBeCloseTo(0.75, 12);
    // Passages that only touch share nothing.
    expect(overlapRatio({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 30, end: 40 })).toBe(0);
    expect(overlapRatio({ start: 5, end: 5 }, { start: 5, end: 5 })).toBe(0);
  });

  it("a passage exactly at the threshold agrees (inclusive), even a slider's rounded threshold", () => {
    const a = [{ start: 0, end: 50 }];
    const b = [{ start: 0, end: 45 }];
    expect(matchSpans(a, b, 0.9)).toEqual({ aAgrees: [true], bAgrees: [true] });
    expect(matchSpans(a, b, 0.1 * 9)).toEqual({ aAgrees: [true], bAgrees: [true] });
    expect(matchSpans(a, [{ start: 0, end: 44 }], 0.9)).toEqual({
      aAgrees: [false],
      bAgrees: [false],
    });
  });

  it("each coder's passages are judged on their own", () => {
    // A marks one long passage and one short one inside nothing; B matches the long one.
    const result = matchSpans(
      [
        { start: 0, end: 100 },
        { start: 200, end: 210 },
      ],
      [{ start: 0, end: 95 }],
      0.9,
    );
    expect(result).toEqual({ aAgrees: [true, false], bAgrees: [true] });
    expect(matchSpans([], [{ start: 0, end: 5 }], 0.9)).toEqual({ aAgrees: [], bAgrees: [false] });
  });

  it("pooled percent and Brennan & Prediger's kappa with chance 1/k", () => {
    const figures = segmentFigures(6, 2, 2);
    expect(figures.percent.value).toBeCloseTo(1 / 3, 12);
    expect(figures.brennanPrediger.value).toBeCloseTo((1 / 3 - 1 / 2) / (1 - 1 / 2), 12);
    expect(segmentFigures(10, 10, 5).brennanPrediger.value).toBeCloseTo(1, 12);
  });

  it("no passages, or a table of one code, give reasons", () => {
    const none = segmentFigures(0, 0, 4);
    expect(none.percent.value).toBeNull();
    expect(none.percent.reason).toMatch(/neither coder marked a passage/);
    expect(none.brennanPrediger.value).toBeNull();
    const oneCode = segmentFigures(4, 3, 1);
    expect(oneCode.percent.value).toBe(0.75);
    expect(oneCode.brennanPrediger).toEqual({
      value: null,
      reason: "Brennan & Prediger's kappa needs at least two codes in the table",
    });
    expect(() => segmentFigures(2, 3, 2)).toThrow(/3 agreements among 2 segments/);
  });
});

describe("NVivo's per-character comparison", () => {
  it("counts characters coded by both, one, or neither", () => {
    const result = characterAgreement(1000, [{ start: 0, end: 150 }], [{ start: 100, end: 200 }]);
    expect(result).toMatchObject({ both: 50, aOnly: 100, bOnly: 50, neither: 800 });
    expect(result.percent.value).toBeCloseTo(0.85, 12);
    // Cohen on the 2x2 of characters: p_o 0.85, p_e 0.15 * 0.1 + 0.85 * 0.9 = 0.78.
    expect(result.cohenKappa.value).toBeCloseTo((0.85 - 0.78) / (1 - 0.78), 12);
  });

  it("a coder's overlapping passages count each character once", () => {
    const result = characterAgreement(
      10,
      [
        { start: 0, end: 6 },
        { start: 4, end: 8 },
      ],
      [{ start: 0, end: 8 }],
    );
    expect(result).toMatchObject({ both: 8, aOnly: 0, bOnly: 0, neither: 2 });
  });

  it("uncoded or empty texts have no kappa, and passages must lie inside the text", () => {
    expect(characterAgreement(20, [], []).cohenKappa.reason).toBe(
      "neither coder coded any of this text",
    );
    expect(characterAgreement(0, [], []).percent.reason).toBe("the text is empty");
    expect(() => characterAgreement(5, [{ start: 3, end: 9 }], [])).toThrow(/outside a text of 5/);
  });
});

describe("joining passages for a consensus", () => {
  it("joins overlapping and touching passages in text order and drops empty ones", () => {
    const spans = [
      { start: 20, end: 30 },
      { start: 0, end: 5 },
      { start: 5, end: 8 },
      { start: 25, end: 40 },
      { start: 50, end: 50 },
    ];
    expect(unionSpans(spans)).toEqual([
      { start: 0, end: 8 },
      { start: 20, end: 40 },
    ]);
  });
});
