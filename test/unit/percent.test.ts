import { describe, expect, it } from "vitest";
import type { QuestionTally, TallyCode } from "../../shared/api/tally-api.ts";
import type { CodeId, QuestionId } from "../../shared/domain.ts";
import {
  countText,
  fractionPercent,
  fractionText,
  ofText,
  percentOfText,
  percentText,
  wholePercent,
} from "../../shared/tally/percent.ts";
import { reportParagraph } from "../../shared/tally/report-sentences.ts";
import { codeBars, codeBarsTable } from "../../renderer/src/charts/code-bars.ts";
import { crosstabStacks } from "../../renderer/src/charts/crosstab-bars.ts";
import { tallyTable } from "../../renderer/src/components/tally/frequency-tables.ts";

describe("a share as a report writes it", () => {
  it("rounds to whole percents, a half up, from the counts themselves", () => {
    expect(wholePercent(9, 14)).toBe(64);
    expect(wholePercent(1, 8)).toBe(13);
    // 29 / 200 is 14.5 %, though 0.145 * 100 is 14.499999999999998 in floating point.
    expect(wholePercent(29, 200)).toBe(15);
    expect(wholePercent(1, 200)).toBe(1);
    expect(wholePercent(0, 7)).toBe(0);
    expect(wholePercent(16, 14)).toBe(114);
    expect(percentText(9, 14)).toBe("64%");
    expect(percentText(29, 200)).toBe("15%");
  });

  it("writes a dash where there is no denominator", () => {
    expect(wholePercent(3, 0)).toBeNull();
    expect(percentText(3, 0)).toBe("–");
    expect(fractionText(null)).toBe("–");
  });

  it("rounds a fraction the same way when only the fraction is at hand", () => {
    expect(fractionText(9 / 14)).toBe("64%");
    expect(fractionText(0.125)).toBe("13%");
    expect(fractionText(0.645)).toBe("65%");
    expect(fractionText(29 / 200)).toBe("15%");
    expect(fractionText(0.0049)).toBe("0%");
    expect(fractionText(1)).toBe("100%");
    expect(fractionText(16 / 14)).toBe("114%");
    expect(fractionText(-0.125)).toBe("-13%");
  });

  it("gives the same whole percent from the counts and from their fraction", () => {
    // Every ratio with a denominator up to 400, and halves with large denominators.
    for (let d = 1; d <= 400; d++) {
      for (let n = 0; n <= d + 20; n++) {
        if (fractionPercent(n / d) !== wholePercent(n, d)) {
          throw new Error(`${n} / ${d}: ${fractionPercent(n / d)} ≠ ${wholePercent(n, d)}`);
        }
      }
    }
    for (const d of [2_000, 20_000, 1_000_000, 999_998, 10_000_000]) {
      for (const n of [Math.floor(d * 0.145), d / 200, (d * 29) / 200, (d * 5) / 1000, d - 1]) {
        const whole = Math.floor(n);
        expect(fractionPercent(whole / d)).toBe(wholePercent(whole, d));
      }
    }
  });

  it("says how many of how many, with thousands separators", () => {
    expect(ofText(9, 12)).toBe("9 of 12");
    expect(ofText(1204, 15000)).toBe("1,204 of 15,000");
    expect(countText(1000000)).toBe("1,000,000");
    expect(percentOfText(9, 12)).toBe("75% (9 of 12)");
    expect(percentOfText(0, 0)).toBe("– (0 of 0)");
  });
});

describe("the same figure reads the same everywhere", () => {
  // 29 of 200 who answered mention Funding: 14.5 %, a half that floating point hides.
  const funding: TallyCode = {
    codeId: 1 as CodeId,
    parentId: null,
    path: ["Funding"],
    nRespondents: 29,
    nSegments: 29,
    pctOfAnswered: 29 / 200,
    pctOfSegments: 29 / 200,
  };
  const other: TallyCode = {
    ...funding,
    codeId: 2 as CodeId,
    path: ["Other"],
    nRespondents: 171,
    nSegments: 171,
    pctOfAnswered: 171 / 200,
    pctOfSegments: 171 / 200,
  };
  const question: QuestionTally = {
    questionId: 1 as QuestionId,
    label: "Q1",
    text: "",
    position: 1,
    answered: 200,
    empty: 0,
    nonResponse: 0,
    missing: 0,
    codes: [funding, other],
  };

  it("15% in the table, the copied table, the chart, its data table and the sentence", () => {
    const copied = tallyTable(question.codes, 200).rows[0]!;
    expect(copied[3]).toBe("15%");
    expect(copied[5]).toBe("15%");
    const bars = codeBars({ question, measure: "percent" });
    expect(bars.find((bar) => bar.name === "Funding")?.label).toBe("15% (29 of 200)");
    const table = codeBarsTable({ question, measure: "percent" });
    expect(table.rows.find((row) => row[0] === "Funding")?.[3]).toBe("15%");
    expect(reportParagraph({ question, respondents: 200, coder: null, filter: [] })).toContain(
      "29 (15%) mention Funding",
    );
  });

  it("15% in a crosstab's stacked bar too", () => {
    const stacks = crosstabStacks({
      crosstab: {
        attribute: "Country",
        coderId: null,
        questionId: null,
        columns: [{ value: "Ireland", respondents: 250, answered: 200 }],
        rows: [
          {
            codeId: 1 as CodeId,
            parentId: null,
            path: ["Funding"],
            cells: [29],
            pctOfAnswered: [29 / 200],
            total: 29,
          },
        ],
      },
      measure: "percent",
    });
    expect(stacks[0]?.texts).toEqual(["29 of 200 (15%)"]);
  });
});
