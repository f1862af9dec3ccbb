import type { AnswerId, CodeId, CoderId, Segment, SegmentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

interface SegmentRow {
  id: number;
  answer_id: number;
  code_id: number;
  coder_id: number;
  start: number;
  end: number;
  memo: string;
  created_at: string;
}

function rowToSegment(row: SegmentRow): Segment {
  return {
    id: row.id as SegmentId,
    codeId: row.code_id as CodeId,
    coderId: row.coder_id as CoderId,
    start: row.start,
    end: row.end,
    memo: row.memo,
    createdAt: row.created_at,
  };
}

/** Segments of the given answers, by answer, each answer's in text order. */
export function segmentsOfAnswers(
  db: Db,
  answerIds: readonly AnswerId[],
): Map<AnswerId, Segment[]> {
  const result = new Map<AnswerId, Segment[]>();
  if (answerIds.length === 0) return result;
  const rows = db
    .prepare(
      `SELECT id, answer_id, code_id, coder_id, start, end, memo, created_at
         FROM segments
        WHERE answer_id IN (SELECT value FROM json_each(?))
        ORDER BY answer_id, start, end, id`,
    )
    .all(JSON.stringify(answerIds)) as SegmentRow[];
  for (const row of rows) {
    const answerId = row.answer_id as AnswerId;
    const list = result.get(answerId) ?? [];
    list.push(rowToSegment(row));
    result.set(answerId, list);
  }
  return result;
}

export interface NewSegment {
  readonly answerId: AnswerId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly createdAt: string;
}

export function insertSegment(db: Db, segment: NewSegment): SegmentId {
  const result = statement(
    db,
    `INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    segment.answerId,
    segment.codeId,
    segment.coderId,
    segment.start,
    segment.end,
    segment.memo,
    segment.createdAt,
  );
  return Number(result.lastInsertRowid) as SegmentId;
}

export type MergeOutcome = "added" | "extended" | "unchanged";

/**
 * Adds a segment under the rule that one coder's segments of one code on one answer
 * never overlap: a segment that overlaps or touches others of the same code and coder
 * is merged with them into one (their memos kept, joined), and one already covered
 * changes nothing, so applying the same coding twice is harmless.
 */
export function addSegmentMerging(db: Db, segment: NewSegment): MergeOutcome {
  const touching = statement(
    db,
    `SELECT id, start, end, memo FROM segments
      WHERE answer_id = ? AND code_id = ? AND coder_id = ? AND start <= ? AND end >= ?
      ORDER BY start, id`,
  ).all(segment.answerId, segment.codeId, segment.coderId, segment.end, segment.start) as {
    id: number;
    start: number;
    end: number;
    memo: string;
  }[];
  const [first, ...others] = touching;
  if (!first) {
    insertSegment(db, segment);
    return "added";
  }
  if (others.length === 0 && first.start <= segment.start && first.end >= segment.end) {
    return "unchanged";
  }
  const start = Math.min(segment.start, ...touching.map((s) => s.start));
  const end = Math.max(segment.end, ...touching.map((s) => s.end));
  const memo = [...touching.map((s) => s.memo), segment.memo]
    .filter((text) => text.trim() !== "")
    .join("\n\n");
  for (const other of others) statement(db, "DELETE FROM segments WHERE id = ?").run(other.id);
  statement(db, "UPDATE segments SET start = ?, end = ?, memo = ? WHERE id = ?").run(
    start,
    end,
    memo,
    first.id,
  );
  return "extended";
}
