import { describe, expect, it } from "vitest";
import type { Crosstab } from "../../shared/api/tally-api.ts";
import type { CodeId, CoderId, QuestionId } from "../../shared/domain.ts";
import { cellPassages } from "../../renderer/src/components/tally/crosstab-passages.ts";

const SAFETY = 3 as CodeId;

/** Q2 by Country under Aoife's coding: Ireland, Malta, then respondents with no country. */
const CROSSTAB: Crosstab = {
  attribute: "Country",
  coderId: 7 as CoderId,
  questionId: 2 as QuestionId,
  columns: [
    { value: "Ireland", respondents: 2, answered: 2 },
    { value: "Malta", respondents: 3, answered: 3 },
    { value: null, respondents: 1, answered: 1 },
  ],
  rows: [],
};

describe("the passages behind a crosstab cell", () => {
  it("narrows the view's filter to the cell's value, under the crosstab's question and coder", () => {
    const filter = [{ name: "Type", values: ["Shelter"] }];
    expect(cellPassages(CROSSTAB, filter, SAFETY, 0)).toEqual({
      codeId: SAFETY,
      questionId: 2,
      coder: 7,
      attributes: [
        { name: "Type", values: ["Shelter"] },
        { name: "Country", values: ["Ireland"] },
      ],
    });
  });

  it("lets the cell's value replace the filter's own values of the split attribute", () => {
    const filter = [
      { name: "Country", values: ["Ireland", "Malta"] },
      { name: "Type", values: ["Shelter"] },
    ];
    expect(cellPassages(CROSSTAB, filter, SAFETY, 1)?.attributes).toEqual([
      { name: "Type", values: ["Shelter"] },
      { name: "Country", values: ["Malta"] },
    ]);
  });

  it("keeps the filter as it is for the total, and every question and coder when the crosstab has", () => {
    const filter = [{ name: "Country", values: ["Ireland", "Malta"] }];
    const everyone = { ...CROSSTAB, coderId: null, questionId: null };
    expect(cellPassages(everyone, filter, SAFETY, 3)).toEqual({
      codeId: SAFETY,
      coder: "all",
      attributes: filter,
    });
  });

  it("has no list for respondents without a value: a filter asks only for values", () => {
    expect(cellPassages(CROSSTAB, [], SAFETY, 2)).toBeNull();
  });

  it("refuses a column the crosstab does not have", () => {
    expect(() => cellPassages(CROSSTAB, [], SAFETY, 4)).toThrow(/column 4/);
  });
});
