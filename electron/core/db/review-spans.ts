/**
 * The reads and writes of a review beside the agreement's own (db/agreement-codings.ts,
 * db/seen-answers.ts): the answers' order, and the consensus coder's passages of one
 * code on one answer, replaced as a whole by a decision. Offsets are UTF-16 code units, end exclusive.
 */
import type { Span } from "../../../shared/agreement/segments.ts";
import type { AnswerId, CodeId, CoderId, QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { collectIntRows } from "./pair-collector.ts";
import { sql } from "./sql.ts";
import { statement } from "./statements.ts";

/**
 * Every answered answer with its question and its respondent's position, through typed
 * arrays: 100,000 answers as row objects cost more than the queue built from them.
 */
export function answeredAnswers(db: Db): {
  ids: Int32Array;
  questions: Int32Array;
  respondentPositions: Int32Array;
} {
  const rows = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(a.id, a.question_id, r.position)
          FROM answers a JOIN respondents r ON r.id = a.respondent_id
         WHERE a.status = 'answered'`,
  );
  return {
    ids: rows.a.slice(0, rows.length),
    questions: rows.b.slice(0, rows.length),
    respondentPositions: rows.c.slice(0, rows.length),
  };
}

/** Each question's position in the questionnaire. */
export function questionPositions(db: Db): Map<QuestionId, number> {
  const rows = statement(db, "SELECT id, position FROM questions").raw().all() as [
    QuestionId,
    number,
  ][];
  return new Map(rows);
}

/** Answered answers per question, to tell a question seen whole from one seen in part. */
export function answeredCounts(db: Db): Map<QuestionId, number> {
  const rows = statement(
    db,
    "SELECT question_id, count(*) FROM answers WHERE status = 'answered' GROUP BY question_id",
  )
    .raw()
    .all() as [QuestionId, number][];
  return new Map(rows);
}

/** Whether the coder has marked the answer, or its whole question, done. */
export function hasSeen(db: Db, coderId: CoderId, questionId: QuestionId, answerId: AnswerId) {
  return (
    statement(
      db,
      `SELECT 1 FROM done_marks
        WHERE coder_id = ? AND question_id = ? AND (answer_id IS NULL OR answer_id = ?)
        LIMIT 1`,
    ).get(coderId, questionId, answerId) !== undefined
  );
}

/** One coder's passages of one code on one answer, in text order. */
export function spansOf(db: Db, answerId: AnswerId, codeId: CodeId, coderId: CoderId): Span[] {
  return statement(
    db,
    `SELECT start, end FROM segments
      WHERE answer_id = ? AND code_id = ? AND coder_id = ?
      ORDER BY start, end`,
  ).all(answerId, codeId, coderId) as Span[];
}

/**
 * Makes `spans` (non-overlapping, in text order) the coder's passages of the code on the
 * answer: what is already there and wanted stays, the rest goes, the missing are added.
 */
export function replaceSpans(
  db: Db,
  target: {
    readonly answerId: AnswerId;
    readonly codeId: CodeId;
    readonly coderId: CoderId;
    readonly createdAt: string;
  },
  spans: readonly Span[],
): void {
  const existing = statement(
    db,
    `SELECT id, start, end FROM segments
      WHERE answer_id = ? AND code_id = ? AND coder_id = ?`,
  ).all(target.answerId, target.codeId, target.coderId) as (Span & { id: number })[];
  const wanted = new Set(spans.map((s) => `${s.start}:${s.end}`));
  const kept = new Set<string>();
  for (const segment of existing) {
    const key = `${segment.start}:${segment.end}`;
    if (wanted.has(key) && !kept.has(key)) kept.add(key);
    else statement(db, "DELETE FROM segments WHERE id = ?").run(segment.id);
  }
  for (const span of spans) {
    if (kept.has(`${span.start}:${span.end}`)) continue;
    statement(
      db,
      `INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
       VALUES (?, ?, ?, ?, ?, '', ?)`,
    ).run(target.answerId, target.codeId, target.coderId, span.start, span.end, target.createdAt);
  }
}

/** Rows this connection has inserted, updated or deleted since it opened. */
export function totalChanges(db: Db): number {
  return statement(db, "SELECT total_changes()").pluck().get() as number;
}
