/**
 * Writes a second coder's work into the project (agreement/coder-merge.ts), each write
 * telling whether it changed anything, so a second merge of the same file reports that
 * it added nothing.
 */
import type {
  AnswerId,
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
} from "../../../shared/domain.ts";
import type { MemoTarget } from "./memos.ts";
import type { Db } from "./project-file.ts";
import { addSegmentMerging, type NewSegment } from "./segments.ts";
import { statement } from "./statements.ts";

/**
 * Adds the segment unless the coder has exactly it (same answer, code and span). A
 * passage the coder widened since an earlier merge joins the segment it overlaps or
 * touches, as coding it in the project would: never two overlapping segments of one
 * code and coder, which the segment level would count twice.
 */
export function addSegmentOnce(db: Db, segment: NewSegment): boolean {
  const present = statement(
    db,
    `SELECT 1 FROM segments
      WHERE answer_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?`,
  )
    .pluck()
    .get(segment.answerId, segment.codeId, segment.coderId, segment.start, segment.end);
  if (present !== undefined) return false;
  return addSegmentMerging(db, segment) !== "unchanged";
}

/** Adds the done mark (answerId null: the whole question); false if it was there. */
export function addDoneMarkOnce(
  db: Db,
  coderId: CoderId,
  questionId: QuestionId,
  answerId: AnswerId | null,
  markedAt: string,
): boolean {
  const result = statement(
    db,
    `INSERT INTO done_marks (coder_id, question_id, answer_id, marked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(coderId, questionId, answerId, markedAt);
  return result.changes > 0;
}

/** A question's answers by respondent, with their text: one scan instead of a lookup each. */
export function answersOfQuestion(
  db: Db,
  questionId: QuestionId,
): Map<RespondentId, { id: AnswerId; text: string }> {
  const rows = statement(db, "SELECT respondent_id, id, text FROM answers WHERE question_id = ?")
    .raw()
    .all(questionId) as [RespondentId, AnswerId, string][];
  return new Map(rows.map(([respondent, id, text]) => [respondent, { id, text }]));
}

export interface IncomingMemo {
  readonly coderId: CoderId;
  readonly target: MemoTarget;
  readonly text: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Brings a coder's memo on an answer or respondent in. The project's memo of that coder
 * on that target wins; a different incoming text is added after it, following a blank
 * line, unless the memo already holds it (a second merge adds nothing). Returns whether
 * the project changed.
 */
export function mergeMemo(db: Db, memo: IncomingMemo): boolean {
  const column = "answerId" in memo.target ? "answer_id" : "respondent_id";
  const targetId = "answerId" in memo.target ? memo.target.answerId : memo.target.respondentId;
  const existing = statement(
    db,
    `SELECT id, text FROM memos WHERE ${column} = ? AND coder_id = ?`,
  ).get(targetId, memo.coderId) as { id: number; text: string } | undefined;
  if (existing === undefined) {
    statement(
      db,
      `INSERT INTO memos (${column}, coder_id, text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(targetId, memo.coderId, memo.text, memo.createdAt, memo.updatedAt);
    return true;
  }
  if (existing.text.includes(memo.text.trim())) return false;
  statement(db, "UPDATE memos SET text = ?, updated_at = ? WHERE id = ?").run(
    `${existing.text.trimEnd()}\n\n${memo.text}`,
    memo.updatedAt,
    existing.id,
  );
  return true;
}

export interface CodeRow {
  readonly parentId: CodeId | null;
  readonly name: string;
  readonly color: string;
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

/** Adds a code with its colour and codebook entry, last among its siblings. */
export function insertCodeWithEntry(db: Db, code: CodeRow): CodeId {
  const result = statement(
    db,
    `INSERT INTO codes (parent_id, name, color, description, when_to_use, when_not_to_use,
                        example, position)
     VALUES (?, ?, ?, ?, ?, ?, ?,
             (SELECT ifnull(max(position), -1) + 1 FROM codes WHERE parent_id IS ?))`,
  ).run(
    code.parentId,
    code.name,
    code.color.toLowerCase(),
    code.description,
    code.whenToUse,
    code.whenNotToUse,
    code.example,
    code.parentId,
  );
  return Number(result.lastInsertRowid) as CodeId;
}
