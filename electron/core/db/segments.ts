import type { AnswerId, CodeId, CoderId, Segment, SegmentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";

interface SegmentRow {
  id: number;
  answer_id: number;
  code_id: number;
  coder_id: number;
  start: number;
  end: number;
  memo: string;
}

function rowToSegment(row: SegmentRow): Segment {
  return {
    id: row.id as SegmentId,
    codeId: row.code_id as CodeId,
    coderId: row.coder_id as CoderId,
    start: row.start,
    end: row.end,
    memo: row.memo,
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
      `SELECT id, answer_id, code_id, coder_id, start, end, memo
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
  const result = db
    .prepare(
      `INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
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
