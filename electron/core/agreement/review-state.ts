/**
 * Reading a review: its state (progress n of m, the figures before review) and pages of
 * its queue. Both are computed from the two coders' coding as it is now (review-queue.ts)
 * and the decisions stored.
 */
import type { ReviewItem, ReviewState } from "../../../shared/api/agreement-api.ts";
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import { listCoders } from "../db/coders.ts";
import type { Db } from "../db/project-file.ts";
import { listQuestions } from "../db/questions.ts";
import {
  decisionsOf,
  getReview,
  latestReview,
  pairKey,
  reviewBeforeReport,
  type ReviewRecord,
} from "../db/reviews.ts";
import { reviewItemsPage } from "./review-items.ts";
import { cachedReviewQueue, type ReviewQueue, type ReviewScope } from "./review-queue.ts";

/** The latest review of the two coders (either order), or null. */
export function latestReviewState(
  db: Db,
  coderIds: readonly [CoderId, CoderId],
): ReviewState | null {
  const review = latestReview(db, coderIds);
  return review ? reviewState(db, review) : null;
}

export function reviewItems(db: Db, input: ApiParsedInput<"review.items">): ReviewItem[] {
  const review = mustGetReview(db, input.reviewId);
  const queue = cachedReviewQueue(db, scopeOf(review));
  const context = { consensusId: review.consensusId, decisions: decisionsOf(db, review.id) };
  return reviewItemsPage(db, queue, context, input.offset, input.limit);
}

export function reviewState(db: Db, review: ReviewRecord, queue?: ReviewQueue): ReviewState {
  const { entries, agreed } = queue ?? cachedReviewQueue(db, scopeOf(review));
  const decisions = decisionsOf(db, review.id);
  let decided = 0;
  let next: number | null = null;
  entries.forEach((entry, index) => {
    if (decisions.has(pairKey(entry.answerId, entry.codeId))) decided++;
    else next ??= index;
  });
  const names = coderNamesOf(db, [review.coderA, review.coderB, review.consensusId]);
  const coder = (id: CoderId) => ({ id, name: names.get(id) ?? "" });
  return {
    reviewId: review.id,
    coders: [coder(review.coderA), coder(review.coderB)],
    consensus: coder(review.consensusId),
    questions: questionsOf(db, review.questionIds),
    threshold: review.threshold,
    startedAt: review.startedAt,
    total: entries.length,
    decided,
    agreed: agreed.length,
    next,
    before: reviewBeforeReport(db, review.id),
  };
}

export function scopeOf(review: ReviewRecord): ReviewScope {
  return {
    coderA: review.coderA,
    coderB: review.coderB,
    questionIds: review.questionIds,
    threshold: review.threshold,
  };
}

export function mustGetReview(db: Db, id: number): ReviewRecord {
  const review = getReview(db, id);
  if (!review) throw new CairnError("not_found", `there is no review ${id} in this project`);
  return review;
}

/** The questions compared, in questionnaire order; every question for none given. */
export function questionsOf(
  db: Db,
  questionIds: readonly QuestionId[],
): { id: QuestionId; label: string }[] {
  const wanted = new Set(questionIds);
  return listQuestions(db)
    .filter((q) => wanted.size === 0 || wanted.has(q.id))
    .map((q) => ({ id: q.id, label: q.label }));
}

/** The coders' names by id; a coder who does not exist is a clear refusal. */
export function coderNamesOf(db: Db, ids: readonly CoderId[]): Map<CoderId, string> {
  const names = new Map(listCoders(db).map((c) => [c.id, c.name]));
  for (const id of ids) {
    if (!names.has(id))
      throw new CairnError("not_found", `there is no coder ${id} in this project`);
  }
  return names;
}
