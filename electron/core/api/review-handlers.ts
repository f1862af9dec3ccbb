/**
 * The core's handlers for the review queue and the consensus coder
 * (shared/api/agreement-api.ts).
 */
import type { Handlers, HandlerContext } from "./handlers.ts";

type ReviewHandlers = Pick<
  Handlers,
  "review.start" | "review.state" | "review.items" | "review.decide"
>;

export function reviewHandlers(_context: HandlerContext): ReviewHandlers {
  const todo = (name: string) => () => {
    throw new Error(`${name}: not implemented yet`);
  };
  return {
    "review.start": todo("review.start"),
    "review.state": todo("review.state"),
    "review.items": todo("review.items"),
    "review.decide": todo("review.decide"),
  };
}
