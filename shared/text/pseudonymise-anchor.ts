/**
 * Moving a coded passage to the pseudonymised text. Offsets are UTF-16 units, end
 * exclusive. Text before and between replacements only shifts by the replacements'
 * change in length; an edge that fell inside a replaced name snaps outward to the
 * pseudonym's edges (a start to its start, an end to its end), so a passage that covered
 * a name, or part of one, now covers its pseudonym. Replacements are never empty, so a
 * passage never becomes empty or inverted, and the order of edges is kept.
 */
import type { PseudonymEdit } from "./pseudonymise.ts";

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function reanchor(edits: readonly PseudonymEdit[], span: Span): Span {
  if (edits.length === 0) return span;
  return { start: mapOffset(edits, span.start, "start"), end: mapOffset(edits, span.end, "end") };
}

/** Whether re-anchoring moved the span at all. */
export function moved(before: Span, after: Span): boolean {
  return before.start !== after.start || before.end !== after.end;
}

function mapOffset(edits: readonly PseudonymEdit[], offset: number, edge: "start" | "end"): number {
  const edit = lastEditStartingBefore(edits, offset);
  if (edit === undefined) return offset;
  if (offset < edit.end) return edge === "start" ? edit.newStart : edit.newEnd;
  return offset + (edit.newEnd - edit.end);
}

/** The last edit with start < offset (binary search: edits are ascending). */
function lastEditStartingBefore(
  edits: readonly PseudonymEdit[],
  offset: number,
): PseudonymEdit | undefined {
  let low = 0;
  let high = edits.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((edits[middle] as PseudonymEdit).start < offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : edits[low - 1];
}
