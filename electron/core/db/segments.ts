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

interface Span {
  id: number;
  start: number;
  end: number;
  memo: string;
}

/**
 * Adds a segment under the rule that one coder's segments of one code on one answer
 * never overlap: a segment that overlaps or touches others of the same code and coder
 * is merged with them into one (their memos kept, joined), and one already covered
 * changes nothing, so applying the same coding twice is harmless.
 */
export function addSegmentMerging(db: Db, segment: NewSegment): MergeOutcome {
  return mergeSegment(db, segment).outcome;
}

/** As `addSegmentMerging`, and which segment now covers the passage. */
export function mergeSegment(
  db: Db,
  segment: NewSegment,
): { outcome: MergeOutcome; segmentId: SegmentId } {
  const touching = touchingSpans(db, segment, segment.start, segment.end);
  const [first, ...others] = touching;
  if (!first) return { outcome: "added", segmentId: insertSegment(db, segment) };
  if (others.length === 0 && first.start <= segment.start && first.end >= segment.end) {
    // The passage is coded already, but a memo that came with it is kept, as any merge
    // keeps the memos of what it joins.
    const memo = segment.memo.trim() === "" ? first.memo : joinMemos([first.memo, segment.memo]);
    if (memo === first.memo) return { outcome: "unchanged", segmentId: first.id as SegmentId };
    setSegmentMemo(db, first.id as SegmentId, memo);
    return { outcome: "extended", segmentId: first.id as SegmentId };
  }
  // The earliest segment absorbs the others and the new passage.
  const all = [...touching, { id: 0, start: segment.start, end: segment.end, memo: segment.memo }];
  writeUnion(db, first.id, all, others);
  return { outcome: "extended", segmentId: first.id as SegmentId };
}

/**
 * After a segment changed code or span: merges into it the segments of its code and
 * coder on its answer that it now overlaps or touches. The segment keeps its id.
 */
export function absorbTouching(db: Db, id: SegmentId): void {
  const segment = getSegment(db, id);
  if (!segment) throw new Error(`absorbTouching: segment ${id} does not exist`);
  const touching = touchingSpans(db, segment, segment.start, segment.end);
  const others = touching.filter((s) => s.id !== id);
  if (others.length === 0) return;
  writeUnion(db, id, touching, others);
}

function touchingSpans(
  db: Db,
  of: { answerId: AnswerId; codeId: CodeId; coderId: CoderId },
  start: number,
  end: number,
): Span[] {
  return statement(
    db,
    `SELECT id, start, end, memo FROM segments
      WHERE answer_id = ? AND code_id = ? AND coder_id = ? AND start <= ? AND end >= ?
      ORDER BY start, id`,
  ).all(of.answerId, of.codeId, of.coderId, end, start) as Span[];
}

/** Gives `keepId` the union of `spans` (memos joined in text order), deleting `others`. */
function writeUnion(db: Db, keepId: number, spans: readonly Span[], others: readonly Span[]) {
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const memo = joinMemos(spans.map((s) => s.memo));
  for (const other of others) deleteSegment(db, other.id as SegmentId);
  statement(db, "UPDATE segments SET start = ?, end = ?, memo = ? WHERE id = ?").run(
    start,
    end,
    memo,
    keepId,
  );
}

/**
 * The memos of merged segments as one, in the order given, blank ones left out; a memo
 * that is there already (the same passage coded twice with one note) is not repeated.
 */
function joinMemos(memos: readonly string[]): string {
  const kept: string[] = [];
  for (const memo of memos) if (memo.trim() !== "" && !kept.includes(memo)) kept.push(memo);
  return kept.join("\n\n");
}

export interface SegmentRecord {
  readonly id: SegmentId;
  readonly answerId: AnswerId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
}

export function getSegment(db: Db, id: SegmentId): SegmentRecord | undefined {
  const row = statement(
    db,
    "SELECT id, answer_id, code_id, coder_id, start, end, memo, created_at FROM segments WHERE id = ?",
  ).get(id) as SegmentRow | undefined;
  return row && { ...rowToSegment(row), answerId: row.answer_id as AnswerId };
}

export function deleteSegment(db: Db, id: SegmentId): void {
  statement(db, "DELETE FROM segments WHERE id = ?").run(id);
}

export function setSegmentCode(db: Db, id: SegmentId, codeId: CodeId): void {
  statement(db, "UPDATE segments SET code_id = ? WHERE id = ?").run(codeId, id);
}

export function setSegmentSpan(db: Db, id: SegmentId, start: number, end: number): void {
  statement(db, "UPDATE segments SET start = ?, end = ? WHERE id = ?").run(start, end, id);
}

export function setSegmentMemo(db: Db, id: SegmentId, memo: string): void {
  statement(db, "UPDATE segments SET memo = ? WHERE id = ?").run(memo, id);
}
