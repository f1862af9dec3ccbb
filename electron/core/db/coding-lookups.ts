/**
 * The reads the coding actions check their input against: which answer, question or
 * respondent an id names, and an answer's text to check offsets against.
 */
import type { AnswerId, AnswerStatus, QuestionId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface AnswerToCode {
  readonly id: AnswerId;
  readonly questionId: QuestionId;
  readonly respondentId: RespondentId;
  readonly text: string;
  readonly status: AnswerStatus;
}

export function answerToCode(db: Db, id: AnswerId): AnswerToCode | undefined {
  const row = statement(
    db,
    "SELECT id, question_id, respondent_id, text, status FROM answers WHERE id = ?",
  ).get(id) as
    | { id: number; question_id: number; respondent_id: number; text: string; status: AnswerStatus }
    | undefined;
  return (
    row && {
      id: row.id as AnswerId,
      questionId: row.question_id as QuestionId,
      respondentId: row.respondent_id as RespondentId,
      text: row.text,
      status: row.status,
    }
  );
}

export function questionLabel(db: Db, id: QuestionId): string | undefined {
  return statement(db, "SELECT label FROM questions WHERE id = ?").pluck().get(id) as
    string | undefined;
}

export function respondentExternalId(db: Db, id: RespondentId): string | undefined {
  return statement(db, "SELECT external_id FROM respondents WHERE id = ?").pluck().get(id) as
    string | undefined;
}

/** Of the given answer ids, those that are not answers to the question (or not at all). */
export function answersNotInQuestion(
  db: Db,
  questionId: QuestionId,
  answerIds: readonly AnswerId[],
): AnswerId[] {
  const found = new Set(
    statement(
      db,
      `SELECT id FROM answers
        WHERE question_id = ? AND id IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(questionId, JSON.stringify(answerIds)) as AnswerId[],
  );
  return answerIds.filter((id) => !found.has(id));
}
