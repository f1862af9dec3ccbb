/**
 * A review under way: its progress, the item on screen with the ways to move through
 * the queue, and, once every item is decided, where the consensus can be used.
 */
import type {
  ReviewDecision,
  ReviewItem,
  ReviewState,
} from "../../../../shared/api/agreement-api.ts";
import { fractionText, ofText } from "../../../../shared/tally/percent.ts";
import { count } from "../../format.ts";
import { useLive } from "../../stores/live.ts";
import { decideItem, ITEM_PAGE, itemsKey, readItems, useReview } from "../../stores/review.ts";
import { ReviewDone } from "./ReviewDone.tsx";
import { ReviewItemCard } from "./ReviewItemCard.tsx";
import type { Span } from "./review-text.ts";
import { useMoveKeys, type Move } from "./useReviewKeys.ts";

interface Props {
  readonly review: ReviewState;
}

/** The first undecided item after `index` among those read, else the queue's first. */
function nextUndecided(
  review: ReviewState,
  items: readonly ReviewItem[],
  index: number,
): number | null {
  const later = items.find((item) => item.index > index && item.decision === null);
  if (later) return later.index;
  return review.next !== null && review.next !== index ? review.next : null;
}

export function ReviewQueue({ review }: Props) {
  const stored = useReview((s) => s.index);
  const last = Math.max(0, review.total - 1);
  const index = Math.min(stored ?? review.next ?? last, last);
  const live = useLive(review.total > 0 ? itemsKey(review.reviewId, index) : null, readItems);
  const items = live.value ?? [];
  const offset = Math.floor(index / ITEM_PAGE) * ITEM_PAGE;
  const item = items[index - offset] ?? null;
  const { show } = useReview.getState();

  const move = (to: Move) => {
    if (to === "previous") show(Math.max(0, index - 1));
    else if (to === "next") show(Math.min(last, index + 1));
    else {
      const target = nextUndecided(review, items, index);
      if (target !== null) show(target);
    }
  };
  useMoveKeys(move);

  const decide = async (decision: ReviewDecision, comment: string, passages?: readonly Span[]) => {
    if (!item) return;
    const after = await decideItem(review, item, decision, comment, passages);
    if (!after) return;
    // On to the next undecided item; the last decision stays on screen with its result.
    const others = items.map((i) => (i.index === index ? { ...i, decision } : i));
    show(nextUndecided(after, others, index) ?? index);
  };

  const done = review.total === 0 || review.decided >= review.total;
  return (
    <div className="review-queue">
      <header className="review-header">
        <h2>
          Review of {review.coders[0].name} and {review.coders[1].name}
          <span className="review-sub">
            {" "}
            into “{review.consensus.name}” · {questionsText(review)} · threshold{" "}
            {fractionText(review.threshold)}
          </span>
        </h2>
        <Progress decided={review.decided} total={review.total} />
      </header>
      {review.total === 0 && <ReviewDone review={review} />}
      {review.total > 0 && (
        <>
          <nav className="review-nav" aria-label="Move through the queue">
            <button type="button" onClick={() => move("previous")} disabled={index === 0}>
              ← Previous
            </button>
            <span className="review-position">Item {ofText(index + 1, review.total)}</span>
            <button type="button" onClick={() => move("next")} disabled={index >= last}>
              Next →
            </button>
            <button type="button" onClick={() => move("undecided")} disabled={done}>
              Next undecided <kbd>U</kbd>
            </button>
          </nav>
          {item ? (
            <ReviewItemCard
              key={`${item.answerId}-${item.codeId}`}
              review={review}
              item={item}
              decide={(decision, comment, passages) => void decide(decision, comment, passages)}
            />
          ) : (
            <p className="review-message">{live.error ?? "Reading the item…"}</p>
          )}
          {/* Below the item, so the last decision does not push the item down the screen. */}
          {done && <ReviewDone review={review} />}
        </>
      )}
    </div>
  );
}

function questionsText(review: ReviewState): string {
  const n = review.questions.length;
  if (n === 0) return "every question";
  if (n <= 3) return review.questions.map((q) => q.label).join(", ");
  return count(n, "question");
}

function Progress({ decided, total }: { decided: number; total: number }) {
  const share = total === 0 ? 1 : decided / total;
  return (
    <div className="review-progress">
      <span data-testid="review-progress">{ofText(decided, total)} decided</span>
      <div
        className="review-bar"
        role="progressbar"
        aria-label="Disagreements decided"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={decided}
      >
        <div style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
