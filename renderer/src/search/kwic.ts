/**
 * Keyword-in-context lines: a hit's text before and after the match on one line, cut to
 * a length a row can show, and a passage cut around the hit it came from. Offsets are
 * UTF-16 code units, end exclusive.
 */

/** Enough characters to fill the widest column; the rest is clipped by CSS anyway. */
export const CONTEXT_CHARS = 160;

const ELLIPSIS = "…";

/** Line breaks and runs of spaces become one space: a KWIC line is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** Whether cutting at `index` would split a character made of two code units. */
function splitsPair(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The end of the text before a match: its last `max` characters, from a word start. */
export function tailOf(text: string, max = CONTEXT_CHARS): string {
  const line = oneLine(text);
  if (line.length <= max) return line;
  let from = line.length - max;
  const space = line.indexOf(" ", from);
  if (space !== -1 && space < line.length - 1 && space - from < 20) from = space + 1;
  else if (splitsPair(line, from)) from += 1;
  return ELLIPSIS + line.slice(from);
}

/** The start of the text after a match: its first `max` characters, to a word end. */
export function headOf(text: string, max = CONTEXT_CHARS): string {
  const line = oneLine(text);
  if (line.length <= max) return line;
  let to = max;
  const space = line.lastIndexOf(" ", to);
  if (space > 0 && to - space < 20) to = space;
  else if (splitsPair(line, to)) to -= 1;
  return line.slice(0, to) + ELLIPSIS;
}

export interface KwicLine {
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

/**
 * A hit as the three parts of its line. The space that ends the text before the match
 * becomes a no-break space: that text is laid out right to left to cut it on the left,
 * and the bidi algorithm would move a plain trailing space to the far end of the line.
 */
export function kwicLine(hit: {
  readonly before: string;
  readonly match: string;
  readonly after: string;
}): KwicLine {
  return {
    before: tailOf(hit.before).replace(/ $/, "\u00a0"),
    match: oneLine(hit.match),
    after: headOf(hit.after),
  };
}

/**
 * A passage that would be coded, cut around the hit inside it: the hit's offsets are in
 * the answer, the passage's text starts at `passage.start`. A hit reaching outside the
 * passage (it should not) is clamped to it.
 */
export function passageParts(passage: {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly hit: { readonly start: number; readonly end: number };
}): KwicLine {
  const length = passage.text.length;
  const clamp = (n: number) => Math.min(length, Math.max(0, n));
  const from = clamp(passage.hit.start - passage.start);
  const to = Math.max(from, clamp(passage.hit.end - passage.start));
  return {
    before: passage.text.slice(0, from),
    match: passage.text.slice(from, to),
    after: passage.text.slice(to),
  };
}
