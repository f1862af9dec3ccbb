/**
 * The rows a REFI-QDA import writes into a new project (refi/import/writer.ts), one
 * prepared statement each: an import of 100,000 answers runs each of them 100,000 times
 * inside one transaction. Positions are given by the caller, who knows the whole grid.
 */
import type { AnswerStatus } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { insertSegment, type NewSegment } from "./segments.ts";
import { statement } from "./statements.ts";

function rowId(result: { lastInsertRowid: number | bigint }): number {
  return Number(result.lastInsertRowid);
}

export function countAnswers(db: Db): number {
  return statement(db, "SELECT count(*) FROM answers").pluck().get() as number;
}

export function insertQuestionRow(
  db: Db,
  position: number,
  question: { readonly label: string; readonly text: string; readonly section?: string },
): number {
  return rowId(
    statement(db, "INSERT INTO questions (position, label, text, section) VALUES (?, ?, ?, ?)").run(
      position,
      question.label,
      question.text,
      question.section ?? "",
    ),
  );
}

export function insertRespondentRow(db: Db, position: number, externalId: string): number {
  return rowId(
    statement(db, "INSERT INTO respondents (external_id, position) VALUES (?, ?)").run(
      externalId,
      position,
    ),
  );
}

export function insertAttributeRow(db: Db, position: number, name: string): number {
  return rowId(
    statement(db, "INSERT INTO attributes (name, position) VALUES (?, ?)").run(name, position),
  );
}

export function insertAttributeValueRow(
  db: Db,
  respondentId: number,
  attributeId: number,
  value: string,
): void {
  statement(
    db,
    "INSERT INTO respondent_attributes (respondent_id, attribute_id, value) VALUES (?, ?, ?)",
  ).run(respondentId, attributeId, value);
}

export function insertAnswerRow(
  db: Db,
  respondentId: number,
  questionId: number,
  text: string,
  status: AnswerStatus,
): number {
  return rowId(
    statement(
      db,
      "INSERT INTO answers (respondent_id, question_id, text, status) VALUES (?, ?, ?, ?)",
    ).run(respondentId, questionId, text, status),
  );
}

export interface CodeRow {
  readonly parentId: number | null;
  readonly name: string;
  readonly color: string;
  readonly position: number;
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

export function insertCodeRow(db: Db, code: CodeRow): number {
  return rowId(
    statement(
      db,
      `INSERT INTO codes
         (parent_id, name, color, position, description, when_to_use, when_not_to_use, example)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      code.parentId,
      code.name,
      code.color.toLowerCase(),
      code.position,
      code.description,
      code.whenToUse,
      code.whenNotToUse,
      code.example,
    ),
  );
}

export interface SegmentRow {
  readonly answerId: number;
  readonly codeId: number;
  readonly coderId: number;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly createdAt: string;
}

/** The same row db/segments.ts writes for a coder; the import's ids are plain numbers. */
export function insertSegmentRow(db: Db, segment: SegmentRow): void {
  insertSegment(db, segment as NewSegment);
}

export type MemoColumn = "answer_id" | "respondent_id" | "code_id";

/** A memo on an answer, a respondent or a code (one per coder on the first two). */
export function insertMemoRow(
  db: Db,
  column: MemoColumn,
  targetId: number,
  coderId: number,
  text: string,
  at: string,
): void {
  statement(
    db,
    `INSERT INTO memos (${column}, coder_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(targetId, coderId, text, at, at);
}
