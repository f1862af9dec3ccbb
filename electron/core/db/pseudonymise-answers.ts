/**
 * The SQL of a pseudonymised copy for an answer's coded passages, moved onto its new
 * text (privacy/pseudonymise-segments.ts).
 */
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface SegmentSpanRow {
  readonly id: number;
  readonly codeId: number;
  readonly coderId: number;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
}

export function segmentsOfAnswer(db: Db, answerId: number): SegmentSpanRow[] {
  return statement(
    db,
    `SELECT id, code_id AS codeId, coder_id AS coderId, start, "end", memo
       FROM segments WHERE answer_id = ? ORDER BY coder_id, code_id, start, id`,
  ).all(answerId) as SegmentSpanRow[];
}

export function setSegmentSpan(
  db: Db,
  id: number,
  span: { start: number; end: number; memo: string },
): void {
  statement(db, 'UPDATE segments SET start = ?, "end" = ?, memo = ? WHERE id = ?').run(
    span.start,
    span.end,
    span.memo,
    id,
  );
}

export function deleteSegment(db: Db, id: number): void {
  statement(db, "DELETE FROM segments WHERE id = ?").run(id);
}
