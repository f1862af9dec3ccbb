/**
 * The core's handlers for the review queue and the consensus coder
 * (shared/api/agreement-api.ts; decision 0015). Starting a review and each decision are
 * edits (one undoable step each); the preview, the state and the items write nothing.
 */
import { decideReview } from "../agreement/review-decide.ts";
import { reviewPreview } from "../agreement/review-preview.ts";
import { startReview } from "../agreement/review-service.ts";
import { latestReviewState, reviewItems } from "../agreement/review-state.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type ReviewHandlers = Pick<
  Handlers,
  "review.start" | "review.preview" | "review.state" | "review.items" | "review.decide"
>;

export function reviewHandlers(context: HandlerContext): ReviewHandlers {
  const { session, edit, now } = context;
  return {
    "review.start": (input) => edit((db) => startReview(db, input, now())),
    "review.preview": (input) => reviewPreview(session.db(), input),
    "review.state": ({ coderIds }) => latestReviewState(session.db(), coderIds),
    "review.items": (input) => reviewItems(session.db(), input),
    "review.decide": (input) => edit((db) => decideReview(db, input, now())),
  };
}
