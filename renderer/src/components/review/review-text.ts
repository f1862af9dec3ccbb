/**
 * Pure helpers of the review queue: an answer's text cut into marked and unmarked
 * pieces, passages added to or taken from a set being edited, what a decision means in
 * words, and where a DOM selection falls in the text. Offsets are UTF-16 code units,
 * end exclusive, over the whole answer.
 */
import { unionSpans, type Span } from "../../../../shared/agreement/segments.ts";
import type { ReviewDecision } from "../../../../shared/api/agreement-api.ts";

export type { Span };

export interface TextPiece {
  readonly start: number;
  readonly end: number;
  readonly marked: boolean;
}

/** Sorted, with overlapping and touching spans joined; empty ones dropped. */
export const mergeSpans: (spans: readonly Span[]) => Span[] = unionSpans;

/** The text from 0 to `length` cut at every span's edges: marked where a span covers it. */
export function textPieces(length: number, spans: readonly Span[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of mergeSpans(spans)) {
    const start = Math.max(at, Math.min(span.start, length));
    const end = Math.min(span.end, length);
    if (start > at) pieces.push({ start: at, end: start, marked: false });
    if (end > start) pieces.push({ start, end, marked: true });
    at = Math.max(at, end);
  }
  if (at < length) pieces.push({ start: at, end: length, marked: false });
  return pieces;
}

/** True when the spans cover the whole text (what the coder did is "the whole answer"). */
export function coversWhole(length: number, spans: readonly Span[]): boolean {
  const merged = mergeSpans(spans);
  return length > 0 && merged.length === 1 && merged[0]!.start <= 0 && merged[0]!.end >= length;
}

/** One coder's use of the code on the answer, in words beside the text. */
export function usageInWords(length: number, spans: readonly Span[]): string {
  return spans.length === 0 ? "did not use this code" : `coded ${consensusInWords(length, spans)}`;
}

/** What the consensus holds: "1 passage", "the whole answer", "no passage of this code". */
export function consensusInWords(length: number, spans: readonly Span[]): string {
  if (spans.length === 0) return "no passage of this code";
  if (coversWhole(length, spans)) return "the whole answer";
  const n = mergeSpans(spans).length;
  return n === 1 ? "1 passage" : `${n} passages`;
}

/** "Kept Aoife's", "Kept both", ... for the decided item and the announcement. */
export function decisionInWords(decision: ReviewDecision, a: string, b: string): string {
  switch (decision) {
    case "a":
      return `Kept ${a}'s`;
    case "b":
      return `Kept ${b}'s`;
    case "both":
      return "Kept both";
    case "neither":
      return "Kept neither";
    case "edit":
      return "Edited";
  }
}

/** The keys of the queue, one per decision. */
export const DECISION_KEYS: Readonly<Record<string, ReviewDecision>> = {
  a: "a",
  b: "b",
  h: "both",
  n: "neither",
  e: "edit",
};

/** Passages being edited with one more added (joined to those it overlaps or touches). */
export function addSpan(spans: readonly Span[], added: Span): Span[] {
  return mergeSpans([...spans, added]);
}

/** Passages being edited without the one at `index`. */
export function removeSpan(spans: readonly Span[], index: number): Span[] {
  return spans.filter((_, i) => i !== index);
}

/**
 * The selection inside `root` as offsets into the text `root` shows, or null when it is
 * empty or reaches outside. `root` holds the text as plain text nodes in order (the
 * marks are spans around some of them), so the length of the range from the root's
 * start is the offset.
 */
export function selectionIn(root: Node, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}
