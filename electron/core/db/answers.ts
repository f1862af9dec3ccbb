import type { AnswerId, AnswerStatus, QuestionId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";

interface AnswerDbRow {
  id: number;
  respondent_id: number;
  external_id: string;
  text: string;
  status: AnswerStatus;
}

export interface AnswerRecord {
  readonly id: AnswerId;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  readonly text: string;
  readonly status: AnswerStatus;
}

function rowToAnswer(row: AnswerDbRow): AnswerRecord {
  return {
    id: row.id as AnswerId,
    respondentId: row.respondent_id as RespondentId,
    respondent: row.external_id,
    text: row.text,
    status: row.status,
  };
}

export function countAnswers(db: Db, questionId: QuestionId): number {
  return (
    db.prepare("SELECT count(*) AS n FROM answers WHERE question_id = ?").get(questionId) as {
      n: number;
    }
  ).n;
}

/** One page of a question's answers in respondent order. */
export function pageAnswers(
  db: Db,
  questionId: QuestionId,
  offset: number,
  limit: number,
): AnswerRecord[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.respondent_id, r.external_id, a.text, a.status
         FROM answers a
         JOIN respondents r ON r.id = a.respondent_id
        WHERE a.question_id = ?
        ORDER BY r.position
        LIMIT ? OFFSET ?`,
    )
    .all(questionId, limit, offset) as AnswerDbRow[];
  return rows.map(rowToAnswer);
}

export interface NewAnswer {
  readonly respondentId: RespondentId;
  readonly questionId: QuestionId;
  readonly text: string;
  readonly status: AnswerStatus;
}

export function insertAnswer(db: Db, answer: NewAnswer): AnswerId {
  const result = db
    .prepare("INSERT INTO answers (respondent_id, question_id, text, status) VALUES (?, ?, ?, ?)")
    .run(answer.respondentId, answer.questionId, answer.text, answer.status);
  return Number(result.lastInsertRowid) as AnswerId;
}
