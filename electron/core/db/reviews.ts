/**
 * Reviews of two coders' disagreements and their decisions (migration 0007, decision
 * 0015). A review is found by its two coders in either order; its question ids are kept
 * ascending, '[]' for every question, so "the same questions" is a string comparison.
 */
import type { AgreementReport, ReviewDecision } from "../../../shared/api/agreement-api.ts";
import type { AnswerId, CodeId, CoderId, QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface ReviewRecord {
  readonly id: number;
  readonly coderA: CoderId;
  readonly coderB: CoderId;
  readonly consensusId: CoderId;
  /** Ascending; empty: every question. */
  readonly questionIds: readonly QuestionId[];
  readonly threshold: number;
  readonly startedAt: string;
}

interface ReviewRow {
  id: number;
  coder_a: number;
  coder_b: number;
  consensus_coder: number;
  question_ids: string;
  threshold: number;
  started_at: string;
}

const COLUMNS = "id, coder_a, coder_b, consensus_coder, question_ids, threshold, started_at";

function rowToReview(row: ReviewRow): ReviewRecord {
  return {
    id: row.id,
    coderA: row.coder_a as CoderId,
    coderB: row.coder_b as CoderId,
    consensusId: row.consensus_coder as CoderId,
    questionIds: JSON.parse(row.question_ids) as QuestionId[],
    threshold: row.threshold,
    startedAt: row.started_at,
  };
}

/** The stored form of a review's questions: ascending ids, each once; '[]' for all. */
export function questionIdsKey(questionIds: readonly QuestionId[] | undefined): string {
  return JSON.stringify([...new Set(questionIds ?? [])].sort((x, y) => x - y));
}

export function getReview(db: Db, id: number): ReviewRecord | undefined {
  const row = statement(db, `SELECT ${COLUMNS} FROM reviews WHERE id = ?`).get(id) as
    ReviewRow | undefined;
  return row && rowToReview(row);
}

/**
 * The latest review of exactly these two coders (either order); with `questionIds`, only
 * one over the same questions.
 */
export function latestReview(
  db: Db,
  coderIds: readonly [CoderId, CoderId],
  questionIds?: readonly QuestionId[],
): ReviewRecord | undefined {
  const [a, b] = coderIds;
  const row = statement(
    db,
    `SELECT ${COLUMNS} FROM reviews
      WHERE ((coder_a = @a AND coder_b = @b) OR (coder_a = @b AND coder_b = @a))
        AND (@questions IS NULL OR question_ids = @questions)
      ORDER BY id DESC LIMIT 1`,
  ).get({ a, b, questions: questionIds === undefined ? null : questionIdsKey(questionIds) }) as
    ReviewRow | undefined;
  return row && rowToReview(row);
}

/** The figures recorded when the review started. */
export function reviewBeforeReport(db: Db, id: number): AgreementReport {
  const text = statement(db, "SELECT before_report FROM reviews WHERE id = ?").pluck().get(id) as
    string | undefined;
  if (text === undefined) throw new Error(`reviewBeforeReport: review ${id} does not exist`);
  return JSON.parse(text) as AgreementReport;
}

/**
 * The `before` figures of the latest review of exactly these two coders (either order),
 * for the agreement export; null when they have none (or not two coders are asked about).
 */
export function latestReviewBefore(db: Db, coderIds: readonly CoderId[]): AgreementReport | null {
  const [a, b] = coderIds;
  if (coderIds.length !== 2 || a === undefined || b === undefined || a === b) return null;
  const review = latestReview(db, [a, b]);
  return review ? reviewBeforeReport(db, review.id) : null;
}

export interface NewReview {
  readonly coderA: CoderId;
  readonly coderB: CoderId;
  readonly consensusId: CoderId;
  readonly questionIds: readonly QuestionId[] | undefined;
  readonly threshold: number;
  readonly before: AgreementReport;
  readonly startedAt: string;
}

export function insertReview(db: Db, review: NewReview): number {
  const result = statement(
    db,
    `INSERT INTO reviews
       (coder_a, coder_b, consensus_coder, question_ids, threshold, before_report, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    review.coderA,
    review.coderB,
    review.consensusId,
    questionIdsKey(review.questionIds),
    review.threshold,
    JSON.stringify(review.before),
    review.startedAt,
  );
  return Number(result.lastInsertRowid);
}

export interface DecisionRecord {
  readonly decision: ReviewDecision;
  readonly comment: string;
}

/** A review's decisions by "answerId:codeId" (pairKey). */
export function decisionsOf(db: Db, reviewId: number): Map<string, DecisionRecord> {
  const rows = statement(
    db,
    "SELECT answer_id, code_id, decision, comment FROM review_decisions WHERE review_id = ?",
  ).all(reviewId) as {
    answer_id: number;
    code_id: number;
    decision: ReviewDecision;
    comment: string;
  }[];
  return new Map(
    rows.map((row) => [
      pairKey(row.answer_id as AnswerId, row.code_id as CodeId),
      { decision: row.decision, comment: row.comment },
    ]),
  );
}

export function pairKey(answerId: AnswerId, codeId: CodeId): string {
  return `${answerId}:${codeId}`;
}

/** Records (or replaces) the decision on one (answer, code) disagreement. */
export function upsertDecision(
  db: Db,
  decision: {
    readonly reviewId: number;
    readonly answerId: AnswerId;
    readonly codeId: CodeId;
    readonly decision: ReviewDecision;
    readonly comment: string;
    readonly decidedAt: string;
  },
): void {
  statement(
    db,
    `INSERT INTO review_decisions (review_id, answer_id, code_id, decision, comment, decided_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (review_id, answer_id, code_id) DO UPDATE
       SET decision = excluded.decision, comment = excluded.comment,
           decided_at = excluded.decided_at
       WHERE decision IS NOT excluded.decision OR comment IS NOT excluded.comment`,
  ).run(
    decision.reviewId,
    decision.answerId,
    decision.codeId,
    decision.decision,
    decision.comment,
    decision.decidedAt,
  );
}
