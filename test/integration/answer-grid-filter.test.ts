import { afterEach, describe, expect, it } from "vitest";
import { listAnswers, type AnswerQuery } from "../../electron/core/services/answers.ts";
import type { CodeId, CoderId, QuestionId, RespondentId } from "../../shared/domain.ts";
import { useTempDir } from "../helpers/temp.ts";
import { createSurvey, respondents, type Survey } from "./answer-grid-survey.ts";

const tempDir = useTempDir();
let survey: Survey;
afterEach(() => survey.session.close());

type Filter = NonNullable<AnswerQuery["filter"]>;

/** Who in the Approach question passes the filter, and how many the page says. */
function matching(filter: Filter, sort?: AnswerQuery["sort"]): [string[], number] {
  const page = listAnswers(survey.db, {
    questionId: survey.question.Approach,
    offset: 0,
    limit: 500,
    filter,
    ...(sort && { sort }),
  });
  return [respondents(page.rows), page.total];
}

describe("filtering one question's answers", () => {
  it("hides blanks and non-responses by status", () => {
    survey = createSurvey(tempDir());
    expect(matching({ statuses: ["answered"] })).toEqual([["R1", "R3", "R5", "R6"], 4]);
    expect(matching({ statuses: ["empty", "non_response"] })).toEqual([["R2", "R4"], 2]);
  });

  it("keeps respondents with any of an attribute's values, and all of several attributes", () => {
    survey = createSurvey(tempDir());
    const country = (...values: string[]) => ({ name: "Country", values });
    expect(matching({ attributes: [country("Ireland")] })).toEqual([["R1", "R4"], 2]);
    expect(matching({ attributes: [country("Ireland", "Malta")] })).toEqual([
      ["R1", "R2", "R4"],
      3,
    ]);
    expect(
      matching({ attributes: [country("Ireland", "Malta"), { name: "Staff", values: ["12"] }] }),
    ).toEqual([["R1"], 1]);
    // Values match exactly: R5's country is "cyprus".
    expect(matching({ attributes: [country("Cyprus")] })).toEqual([[], 0]);
  });

  it("finds answers with a category's code or any code beneath it, or without them", () => {
    survey = createSurvey(tempDir());
    const safety = survey.code.Safety;
    expect(matching({ coded: { codeId: safety, present: true } })).toEqual([["R1", "R3", "R5"], 3]);
    expect(matching({ coded: { codeId: safety, present: false } })).toEqual([
      ["R2", "R4", "R6"],
      3,
    ]);
    expect(matching({ coded: { codeId: survey.code.Shelters, present: true } })).toEqual([
      ["R5"],
      1,
    ]);
  });

  it("finds answers coded at all, or not coded yet", () => {
    survey = createSurvey(tempDir());
    expect(matching({ coded: { present: true } })).toEqual([["R1", "R3", "R5", "R6"], 4]);
    expect(matching({ coded: { present: false } })).toEqual([["R2", "R4"], 2]);
  });

  it("looks at one coder's passages only when asked", () => {
    survey = createSurvey(tempDir());
    const { Ann, Bob } = survey.coder;
    expect(matching({ coded: { present: true, coderId: Bob } })).toEqual([["R3", "R5", "R6"], 3]);
    expect(matching({ coded: { present: false, coderId: Bob } })).toEqual([["R1", "R2", "R4"], 3]);
    const safety = survey.code.Safety;
    expect(matching({ coded: { codeId: safety, present: true, coderId: Bob } })).toEqual([
      ["R3", "R5"],
      2,
    ]);
    expect(
      matching({ coded: { codeId: survey.code.Funding, present: true, coderId: Ann } }),
    ).toEqual([["R1", "R5"], 2]);
  });

  it("searches the text ignoring case, in any script", () => {
    survey = createSurvey(tempDir());
    expect(matching({ text: "POLICE" })).toEqual([["R1"], 1]);
    expect(matching({ text: "école" })).toEqual([["R5"], 1]);
    expect(matching({ text: "ασφαλεια" })).toEqual([["R3"], 1]);
    expect(matching({ text: "ΘΥΜΆΤΩΝ" })).toEqual([["R3"], 1]);
    expect(matching({ text: "" })).toEqual([["R1", "R2", "R3", "R4", "R5", "R6"], 6]);
  });

  it("takes % and _ in a search literally", () => {
    survey = createSurvey(tempDir());
    // R1 says "100 police", R5 "100% of victims".
    expect(matching({ text: "100%" })).toEqual([["R5"], 1]);
    expect(matching({ text: "_" })).toEqual([[], 0]);
  });

  it("combines filters with a sort, counting only what passes all of them", () => {
    survey = createSurvey(tempDir());
    const filter: Filter = {
      statuses: ["answered"],
      attributes: [{ name: "Country", values: ["Ireland", "Greece", "cyprus"] }],
      coded: { codeId: survey.code.Safety, present: true },
      text: ".",
    };
    expect(matching(filter, { by: "codes", descending: true })).toEqual([["R5", "R1", "R3"], 3]);
    expect(matching({ ...filter, text: "100" }, { by: "length", descending: false })).toEqual([
      ["R5", "R1"],
      2,
    ]);
  });
});

describe("filters and sorts that name something the project does not have", () => {
  it("says which attribute is unknown and which ones exist", () => {
    survey = createSurvey(tempDir());
    const query = { questionId: survey.question.Approach, offset: 0, limit: 10 };
    const message =
      'there is no attribute "Contry" in this project; its attributes are "Country", "Staff"';
    expect(() =>
      listAnswers(survey.db, {
        ...query,
        filter: { attributes: [{ name: "Contry", values: ["Ireland"] }] },
      }),
    ).toThrow(expect.objectContaining({ code: "bad_input", message }));
    expect(() =>
      listAnswers(survey.db, {
        ...query,
        sort: { by: "attribute", attribute: "Contry", descending: false },
      }),
    ).toThrow(expect.objectContaining({ code: "bad_input", message }));
  });

  it("reports a question, respondent, code or coder that does not exist", () => {
    survey = createSurvey(tempDir());
    const page = { offset: 0, limit: 10 };
    const approach = { ...page, questionId: survey.question.Approach };
    expect(() => listAnswers(survey.db, { ...page, questionId: 99 as QuestionId })).toThrow(
      expect.objectContaining({
        code: "not_found",
        message: "question 99 does not exist in this project",
      }),
    );
    expect(() => listAnswers(survey.db, { ...page, respondentId: 99 as RespondentId })).toThrow(
      expect.objectContaining({
        code: "not_found",
        message: "respondent 99 does not exist in this project",
      }),
    );
    expect(() =>
      listAnswers(survey.db, {
        ...approach,
        filter: { coded: { codeId: 99 as CodeId, present: true } },
      }),
    ).toThrow(
      expect.objectContaining({
        code: "not_found",
        message: "code 99 does not exist in this project",
      }),
    );
    expect(() =>
      listAnswers(survey.db, {
        ...approach,
        filter: { coded: { present: true, coderId: 99 as CoderId } },
      }),
    ).toThrow(
      expect.objectContaining({
        code: "not_found",
        message: "coder 99 does not exist in this project",
      }),
    );
  });
});
