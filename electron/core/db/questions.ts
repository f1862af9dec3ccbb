import type { CoderId, QuestionId, QuestionSummary } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";

interface QuestionRow {
  id: number;
  position: number;
  label: string;
  text: string;
  section: string;
  answered: number;
  empty: number;
  non_response: number;
  /** JSON array of the coders who marked the whole question done. */
  done_by: string;
}

function rowToQuestion(row: QuestionRow): QuestionSummary {
  return {
    id: row.id as QuestionId,
    position: row.position,
    label: row.label,
    text: row.text,
    section: row.section,
    answered: row.answered,
    empty: row.empty,
    non_response: row.non_response,
    doneBy: JSON.parse(row.done_by) as CoderId[],
  };
}

/** Every question in questionnaire order, with its answers counted by status. */
export function listQuestions(db: Db): QuestionSummary[] {
  const rows = db
    .prepare(
      `SELECT q.id, q.position, q.label, q.text, q.section,
              count(a.id) FILTER (WHERE a.status = 'answered')     AS answered,
              count(a.id) FILTER (WHERE a.status = 'empty')        AS empty,
              count(a.id) FILTER (WHERE a.status = 'non_response') AS non_response,
              (SELECT json_group_array(d.coder_id) FROM done_marks d
                WHERE d.question_id = q.id AND d.answer_id IS NULL) AS done_by
         FROM questions q
         LEFT JOIN answers a ON a.question_id = q.id
        GROUP BY q.id
        ORDER BY q.position`,
    )
    .all() as QuestionRow[];
  return rows.map(rowToQuestion);
}

export function questionExists(db: Db, id: QuestionId): boolean {
  return db.prepare("SELECT 1 FROM questions WHERE id = ?").get(id) !== undefined;
}

export interface NewQuestion {
  readonly label: string;
  readonly text: string;
  readonly section: string;
}

export function insertQuestion(db: Db, question: NewQuestion): QuestionId {
  const { position } = db
    .prepare("SELECT ifnull(max(position), 0) + 1 AS position FROM questions")
    .get() as { position: number };
  const result = db
    .prepare("INSERT INTO questions (position, label, text, section) VALUES (?, ?, ?, ?)")
    .run(position, question.label, question.text, question.section);
  return Number(result.lastInsertRowid) as QuestionId;
}

export function questionIdsByLabel(db: Db): Map<string, QuestionId> {
  const rows = db.prepare("SELECT label, id FROM questions").raw().all() as [string, number][];
  return new Map(rows.map(([label, id]) => [label, id as QuestionId]));
}
