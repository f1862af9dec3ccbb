import { describe, expect, it } from "vitest";
import type { QuestionId, RespondentId } from "../../shared/domain.ts";
import {
  attributeValues,
  cleanFilter,
  codedFilter,
  codedMode,
  DEFAULT_SORT,
  effectiveFilter,
  hasFilter,
  isAnsweredOnly,
  listInput,
  sameQuery,
  valueChoices,
  withAnsweredOnly,
  withAttributeValues,
  type GridTarget,
} from "../../renderer/src/grid/query.ts";

const question: GridTarget = { kind: "question", questionId: 3 as QuestionId };
const respondent: GridTarget = {
  kind: "respondent",
  respondentId: 7 as RespondentId,
  label: "ORG-07",
};
const ireland = { name: "Country", values: ["Ireland"] };

describe("cleaning the filter before it goes to the core", () => {
  it("drops a blank search, no status ticked and an attribute with no value ticked", () => {
    expect(
      cleanFilter({
        text: "   ",
        statuses: [],
        attributes: [{ name: "Country", values: [] }, ireland],
      }),
    ).toEqual({ attributes: [ireland] });
    expect(cleanFilter({ text: "  court  " })).toEqual({ text: "court" });
  });

  it("counts as no filter when nothing is left", () => {
    expect(hasFilter({ text: " ", attributes: [] })).toBe(false);
    expect(hasFilter({ statuses: ["answered"] })).toBe(true);
  });
});

describe("the filter as one view applies it", () => {
  it("applies everything to a question's answers", () => {
    const filter = { text: "court", attributes: [ireland] };
    expect(effectiveFilter("question", filter)).toEqual(filter);
  });

  it("leaves attributes out of one respondent's answers, which all share them", () => {
    expect(effectiveFilter("respondent", { text: "court", attributes: [ireland] })).toEqual({
      text: "court",
    });
  });
});

describe("asking for a page of the list", () => {
  it("asks for a question's answers with its sort and the clean filter", () => {
    expect(listInput(question, DEFAULT_SORT, { text: " court " }, 400, 200)).toEqual({
      questionId: 3,
      offset: 400,
      limit: 200,
      sort: { by: "respondent", descending: false },
      filter: { text: "court" },
    });
  });

  it("sends no filter at all when none applies", () => {
    expect(listInput(question, DEFAULT_SORT, { text: "" }, 0, 200)).not.toHaveProperty("filter");
    expect(listInput(respondent, DEFAULT_SORT, { attributes: [ireland] }, 0, 200)).toEqual({
      respondentId: 7,
      offset: 0,
      limit: 200,
    });
  });

  it("asks for one respondent's answers in questionnaire order, without a sort", () => {
    const sort = { by: "length" as const, descending: true };
    const input = listInput(respondent, sort, { statuses: ["answered"] }, 0, 50);
    expect(input).toEqual({
      respondentId: 7,
      offset: 0,
      limit: 50,
      filter: { statuses: ["answered"] },
    });
  });
});

describe("hiding blanks and non-responses in one click", () => {
  it("is the filter on answered answers only, on and off", () => {
    const on = withAnsweredOnly({ text: "court" }, true);
    expect(on).toEqual({ text: "court", statuses: ["answered"] });
    expect(isAnsweredOnly(on)).toBe(true);
    expect(isAnsweredOnly({ statuses: ["answered", "empty"] })).toBe(false);
    expect(cleanFilter(withAnsweredOnly(on, false))).toEqual({ text: "court" });
  });
});

describe("ticking an attribute's values", () => {
  it("adds, replaces and removes one attribute's values, keeping the others", () => {
    let filter = withAttributeValues({}, "Country", ["Ireland", "Malta"]);
    filter = withAttributeValues(filter, "Staff", ["12"]);
    expect(attributeValues(filter, "Country")).toEqual(["Ireland", "Malta"]);
    filter = withAttributeValues(filter, "Country", ["Malta"]);
    expect(filter.attributes).toEqual([
      { name: "Staff", values: ["12"] },
      { name: "Country", values: ["Malta"] },
    ]);
    filter = withAttributeValues(filter, "Staff", []);
    filter = withAttributeValues(filter, "Country", []);
    expect(filter.attributes).toBeUndefined();
    expect(attributeValues(filter, "Country")).toEqual([]);
  });

  it("offers the values the core listed, then values ticked by hand that it did not", () => {
    const listed = [
      { value: "Ireland", respondents: 2 },
      { value: "Malta", respondents: 1 },
    ];
    expect(valueChoices(listed, ["Zone 10", "Malta", "Zone 9"])).toEqual([
      { value: "Ireland", respondents: 2 },
      { value: "Malta", respondents: 1 },
      { value: "Zone 9", respondents: null },
      { value: "Zone 10", respondents: null },
    ]);
    expect(valueChoices([], [])).toEqual([]);
  });
});

describe("filtering by coding", () => {
  it("reads the mode back from the filter", () => {
    expect(codedMode(undefined)).toBe("off");
    expect(codedMode({ present: true })).toBe("any");
    expect(codedMode({ present: false })).toBe("none");
    expect(codedMode({ codeId: 4, present: true })).toBe("has");
    expect(codedMode({ codeId: 4, present: false })).toBe("lacks");
  });

  it("builds the filter for each mode, with one coder's work if chosen", () => {
    expect(codedFilter("off", 4, undefined)).toBeUndefined();
    expect(codedFilter("any", 4, undefined)).toEqual({ present: true });
    expect(codedFilter("none", undefined, 2)).toEqual({ present: false, coderId: 2 });
    expect(codedFilter("has", 4, 2)).toEqual({ codeId: 4, present: true, coderId: 2 });
    expect(codedFilter("lacks", 4, undefined)).toEqual({ codeId: 4, present: false });
  });

  it("means nothing yet for 'has code' without a code", () => {
    expect(codedFilter("has", undefined, undefined)).toBeUndefined();
  });
});

describe("telling whether a query changed", () => {
  it("compares by content", () => {
    expect(sameQuery({ by: "length", descending: true }, { by: "length", descending: true })).toBe(
      true,
    );
    expect(sameQuery({ text: "a" }, { text: "b" })).toBe(false);
  });
});
