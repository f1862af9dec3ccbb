/**
 * Moving one edge of a coded passage by a character or a word, as the arrow keys do in
 * a text field. Offsets are UTF-16 into the answer, end exclusive; every edge lands on
 * a grapheme boundary, and a passage never becomes empty.
 */
import {
  graphemeEndAt,
  graphemeStartAt,
  nextBoundary,
  type BoundaryDirection,
  type BoundaryUnit,
} from "../../../shared/text/boundaries.ts";
import { trimBlank, type TextRange } from "../../../shared/text/selection.ts";

export type Edge = "start" | "end";

export function moveEdge(
  text: string,
  range: TextRange,
  edge: Edge,
  unit: BoundaryUnit,
  direction: BoundaryDirection,
): TextRange {
  const moved =
    edge === "start"
      ? { start: nextBoundary(text, range.start, unit, direction), end: range.end }
      : { start: range.start, end: nextBoundary(text, range.end, unit, direction) };
  // A word step lands beside the blank between words; the passage keeps to the words.
  // A character step may take a space in: that is what the coder asked for.
  const next = unit === "word" ? trimBlank(text, moved) : moved;
  return next.end > next.start ? next : range;
}

/** A dragged edge's new range: the other edge stays, and the passage keeps one character. */
export function dragEdge(text: string, range: TextRange, edge: Edge, offset: number): TextRange {
  if (edge === "start") {
    const limit = nextBoundary(text, range.end, "character", "backward");
    return { start: Math.min(graphemeStartAt(text, offset), limit), end: range.end };
  }
  const limit = nextBoundary(text, range.start, "character", "forward");
  return { start: range.start, end: Math.max(graphemeEndAt(text, offset), limit) };
}
