/**
 * The SQL of merging codes into a target: their segments and code memos move to it.
 * Joining a moved segment with the same coder's segments of the target it overlaps is
 * db/segments.ts's `absorbTouching`.
 */
import type { CodeId, CoderId, SegmentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { jsonList } from "./sql.ts";
import { statement } from "./statements.ts";

const IN_CODES = "code_id IN (SELECT value FROM json_each(?))";

/**
 * The sources' segments that overlap or touch another segment of the same coder on the
 * same answer, of the target or of a source: after the move, only these can join
 * another segment, so only these need merging (in text order).
 */
export function segmentsToJoin(
  db: Db,
  sourceIds: readonly CodeId[],
  targetId: CodeId,
): SegmentId[] {
  return statement(
    db,
    `SELECT DISTINCT s.id FROM segments s
       JOIN segments o ON o.answer_id = s.answer_id AND o.coder_id = s.coder_id
                      AND o.id <> s.id AND o.start <= s.end AND o.end >= s.start
                      AND (o.code_id = ? OR o.${IN_CODES})
      WHERE s.${IN_CODES}
      ORDER BY s.answer_id, s.start, s.id`,
  )
    .pluck()
    .all(targetId, jsonList(sourceIds), jsonList(sourceIds)) as SegmentId[];
}

/** Gives every segment of the sources to the target; how many moved. */
export function moveSegmentsToCode(db: Db, sourceIds: readonly CodeId[], targetId: CodeId): number {
  return statement(db, `UPDATE segments SET code_id = ? WHERE ${IN_CODES}`).run(
    targetId,
    jsonList(sourceIds),
  ).changes;
}

/** The segments of the segment's code and coder on its answer that it overlaps or touches. */
export function touchingSegments(db: Db, id: SegmentId): SegmentId[] {
  return statement(
    db,
    `SELECT o.id FROM segments s
       JOIN segments o ON o.answer_id = s.answer_id AND o.code_id = s.code_id
                      AND o.coder_id = s.coder_id AND o.id <> s.id
                      AND o.start <= s.end AND o.end >= s.start
      WHERE s.id = ?`,
  )
    .pluck()
    .all(id) as SegmentId[];
}

export interface CodeMemo {
  readonly id: number;
  readonly codeId: CodeId;
  readonly coderId: CoderId | null;
  readonly text: string;
}

/** The memos written on the codes, the oldest first. */
export function codeMemos(db: Db, codeIds: readonly CodeId[]): CodeMemo[] {
  return statement(
    db,
    `SELECT id, code_id AS codeId, coder_id AS coderId, text FROM memos
      WHERE ${IN_CODES} ORDER BY id`,
  ).all(jsonList(codeIds)) as CodeMemo[];
}

export function setMemoCode(db: Db, memoId: number, codeId: CodeId): void {
  statement(db, "UPDATE memos SET code_id = ? WHERE id = ?").run(codeId, memoId);
}

export function setMemoText(db: Db, memoId: number, text: string, now: string): void {
  statement(db, "UPDATE memos SET text = ?, updated_at = ? WHERE id = ?").run(text, now, memoId);
}

export function deleteMemo(db: Db, memoId: number): void {
  statement(db, "DELETE FROM memos WHERE id = ?").run(memoId);
}
