/** Which segments a view shows, and which of them cover a spot of the text. */
import type { CoderId, Segment } from "../../../shared/domain.ts";

/** Everyone's segments, the active coder's, or one chosen coder's (by id). */
export type CoderView = "all" | "mine" | CoderId;

/**
 * The segments to draw: everyone's, or only the active coder's. Without an active
 * coder (nobody chose a name yet) "mine" shows nothing, which is the truth.
 */
export function visibleSegments(
  segments: readonly Segment[],
  coderId: CoderId | null,
  view: CoderView,
): readonly Segment[] {
  if (view === "all") return segments;
  const shown = view === "mine" ? coderId : view;
  return segments.filter((segment) => segment.coderId === shown);
}

/** The segments that overlap [start, end), or that contain `start` when the range is empty. */
export function segmentsOver(segments: readonly Segment[], start: number, end: number): Segment[] {
  if (end <= start) return segments.filter((s) => s.start <= start && s.end > start);
  return segments.filter((s) => s.start < end && s.end > start);
}

/** A segment with its edges moved, for a live preview while adjusting. */
export function withRange(segments: readonly Segment[], id: number, start: number, end: number) {
  return segments.map((s) => (s.id === id ? { ...s, start, end } : s));
}
