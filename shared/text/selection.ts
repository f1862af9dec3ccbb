/**
 * Maps a selection made in the editor back to offsets in the stored answer text.
 *
 * The editor shows an answer as one block per line (see `splitLines`): a point there is
 * a block index and a UTF-16 offset inside that block's text. Stored segments use
 * UTF-16 offsets into the whole text, end exclusive, where each line break (`\n`,
 * `\r\n` or `\r`) still counts. Offsets are in logical (memory) order, so right-to-left
 * text needs no special case: the browser reports logical positions too.
 */
import {
  clampOffset,
  graphemeAfter,
  graphemeBefore,
  graphemeEndAt,
  graphemeStartAt,
} from "./boundaries.ts";
import { splitLines, type Line } from "./highlights.ts";

/** A Slate point: block (line) index, and UTF-16 offset inside that block's text. */
export interface LinePoint {
  readonly line: number;
  readonly offset: number;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface SelectionOptions {
  /** Drop whitespace and line breaks at either edge (default true). */
  readonly trimWhitespace?: boolean;
}

// Invisible characters a reader would count as blank space at a selection's edge.
const BLANK = /^[\s\u200b\u2060]+$/u;

function clampIndex(value: number, size: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.max(0, Math.min(size - 1, Math.trunc(value)));
}

function offsetIn(lines: readonly Line[], point: LinePoint): number {
  // splitLines always yields at least one line.
  const line = lines[clampIndex(point.line, lines.length)] as Line;
  return line.start + clampIndex(point.offset, line.text.length + 1);
}

/** The whole-text offset of a point; an out-of-range line or offset is clamped. */
export function offsetOfPoint(text: string, point: LinePoint): number {
  return offsetIn(splitLines(text), point);
}

/**
 * The point of a whole-text offset, clamped into the text. The offset just past a
 * line's last character is the end of that line; an offset inside a line break (between
 * the `\r` and `\n` of `\r\n`) has no point of its own and maps to the end of the
 * line before it.
 */
export function pointOfOffset(text: string, offset: number): LinePoint {
  const lines = splitLines(text);
  const at = clampOffset(text, offset);
  // Binary search for the last line starting at or before the offset.
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lines[middle] as Line).start <= at) low = middle;
    else high = middle - 1;
  }
  const line = lines[low] as Line;
  return { line: low, offset: Math.min(at, line.end) - line.start };
}

/** Widens a range to whole graphemes: the start moves back, the end moves forward. */
export function snapToGraphemes(text: string, start: number, end: number): TextRange {
  const from = clampOffset(text, Math.min(start, end));
  const to = clampOffset(text, Math.max(start, end));
  return { start: graphemeStartAt(text, from), end: graphemeEndAt(text, to) };
}

/** Narrows a range (on grapheme boundaries) past blank graphemes at either edge. */
export function trimBlank(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end) {
    const grapheme = graphemeAfter(text, start);
    if (!BLANK.test(grapheme)) break;
    start += grapheme.length;
  }
  while (end > start) {
    const grapheme = graphemeBefore(text, end);
    if (!BLANK.test(grapheme)) break;
    end -= grapheme.length;
  }
  return { start, end };
}

/**
 * The stored-text range of an editor selection, or null when nothing is selected.
 * Anchor and focus may come in either order (a selection dragged backward). The range
 * is widened to whole graphemes, so a selection that starts inside an emoji or between
 * a letter and its accent takes the whole character, then (by default) trimmed of
 * whitespace and line breaks at its edges.
 */
export function selectionToRange(
  text: string,
  anchor: LinePoint,
  focus: LinePoint,
  options?: SelectionOptions,
): TextRange | null {
  const lines = splitLines(text);
  const snapped = snapToGraphemes(text, offsetIn(lines, anchor), offsetIn(lines, focus));
  const range = (options?.trimWhitespace ?? true) ? trimBlank(text, snapped) : snapped;
  return range.end > range.start ? range : null;
}
