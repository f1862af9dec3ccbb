/**
 * What a review of two coders would have, counted before it starts: the screen that
 * offers "Start review" says how many disagreements it will queue. Read only, with the
 * same checks and the same queue as starting (review-service.ts). Cached like the
 * review's own reads: asked again with nothing written since, it costs nothing.
 */
import type { ReviewPreview } from "../../../shared/api/agreement-api.ts";
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import type { Db } from "../db/project-file.ts";
import { cachedReviewQueue } from "./review-queue.ts";
import { checkedQuestions } from "./review-service.ts";
import { coderNamesOf } from "./review-state.ts";

export function reviewPreview(db: Db, input: ApiParsedInput<"review.preview">): ReviewPreview {
  const [coderA, coderB] = input.coderIds;
  coderNamesOf(db, [coderA, coderB]);
  const questionIds = checkedQuestions(db, input.questionIds);
  const queue = cachedReviewQueue(db, {
    coderA,
    coderB,
    questionIds,
    threshold: input.threshold,
  });
  return {
    answers: queue.seen.length,
    disagreements: queue.entries.length,
    agreed: queue.agreed.length,
  };
}
