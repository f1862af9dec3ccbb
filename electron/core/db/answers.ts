import type { AnswerId, AnswerStatus, QuestionId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

interface AnswerDbRow {
  id: number;
  respondent_id: number;
  external_id: string;
  question_id: number;
  label: string;
  text: string;
  status: AnswerStatus;
}

/** An answer with the names the grid shows for its respondent and question. */
export interface AnswerRecord {
  readonly id: AnswerId;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  readonly questionId: QuestionId;
  readonly question: string;
  readonly text: string;
  readonly status: AnswerStatus;
}

function rowToAnswer(row: AnswerDbRow): AnswerRecord {
  return {
    id: row.id as AnswerId,
    respondentId: row.respondent_id as RespondentId,
    respondent: row.external_id,
    questionId: row.question_id as QuestionId,
    question: row.label,
    text: row.text,
    status: row.status,
  };
}

/** The given answers in the order asked; ids that do not exist are left out. */
export function answerRecords(db: Db, ids: readonly AnswerId[]): AnswerRecord[] {
  if (ids.length === 0) return [];
  const rows = statement(
    db,
    `SELECT a.id, a.respondent_id, r.external_id, a.question_id, q.label, a.text, a.status
       FROM json_each(?) j
       JOIN answers a ON a.id = j.value
       JOIN respondents r ON r.id = a.respondent_id
       JOIN questions q ON q.id = a.question_id
      ORDER BY j.key`,
  ).all(JSON.stringify(ids)) as AnswerDbRow[];
  return rows.map(rowToAnswer);
}

export interface NewAnswer {
  readonly respondentId: RespondentId;
  readonly questionId: QuestionId;
  readonly text: string;
  readonly status: AnswerStatus;
}

export function insertAnswer(db: Db, answer: NewAnswer): AnswerId {
  const result = statement(
    db,
    "INSERT INTO answers (respondent_id, question_id, text, status) VALUES (?, ?, ?, ?)",
  ).run(answer.respondentId, answer.questionId, answer.text, answer.status);
  return Number(result.lastInsertRowid) as AnswerId;
}

export function findAnswer(
  db: Db,
  respondentId: RespondentId,
  questionId: QuestionId,
): { id: AnswerId; text: string } | undefined {
  return statement(
    db,
    "SELECT id, text FROM answers WHERE respondent_id = ? AND question_id = ?",
  ).get(respondentId, questionId) as { id: AnswerId; text: string } | undefined;
}

/**
 * Gives an answer new text (a new wave replaced it). Its coded passages no longer fit
 * the text, so they go; the status is the new text's, no longer the user's choice.
 */
export function replaceAnswerText(db: Db, id: AnswerId, text: string, status: AnswerStatus): void {
  statement(db, "DELETE FROM segments WHERE answer_id = ?").run(id);
  statement(db, "UPDATE answers SET text = ?, status = ?, status_set_by_user = 0 WHERE id = ?").run(
    text,
    status,
    id,
  );
}

export function countSegmentsOfAnswer(db: Db, id: AnswerId): number {
  return (
    statement(db, "SELECT count(*) AS n FROM segments WHERE answer_id = ?").get(id) as {
      n: number;
    }
  ).n;
}

export function getAnswer(
  db: Db,
  id: AnswerId,
): { id: AnswerId; text: string; status: AnswerStatus } | undefined {
  return statement(db, "SELECT id, text, status FROM answers WHERE id = ?").get(id) as
    { id: AnswerId; text: string; status: AnswerStatus } | undefined;
}

/** The user's verdict on an answer: a real answer, or a placeholder for none. */
export function setAnswerStatus(db: Db, id: AnswerId, status: AnswerStatus): void {
  statement(db, "UPDATE answers SET status = ?, status_set_by_user = 1 WHERE id = ?").run(
    status,
    id,
  );
}
