import { describe, expect, it } from "vitest";
import type { CodeId, QuestionId } from "../../shared/domain.ts";
import type {
  Crosstab,
  QuestionTally,
  ResponseRate,
  TallyCode,
} from "../../shared/api/tally-api.ts";
import {
  codeBars,
  codeBarsOption,
  codeBarsSummary,
  codeBarsTable,
  codeBarsTitle,
} from "../../renderer/src/charts/code-bars.ts";
import {
  crosstabGroups,
  crosstabOption,
  crosstabStacks,
  crosstabTable,
} from "../../renderer/src/charts/crosstab-bars.ts";
import {
  rateBars,
  responseRateOption,
  rowsWithoutPopulation,
} from "../../renderer/src/charts/response-rate.ts";

const screen = { width: 600, medium: "screen" } as const;

function code(
  id: number,
  parentId: number | null,
  path: string[],
  n: number,
  answered = 12,
): TallyCode {
  return {
    codeId: id as CodeId,
    parentId: parentId as CodeId | null,
    path,
    nRespondents: n,
    nSegments: n + 1,
    pctOfAnswered: answered === 0 ? null : n / answered,
    pctOfSegments: null,
  };
}

/** Q3: 12 of 14 answered; three top-level codes, one with a child. */
const q3: QuestionTally = {
  questionId: 3 as QuestionId,
  label: "Q3 Limitations",
  text: "What limits your work?",
  position: 3,
  answered: 12,
  empty: 1,
  nonResponse: 1,
  missing: 0,
  codes: [
    code(1, null, ["Victim safety"], 3),
    code(12, null, ["Resources"], 9),
    code(13, 12, ["Resources", "Lack of funding"], 7),
    code(29, null, ["Legal framework"], 5),
  ],
};

type Series = {
  data: { value: number; itemStyle?: { color: string } }[];
  label: { formatter: (p: { dataIndex: number }) => string };
};

describe("the bar chart of a question's codes", () => {
  it("draws the top-level codes, most respondents first, labelled 9 of 12", () => {
    const bars = codeBars({ question: q3, measure: "count" });
    expect(bars.map((bar) => [bar.name, bar.label])).toEqual([
      ["Resources", "9 of 12"],
      ["Legal framework", "5 of 12"],
      ["Victim safety", "3 of 12"],
    ]);
  });

  it("labels percentages of those who answered: 75% (9 of 12)", () => {
    const bars = codeBars({ question: q3, measure: "percent" });
    expect(bars[0]).toMatchObject({ value: 75, label: "75% (9 of 12)" });
    expect(bars[1]).toMatchObject({ value: 41.7, label: "42% (5 of 12)" });
  });

  it("keeps the order it is given, and a category's children with their full path", () => {
    const bars = codeBars({ question: q3, measure: "count", codeIds: [29, 13], order: "given" });
    expect(bars.map((bar) => bar.fullName)).toEqual([
      "Legal framework",
      "Resources › Lack of funding",
    ]);
  });

  it("colours each bar with its code's colour", () => {
    const colours = new Map([[12, "#ca6f1e"]]);
    const built = codeBarsOption({ question: q3, measure: "count", colours }, screen);
    const series = (built.option.series as Series[])[0]!;
    expect(series.data[0]!.itemStyle!.color).toBe("#ca6f1e");
    expect(series.label.formatter({ dataIndex: 0 })).toBe("9 of 12");
  });

  it("titles the chart with the question and its denominator", () => {
    expect(codeBarsTitle({ question: q3, measure: "count" })).toBe(
      "Q3 Limitations — 12 respondents answered",
    );
    const built = codeBarsOption({ question: q3, measure: "percent" }, screen);
    expect((built.option.xAxis as { name: string }).name).toBe(
      "% of the 12 respondents who answered",
    );
  });

  it("grows taller with every bar instead of squeezing them", () => {
    const few = codeBarsOption({ question: q3, measure: "count", codeIds: [12] }, screen);
    const more = codeBarsOption(
      { question: q3, measure: "count", codeIds: [12, 13, 29, 1] },
      screen,
    );
    expect(more.height - few.height).toBe(3 * 30);
  });

  it("tells a screen reader every figure, and tabulates them", () => {
    const input = { question: q3, measure: "count" } as const;
    expect(codeBarsSummary(input)).toBe(
      "Bar chart. Q3 Limitations — 12 respondents answered. Resources: 9 of 12; Legal framework: 5 of 12; Victim safety: 3 of 12.",
    );
    expect(codeBarsTable(input).rows[0]).toEqual(["Resources", "9", "12", "75%"]);
  });
});

const rate: ResponseRate = {
  questionId: null,
  overall: { respondents: 18, answered: 15, population: 45, rate: 15 / 45 },
  attributes: [
    {
      name: "country",
      valuesAnswered: 12,
      valuesPopulation: 25,
      valuesRate: 12 / 25,
      values: [
        { value: "Ireland", respondents: 5, answered: 4, population: 6, rate: 4 / 6 },
        { value: "Spain", respondents: 3, answered: 3, population: null, rate: null },
      ],
    },
    {
      name: "type",
      valuesAnswered: 2,
      valuesPopulation: null,
      valuesRate: null,
      values: [],
    },
  ],
};

describe("the response-rate chart", () => {
  it("shows 15 of 45 (33%) overall and 12 of 25 (48%) countries", () => {
    expect(rateBars({ rate }).map((bar) => [bar.name, bar.label])).toEqual([
      ["All respondents", "33% (15 of 45)"],
      ["country: values represented", "48% (12 of 25)"],
    ]);
    expect(rowsWithoutPopulation({ rate })).toEqual(["type: values represented"]);
  });

  it("shows the values of one attribute, leaving out and naming those without a population", () => {
    const input = { rate, attribute: "country" };
    expect(rateBars(input).map((bar) => bar.label)).toEqual(["33% (15 of 45)", "67% (4 of 6)"]);
    expect(rowsWithoutPopulation(input)).toEqual(["Spain"]);
    const title = responseRateOption(input, screen).option.title as { subtext: string };
    expect(title.subtext.replace(/\n/g, " ")).toContain("No population size given for: Spain.");
  });

  it("falls back to the respondents in the project when no population is given", () => {
    const bare: ResponseRate = {
      ...rate,
      overall: { respondents: 18, answered: 15, population: null, rate: null },
      attributes: [],
    };
    expect(rateBars({ rate: bare }).map((bar) => bar.label)).toEqual(["83% (15 of 18)"]);
    // Values of an attribute ("12 countries") have no denominator without a population.
    const noSizes: ResponseRate = {
      ...bare,
      attributes: rate.attributes.map((a) => ({
        ...a,
        valuesPopulation: null,
        values: a.values.map((v) => ({ ...v, population: null })),
      })),
    };
    expect(rateBars({ rate: noSizes }).map((bar) => bar.name)).toEqual(["All respondents"]);
    expect(rateBars({ rate: noSizes, attribute: "country" }).map((bar) => bar.label)).toEqual([
      "83% (15 of 18)",
      "80% (4 of 5)",
      "100% (3 of 3)",
    ]);
  });
});

const crosstab: Crosstab = {
  attribute: "country",
  coderId: null,
  questionId: 3 as QuestionId,
  columns: [
    { value: "Ireland", respondents: 6, answered: 5 },
    { value: "Spain", respondents: 4, answered: 4 },
    { value: "Malta", respondents: 0, answered: 0 },
    { value: null, respondents: 2, answered: 2 },
  ],
  rows: [
    {
      codeId: 12 as CodeId,
      parentId: null,
      path: ["Resources"],
      cells: [4, 2, 0, 1],
      pctOfAnswered: [0.8, 0.5, null, 0.5],
      total: 7,
    },
    {
      codeId: 13 as CodeId,
      parentId: 12 as CodeId,
      path: ["Resources", "Lack of funding"],
      cells: [3, 1, 0, 0],
      pctOfAnswered: [0.6, 0.25, null, 0],
      total: 4,
    },
    {
      codeId: 29 as CodeId,
      parentId: null,
      path: ["Legal framework"],
      cells: [1, 3, 0, 0],
      pctOfAnswered: [0.2, 0.75, null, 0],
      total: 4,
    },
  ],
};

describe("the crosstab chart", () => {
  it("draws a bar per value with respondents, and a stack per top-level code", () => {
    expect(crosstabGroups(crosstab).map((g) => g.name)).toEqual(["Ireland", "Spain", "(no value)"]);
    const stacks = crosstabStacks({ crosstab, measure: "count" });
    expect(stacks.map((s) => [s.name, s.values])).toEqual([
      ["Resources", [4, 2, 1]],
      ["Legal framework", [1, 3, 0]],
    ]);
  });

  it("stacks column percentages of those who answered", () => {
    const stacks = crosstabStacks({ crosstab, measure: "percent", codeIds: [13] });
    expect(stacks[0]!.values).toEqual([60, 25, 0]);
    expect(stacks[0]!.texts[0]).toBe("3 of 5 (60%)");
  });

  it("has a legend of the codes and a series per code", () => {
    const built = crosstabOption({ crosstab, measure: "count" }, screen);
    const legend = built.option.legend as { data: { name: string }[] };
    expect(legend.data.map((d) => d.name)).toEqual(["Resources", "Legal framework"]);
    expect((built.option.series as unknown[]).length).toBe(2);
    expect(crosstabTable({ crosstab, measure: "count" }).rows[0]).toEqual([
      "Ireland",
      "5",
      "4 of 5 (80%)",
      "1 of 5 (20%)",
    ]);
  });
});
