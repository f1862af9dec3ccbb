import { afterEach, describe, expect, it } from "vitest";
import { listAnswers, type AnswerQuery } from "../../electron/core/services/answers.ts";
import type { AnswerRow } from "../../shared/domain.ts";
import { useTempDir } from "../helpers/temp.ts";
import { addSegment, createSurvey, respondents, type Survey } from "./answer-grid-survey.ts";

const tempDir = useTempDir();
let survey: Survey;
afterEach(() => survey.session.close());

type Sort = NonNullable<AnswerQuery["sort"]>;

function approach(sort?: Sort, offset = 0, limit = 500): AnswerRow[] {
  return [
    ...listAnswers(survey.db, {
      questionId: survey.question.Approach,
      offset,
      limit,
      ...(sort && { sort }),
    }).rows,
  ];
}

function order(by: Sort["by"], descending: boolean, attribute?: string): string[] {
  return respondents(approach({ by, descending, ...(attribute && { attribute }) }));
}

describe("sorting one question's answers", () => {
  it("lists respondents in questionnaire order by default, whatever their ids", () => {
    survey = createSurvey(tempDir());
    expect(respondents(approach())).toEqual(["R1", "R2", "R3", "R4", "R5", "R6"]);
  });

  it("sorts by respondent both ways", () => {
    survey = createSurvey(tempDir());
    expect(order("respondent", false)).toEqual(["R1", "R2", "R3", "R4", "R5", "R6"]);
    expect(order("respondent", true)).toEqual(["R6", "R5", "R4", "R3", "R2", "R1"]);
  });

  it("sorts by a text attribute ignoring case, respondents without a value last", () => {
    survey = createSurvey(tempDir());
    // cyprus (lower case), Greece, Ireland x2 (then by respondent), Malta; R6 has none.
    expect(order("attribute", false, "Country")).toEqual(["R5", "R3", "R1", "R4", "R2", "R6"]);
    expect(order("attribute", true, "Country")).toEqual(["R2", "R1", "R4", "R3", "R5", "R6"]);
  });

  it("sorts numbers in an attribute by value, before text, as a spreadsheet does", () => {
    survey = createSurvey(tempDir());
    // Staff: R2 9, R1 12, R5 40, R3 150, R4 "unknown", R6 nothing.
    expect(order("attribute", false, "Staff")).toEqual(["R2", "R1", "R5", "R3", "R4", "R6"]);
    expect(order("attribute", true, "Staff")).toEqual(["R4", "R3", "R5", "R1", "R2", "R6"]);
  });

  it("sorts by the length of the answer", () => {
    survey = createSurvey(tempDir());
    // Lengths: R2 0, R4 3, R6 8, R3 23, R5 43, R1 48.
    expect(order("length", false)).toEqual(["R2", "R4", "R6", "R3", "R5", "R1"]);
    expect(order("length", true)).toEqual(["R1", "R5", "R3", "R6", "R4", "R2"]);
  });

  it("sorts by status: answered, then non-responses, then blanks; ties by respondent", () => {
    survey = createSurvey(tempDir());
    expect(order("status", false)).toEqual(["R1", "R3", "R5", "R6", "R4", "R2"]);
    expect(order("status", true)).toEqual(["R2", "R4", "R1", "R3", "R5", "R6"]);
  });

  it("sorts by how many coded passages an answer has", () => {
    survey = createSurvey(tempDir());
    // Segments: R5 3, R1 2, R3 1, R6 1, R2 and R4 none.
    expect(order("codes", false)).toEqual(["R2", "R4", "R3", "R6", "R1", "R5"]);
    expect(order("codes", true)).toEqual(["R5", "R1", "R3", "R6", "R2", "R4"]);
  });
});

describe("paging", () => {
  const sorts: Sort[] = [
    { by: "respondent", descending: true },
    { by: "status", descending: false },
    { by: "codes", descending: true },
    { by: "attribute", attribute: "Country", descending: false },
  ];

  it("never repeats or skips a row from one page to the next, even among ties", () => {
    survey = createSurvey(tempDir());
    for (const sort of sorts) {
      const all = respondents(approach(sort));
      for (const limit of [1, 2, 4]) {
        const paged: string[] = [];
        for (let offset = 0; offset < all.length; offset += limit) {
          paged.push(...respondents(approach(sort, offset, limit)));
        }
        expect(paged).toEqual(all);
      }
    }
  });

  it("counts every matching row on every page, and gives no rows past the end", () => {
    survey = createSurvey(tempDir());
    const query = { questionId: survey.question.Approach, limit: 2 };
    expect(listAnswers(survey.db, { ...query, offset: 0 }).total).toBe(6);
    expect(listAnswers(survey.db, { ...query, offset: 4 })).toMatchObject({ total: 6, offset: 4 });
    expect(listAnswers(survey.db, { ...query, offset: 6 })).toMatchObject({ total: 6, rows: [] });
    expect(listAnswers(survey.db, { ...query, offset: 60 })).toMatchObject({ total: 6, rows: [] });
  });

  it("shows an edit on the next page asked for, not an order from before it", () => {
    survey = createSurvey(tempDir());
    const byCodes: Sort = { by: "codes", descending: true };
    expect(respondents(approach(byCodes, 2, 4))).toEqual(["R3", "R6", "R2", "R4"]);
    // R4 gets four passages coded: it now leads.
    for (let i = 0; i < 4; i++) {
      addSegment(survey.db, survey.approach.R4!, survey.code.Funding, survey.coder.Ann);
    }
    expect(respondents(approach(byCodes, 0, 2))).toEqual(["R4", "R5"]);
    expect(respondents(approach(byCodes, 2, 4))).toEqual(["R1", "R3", "R6", "R2"]);
  });
});
