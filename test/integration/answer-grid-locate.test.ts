import { afterEach, describe, expect, it } from "vitest";
import {
  listAnswers,
  locateAnswer,
  type AnswerLocation,
} from "../../electron/core/services/answers.ts";
import { useTempDir } from "../helpers/temp.ts";
import { createSurvey, type Survey } from "./answer-grid-survey.ts";

const tempDir = useTempDir();
let survey: Survey;
afterEach(() => survey.session.close());

/** Where the grid, sorted and filtered as given, shows respondent `who`'s answer. */
function placeOf(who: string, view: Omit<AnswerLocation, "answerId">): number | null {
  const answerId = survey.approach[who];
  if (answerId === undefined) throw new Error(`no answer of ${who}`);
  return locateAnswer(survey.db, { ...view, answerId });
}

describe("finding an answer in the grid (to show a search hit)", () => {
  it("gives the row the answer is on in the list as the grid shows it", () => {
    survey = createSurvey(tempDir());
    const questionId = survey.question.Approach;
    const rows = listAnswers(survey.db, { questionId, offset: 0, limit: 500 }).rows;
    for (const [index, row] of rows.entries()) {
      expect(locateAnswer(survey.db, { questionId, answerId: row.answerId })).toBe(index);
    }
  });

  it("follows the sort the grid uses", () => {
    survey = createSurvey(tempDir());
    const questionId = survey.question.Approach;
    // Longest first: R1 (48 characters) leads, R2's blank answer comes last.
    const sort = { by: "length", descending: true } as const;
    expect(placeOf("R1", { questionId, sort })).toBe(0);
    expect(placeOf("R2", { questionId, sort })).toBe(5);
  });

  it("says null when the filter hides the answer", () => {
    survey = createSurvey(tempDir());
    const questionId = survey.question.Approach;
    expect(placeOf("R2", { questionId, filter: { statuses: ["answered"] } })).toBeNull();
    expect(placeOf("R3", { questionId, filter: { statuses: ["answered"] } })).toBe(1);
  });
});
