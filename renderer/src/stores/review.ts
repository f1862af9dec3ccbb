/**
 * The review queue (issue 7): which disagreement is on screen, and the calls that read
 * the queue and settle it. The core holds the queue and every decision (so a review
 * resumes where it stopped, in this window or after a restart); this store only keeps
 * the position. Decisions go through `runEdit`, so each is one step of Undo.
 */
import { create } from "zustand";
import type {
  ReviewDecision,
  ReviewItem,
  ReviewPreview,
  ReviewState,
} from "../../../shared/api/agreement-api.ts";
import type { ApiInput } from "../../../shared/api/contract.ts";
import type { CoderId } from "../../../shared/domain.ts";
import { call } from "../api/client.ts";
import { decisionInWords, type Span } from "../components/review/review-text.ts";
import { runEdit } from "./edits.ts";

/** Items read at once: moving through them reads nothing until the next page. */
export const ITEM_PAGE = 50;

interface ReviewStore {
  /** The queue position on screen; null: the first undecided item (or the last one). */
  readonly index: number | null;
  /** Editing the consensus passages of the item on screen. */
  readonly editing: boolean;
  show(index: number | null): void;
  setEditing(editing: boolean): void;
}

export const useReview = create<ReviewStore>()((set) => ({
  index: null,
  editing: false,
  show: (index) => set({ index, editing: false }),
  setEditing: (editing) => set({ editing }),
}));

/** The key of the review of two coders, for `useLive`. */
export function stateKey(coderIds: readonly [CoderId, CoderId]): string {
  return JSON.stringify(coderIds);
}

/** Wrapped, so "no review yet" (null inside) differs from "not read yet" (no value). */
export async function readReviewState(key: string): Promise<{ review: ReviewState | null }> {
  const coderIds = JSON.parse(key) as [CoderId, CoderId];
  return { review: await call("review.state", { coderIds }) };
}

export type PreviewInput = ApiInput<"review.preview">;

/** The key of what a review would have, for `useLive`. */
export function previewKey(input: PreviewInput): string {
  return JSON.stringify(input);
}

/** Counts the queue a review would have; writes nothing. */
export function readPreview(key: string): Promise<ReviewPreview> {
  return call("review.preview", JSON.parse(key) as PreviewInput);
}

/** The key of the page of items that holds `index`, for `useLive`. */
export function itemsKey(reviewId: number, index: number): string {
  return JSON.stringify({ reviewId, offset: Math.floor(index / ITEM_PAGE) * ITEM_PAGE });
}

export function readItems(key: string): Promise<readonly ReviewItem[]> {
  const { reviewId, offset } = JSON.parse(key) as { reviewId: number; offset: number };
  return call("review.items", { reviewId, offset, limit: ITEM_PAGE });
}

export type StartInput = ApiInput<"review.start">;

/** Starts (or resumes) the review; the agreed coding is copied in one undoable step. */
export async function startReview(input: StartInput): Promise<ReviewState | null> {
  const result = await runEdit(
    () => call("review.start", input),
    (edit) =>
      `Review of ${edit.review.coders[0].name} and ${edit.review.coders[1].name} started: ${edit.review.total} disagreements`,
  );
  return result?.review ?? null;
}

/**
 * Settles one item (deciding again replaces the decision). An edit without passages is
 * "keep neither": the core wants the passages to keep for an edit.
 */
export async function decideItem(
  review: ReviewState,
  item: ReviewItem,
  decision: ReviewDecision,
  comment: string,
  passages?: readonly Span[],
): Promise<ReviewState | null> {
  const edited = decision === "edit" && passages !== undefined && passages.length > 0;
  const chosen: ReviewDecision = decision === "edit" && !edited ? "neither" : decision;
  const [a, b] = review.coders;
  const result = await runEdit(
    () =>
      call("review.decide", {
        reviewId: review.reviewId,
        answerId: item.answerId,
        codeId: item.codeId,
        decision: chosen,
        ...(edited ? { passages: passages.map((p) => ({ start: p.start, end: p.end })) } : {}),
        comment,
      }),
    () =>
      `${decisionInWords(chosen, a.name, b.name)}: ${item.path.join(" > ")} on ${item.respondent}`,
  );
  return result?.review ?? null;
}
