/**
 * Where a segment's edge may move to: grapheme and word boundaries of an answer's text.
 *
 * Offsets are UTF-16 code units into the whole text. A grapheme is what a reader sees
 * as one character: an emoji with skin tone or ZWJ family, a flag, "e" plus a
 * combining accent, a Hangul syllable written as jamo, and also "\r\n". An edge inside
 * one would cut a character in half, so every function here lands on grapheme
 * boundaries.
 */

export type BoundaryUnit = "character" | "word";
export type BoundaryDirection = "forward" | "backward";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const words = new Intl.Segmenter(undefined, { granularity: "word" });

// Emoji and flags are not "word-like" to the segmenter, but a coder stepping over an
// answer expects to stop at them as at a word rather than to skip them like spaces.
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export function clampOffset(text: string, offset: number): number {
  if (Number.isNaN(offset)) return 0;
  return Math.max(0, Math.min(text.length, Math.trunc(offset)));
}

/** The grapheme boundary at or before `offset`. */
export function graphemeStartAt(text: string, offset: number): number {
  const at = clampOffset(text, offset);
  if (at === 0 || at === text.length) return at;
  const segment = graphemes.segment(text).containing(at);
  return segment === undefined ? at : segment.index;
}

/** The grapheme boundary at or after `offset`. */
export function graphemeEndAt(text: string, offset: number): number {
  const at = clampOffset(text, offset);
  if (at === 0 || at === text.length) return at;
  const segment = graphemes.segment(text).containing(at);
  if (segment === undefined || segment.index === at) return at;
  return segment.index + segment.segment.length;
}

/** The grapheme that ends at `end` (a boundary), or "" at the start of the text. */
export function graphemeBefore(text: string, end: number): string {
  if (end <= 0) return "";
  const segment = graphemes.segment(text).containing(end - 1);
  return segment === undefined ? "" : segment.segment;
}

/** The grapheme that begins at `start` (a boundary), or "" at the end of the text. */
export function graphemeAfter(text: string, start: number): string {
  if (start >= text.length) return "";
  const segment = graphemes.segment(text).containing(start);
  return segment === undefined ? "" : segment.segment;
}

function isWord(segment: Intl.SegmentData): boolean {
  return segment.isWordLike === true || PICTOGRAPH.test(segment.segment);
}

function nextCharacter(text: string, at: number, direction: BoundaryDirection): number {
  if (direction === "forward") {
    // From inside a grapheme, the first step forward is to that grapheme's end.
    const start = graphemeStartAt(text, at);
    return start + graphemeAfter(text, start).length;
  }
  if (at <= 0) return 0;
  return graphemeStartAt(text, at - 1);
}

/**
 * Like Ctrl+Arrow (Option+Arrow on a Mac) in a text field: forward goes to the end of
 * the word the offset is in, or of the next word; backward goes to the start of the
 * word the offset is in, or of the previous word. Spaces and punctuation in between are
 * skipped, so a segment's end grows or shrinks by whole words.
 */
function nextWord(text: string, at: number, direction: BoundaryDirection): number {
  const segments = [...words.segment(text)].filter(isWord);
  if (direction === "forward") {
    for (const segment of segments) {
      const end = segment.index + segment.segment.length;
      if (end > at) return end;
    }
    return text.length;
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] as Intl.SegmentData;
    if (segment.index < at) return segment.index;
  }
  return 0;
}

/**
 * The boundary one step away from `offset`: the next grapheme boundary, or the next
 * word start/end. Always a grapheme boundary, clamped to [0, text.length].
 */
export function nextBoundary(
  text: string,
  offset: number,
  unit: BoundaryUnit,
  direction: BoundaryDirection,
): number {
  const at = clampOffset(text, offset);
  switch (unit) {
    case "character":
      return nextCharacter(text, at, direction);
    case "word":
      return nextWord(text, at, direction);
  }
}
