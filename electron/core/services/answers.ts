import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerPage, QuestionId } from "../../../shared/domain.ts";
import { countAnswers, pageAnswers } from "../db/answers.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { attributesOf } from "../db/respondents.ts";
import { segmentsOfAnswers } from "../db/segments.ts";

/** One page of a question's answers with each respondent's attributes and segments. */
export function listAnswers(
  db: Db,
  questionId: QuestionId,
  offset: number,
  limit: number,
): AnswerPage {
  if (!questionExists(db, questionId)) {
    throw new CairnError("not_found", `question ${questionId} does not exist in this project`);
  }
  const answers = pageAnswers(db, questionId, offset, limit);
  const attributes = attributesOf(
    db,
    answers.map((a) => a.respondentId),
  );
  const segments = segmentsOfAnswers(
    db,
    answers.map((a) => a.id),
  );
  return {
    questionId,
    total: countAnswers(db, questionId),
    offset,
    rows: answers.map((answer) => ({
      answerId: answer.id,
      respondentId: answer.respondentId,
      respondent: answer.respondent,
      attributes: attributes.get(answer.respondentId) ?? {},
      text: answer.text,
      status: answer.status,
      segments: segments.get(answer.id) ?? [],
    })),
  };
}
