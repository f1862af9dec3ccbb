import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { presenceAgreement } from "../../shared/agreement/presence.ts";
import {
  characterAgreement,
  matchSpans,
  segmentFigures,
  type Span,
} from "../../shared/agreement/segments.ts";
import type { Statistic } from "../../shared/agreement/statistic.ts";
import { tableAgreement, type Rating, type TableAgreement } from "../../shared/agreement/table.ts";

// A copy of ../shared/agreement/examples.json, so the tests run on a clean clone.
interface TableExample {
  readonly id: string;
  readonly statistic: string;
  readonly categories: readonly (string | number)[];
  readonly data: readonly (readonly Rating[])[];
  readonly expected: number | null;
}
interface SegmentExample {
  readonly id: string;
  readonly statistic: string;
  readonly data: {
    readonly text_length: number;
    readonly threshold: number | null;
    readonly coders: Record<string, readonly (readonly [number, number, string])[]>;
  };
  readonly expected: number | null;
}
type Example = TableExample | SegmentExample;

const examples = JSON.parse(
  readFileSync(new URL("../fixtures/agreement-examples.json", import.meta.url), "utf8"),
) as readonly Example[];

const tableFigure: Record<string, keyof Omit<TableAgreement, "units">> = {
  cohen_kappa: "cohenKappa",
  scott_pi: "scottPi",
  fleiss_kappa: "fleissKappa",
  krippendorff_alpha: "krippendorffAlpha",
  brennan_prediger: "brennanPrediger",
  percent_agreement: "percentAgreement",
};

function expectStatistic(statistic: Statistic, expected: number | null): void {
  if (expected === null) {
    expect(statistic.value).toBeNull();
    expect(statistic.reason).toEqual(expect.stringMatching(/\S/));
  } else {
    expect(statistic.reason).toBeNull();
    expect(statistic.value).toBeCloseTo(expected, 6);
  }
}

/** Each coder's spans of one code, by coder name. */
function spansOf(example: SegmentExample, code: string): Span[][] {
  return Object.values(example.data.coders).map((segments) =>
    segments.filter(([, , name]) => name === code).map(([start, end]) => ({ start, end })),
  );
}

function codesOf(example: SegmentExample): string[] {
  return [
    ...new Set(
      Object.values(example.data.coders).flatMap((segments) => segments.map(([, , code]) => code)),
    ),
  ];
}

function maxqdaPercent(example: SegmentExample): Statistic {
  let segments = 0;
  let agreements = 0;
  for (const code of codesOf(example)) {
    const [a = [], b = []] = spansOf(example, code);
    const { aAgrees, bAgrees } = matchSpans(a, b, example.data.threshold ?? 0.9);
    segments += aAgrees.length + bAgrees.length;
    agreements += [...aAgrees, ...bAgrees].filter(Boolean).length;
  }
  return segmentFigures(segments, agreements, codesOf(example).length).percent;
}

function nvivoPercent(example: SegmentExample): Statistic {
  const [code = ""] = codesOf(example);
  const [a = [], b = []] = spansOf(example, code);
  return characterAgreement(example.data.text_length, a, b).percent;
}

describe("every published worked example gives its published number", () => {
  for (const example of examples) {
    it(`${example.id} (${example.statistic})`, () => {
      const figure = tableFigure[example.statistic];
      if (figure !== undefined) {
        const table = example as TableExample;
        expectStatistic(
          tableAgreement({ categories: table.categories, data: table.data })[figure],
          example.expected,
        );
      } else if (example.statistic === "maxqda_segment_percent_agreement") {
        expectStatistic(maxqdaPercent(example as SegmentExample), example.expected);
      } else if (example.statistic === "nvivo_char_percent_agreement") {
        expectStatistic(nvivoPercent(example as SegmentExample), example.expected);
      } else {
        throw new Error(`no check for statistic ${example.statistic}`);
      }
    });
  }

  it("covers every example in the file, which matches the shared original where it exists", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const original = new URL("../../../shared/agreement/examples.json", import.meta.url);
    if (existsSync(original)) expect(JSON.parse(readFileSync(original, "utf8"))).toEqual(examples);
  });
});

describe("the other figures on the worked examples", () => {
  function table(id: string): TableExample {
    const found = examples.find((example) => example.id === id);
    if (found === undefined) throw new Error(`no example ${id}`);
    return found as TableExample;
  }

  it("Wikipedia's grant proposals: 70% agreement, and the counts give the same kappa", () => {
    const figures = tableAgreement(table("cohen_wikipedia_simple_example"));
    expect(figures.units).toBe(50);
    expect(figures.percentAgreement.value).toBeCloseTo(0.7, 12);
    expect(figures.brennanPrediger.value).toBeCloseTo(0.4, 12);
    const fromCounts = presenceAgreement({ both: 20, aOnly: 5, bOnly: 10, neither: 15 });
    expect(fromCounts.cohenKappa.value).toBeCloseTo(0.4, 12);
    expect(fromCounts.scottPi.value).toBeCloseTo(figures.scottPi.value ?? NaN, 12);
    expect(fromCounts.krippendorffAlpha.value).toBeCloseTo(
      figures.krippendorffAlpha.value ?? NaN,
      12,
    );
  });

  it("two coders who mark every unit present agree fully, but kappa and alpha are undefined", () => {
    const figures = tableAgreement(table("cohen_degenerate_both_single_category"));
    expect(figures.percentAgreement.value).toBe(1);
    expect(figures.brennanPrediger.value).toBe(1);
    const bothCoders = {
      value: null,
      reason: "both coders gave every unit 1, so chance agreement is certain",
    };
    expect(figures.cohenKappa).toEqual(bothCoders);
    expect(figures.scottPi).toEqual(bothCoders);
    const everyRating = {
      value: null,
      reason: "every rating is 1, so chance agreement is certain",
    };
    expect(figures.fleissKappa).toEqual(everyRating);
    expect(figures.krippendorffAlpha).toEqual(everyRating);
  });

  it("for two coders Fleiss' kappa is Scott's pi, not Cohen's kappa", () => {
    const figures = tableAgreement(table("scott_quica_readme"));
    expect(figures.fleissKappa.value).toBeCloseTo(0.657143, 6);
    expect(figures.cohenKappa.value).toBeCloseTo(0.666667, 6);
  });

  it("Krippendorff's data with missing ratings: alpha is defined, Fleiss' kappa says why not", () => {
    const figures = tableAgreement(table("kripp_2011_C_nominal_missing"));
    expect(figures.units).toBe(11);
    expect(figures.fleissKappa.value).toBeNull();
    expect(figures.fleissKappa.reason).toMatch(/same number of ratings/);
    expect(figures.cohenKappa.reason).toMatch(/exactly two coders/);
  });
});
