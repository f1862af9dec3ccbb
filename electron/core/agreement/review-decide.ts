/**
 * Settling one disagreement of a review (decision 0015): the consensus coder's passages
 * of that code on that answer become A's, B's, the union of both, none, or the passages
 * the reviewer edited; the decision is stored with its comment. One undoable step, which
 * reverts both.
 */
import type { ReviewItem, ReviewState } from "../../../shared/api/agreement-api.ts";
import { unionSpans, type Span } from "../../../shared/agreement/segments.ts";
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { NO_CHANGE, recordStep } from "../coding/history.ts";
import { answerRecords } from "../db/answers.ts";
import { addDoneMark } from "../db/done-marks.ts";
import type { Db } from "../db/project-file.ts";
import { hasSeen, replaceSpans } from "../db/review-spans.ts";
import { decisionsOf, upsertDecision } from "../db/reviews.ts";
import { reviewItemsAt } from "./review-items.ts";
import { cachedReviewQueue, keepReviewQueue, type QueueEntry } from "./review-queue.ts";
import { coderNamesOf, mustGetReview, reviewState, scopeOf } from "./review-state.ts";

type DecideInput = ApiParsedInput<"review.decide">;

export function decideReview(
  db: Db,
  input: DecideInput,
  now: string,
): EditOutcome & { review: ReviewState; item: ReviewItem } {
  const review = mustGetReview(db, input.reviewId);
  const scope = scopeOf(review);
  const queue = cachedReviewQueue(db, scope);
  const index = queue.entries.findIndex(
    (e) => e.answerId === input.answerId && e.codeId === input.codeId,
  );
  const entry = queue.entries[index];
  if (entry === undefined) {
    throw new CairnError(
      "bad_input",
      "this code on this answer is not in the review's queue: the two coders agree on it, " +
        "neither used it, or one of them has not marked the answer done",
    );
  }
  const text = answerRecords(db, [entry.answerId])[0]?.text ?? "";
  const spans = consensusSpans(entry, input, text.length);
  const names = coderNamesOf(db, [review.coderA, review.coderB]);
  const path = queue.paths.get(entry.codeId) ?? [];
  const label = `Review ${path.at(-1) ?? "code"}: ${decisionText(input, names.get(review.coderA), names.get(review.coderB))}`;
  const outcome = recordStep(db, label, now, () => {
    const target = { answerId: entry.answerId, codeId: entry.codeId };
    replaceSpans(db, { ...target, coderId: review.consensusId, createdAt: now }, spans);
    upsertDecision(db, {
      reviewId: review.id,
      ...target,
      decision: input.decision,
      comment: input.comment,
      decidedAt: now,
    });
    // An answer both coders marked done after the review started has no consensus mark.
    if (!hasSeen(db, review.consensusId, entry.questionId, entry.answerId)) {
      addDoneMark(db, review.consensusId, entry.questionId, entry.answerId, now);
    }
    return { ...NO_CHANGE, answerIds: [entry.answerId] };
  });
  keepReviewQueue(db, scope, queue);
  const context = { consensusId: review.consensusId, decisions: decisionsOf(db, review.id) };
  const [item] = reviewItemsAt(db, queue, context, [index]);
  return { ...outcome, review: reviewState(db, review, queue), item: item as ReviewItem };
}

/** The consensus passages a decision gives, merged where they overlap or touch. */
function consensusSpans(entry: QueueEntry, input: DecideInput, length: number): Span[] {
  switch (input.decision) {
    case "a":
      return unionSpans(entry.a);
    case "b":
      return unionSpans(entry.b);
    case "both":
      return unionSpans([...entry.a, ...entry.b]);
    case "neither":
      return [];
    case "edit":
      return unionSpans(checkedPassages(input.passages ?? [], length));
  }
}

function checkedPassages(passages: readonly Span[], length: number): readonly Span[] {
  if (passages.length === 0) {
    throw new CairnError(
      "bad_input",
      "an edit gives the passages to keep (or choose keep neither)",
    );
  }
  for (const passage of passages) {
    if (passage.start < 0 || passage.end <= passage.start || passage.end > length) {
      throw new CairnError(
        "bad_input",
        `the passage ${passage.start}–${passage.end} is not within the answer, which has ${length} characters`,
      );
    }
  }
  return passages;
}

function decisionText(input: DecideInput, a = "A", b = "B"): string {
  switch (input.decision) {
    case "a":
      return `keep ${a}`;
    case "b":
      return `keep ${b}`;
    case "both":
      return "keep both";
    case "neither":
      return "keep neither";
    case "edit":
      return "edit";
  }
}
