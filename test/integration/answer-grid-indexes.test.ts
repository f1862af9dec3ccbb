import { afterEach, describe, expect, it } from "vitest";
import { orderedIdsQuery, type AnswerSelection } from "../../electron/core/db/answer-query.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import { useTempDir } from "../helpers/temp.ts";
import { createSurvey, type Survey } from "./answer-grid-survey.ts";

const tempDir = useTempDir();
let survey: Survey;
afterEach(() => survey.session.close());

function plan(db: Db, selection: AnswerSelection): string {
  const query = orderedIdsQuery(db, selection, { by: "default", descending: false });
  return (
    db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as { detail: string }[]
  )
    .map((row) => row.detail)
    .join("\n");
}

describe("the grid's indexes (migration 3)", () => {
  it("orders and filters a question's answers from indexes, without reading answer rows", () => {
    survey = createSurvey(tempDir());
    const view = { questionId: survey.question.Approach };
    expect(plan(survey.db, { view, statuses: ["answered"] })).toContain(
      "COVERING INDEX answers_by_question",
    );
    const coded = plan(survey.db, {
      view,
      coded: {
        codeIds: [survey.code.Safety, survey.code.Risk],
        present: true,
        coderId: survey.coder.Ann,
      },
    });
    expect(coded).toContain("COVERING INDEX segments_by_answer (answer_id=?)");
  });
});
