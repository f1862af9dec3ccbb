/**
 * The text around a hit: the sentence it stands in (what auto-coding by sentence codes)
 * and a keyword-in-context snippet (what a search result line shows). Offsets are UTF-16
 * code units, end exclusive.
 */
import type { Span } from "./match.ts";

/** Ends a sentence when followed by a space or the end: "3.5" and "e.g.x" do not. */
const STOP = /[.!?…]/;
/** End a sentence wherever they stand: CJK writing puts no space after them. */
const WIDE_STOP = /[。！？]/;
/** Closing quotes and brackets after the stop belong to the sentence: «Non.» */
const CLOSER = /["'”’»)\]」』）]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const SPACE = /\s/;

/**
 * The sentence (or sentences) holding start..end: from the end of the sentence before,
 * to the end of the last one with its stop and closing quotes, spaces trimmed. A line
 * break always ends a sentence.
 */
export function sentenceBounds(text: string, start: number, end: number): Span {
  let from = start;
  while (from > 0 && !endsSentence(text, from)) from--;
  let to = Math.max(end, start);
  while (to < text.length && !endsSentence(text, to)) to++;
  while (from < to && SPACE.test(text[from] as string)) from++;
  while (to > from && SPACE.test(text[to - 1] as string)) to--;
  return { start: Math.min(from, start), end: Math.max(to, end) };
}

/** Whether a sentence ends just before `at` (a stop, closers, then a space or the end). */
function endsSentence(text: string, at: number): boolean {
  const next = text[at];
  const before = text[at - 1];
  if (before === undefined) return true;
  if (next !== undefined && LINE_BREAK.test(next)) return true;
  if (LINE_BREAK.test(before) || WIDE_STOP.test(before)) return true;
  let i = at - 1;
  while (i > 0 && CLOSER.test(text[i] as string)) i--;
  if (!STOP.test(text[i] as string)) return false;
  if (next === undefined || SPACE.test(next)) return true;
  // Within a run of stops ("?!", "..."), the sentence goes on to the last one.
  return false;
}

export interface Snippet {
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

/**
 * The match with about `width` characters each side, cut where a word ends or begins
 * and marked with "…" where cut; on one line (line breaks and runs of spaces become one
 * space).
 */
export function snippet(text: string, start: number, end: number, width = 60): Snippet {
  const from = windowStart(text, start, width);
  const to = windowEnd(text, end, width);
  return {
    before: (from > 0 ? "…" : "") + oneLine(text.slice(from, start)).trimStart(),
    match: oneLine(text.slice(start, end)),
    after: oneLine(text.slice(end, to)).trimEnd() + (to < text.length ? "…" : ""),
  };
}

/** Where the context before a match starts: at a word's start, never inside a word. */
function windowStart(text: string, start: number, width: number): number {
  let from = Math.max(0, start - width);
  if (from === 0 || SPACE.test(text[from - 1] as string)) return from;
  const space = text.slice(from, start).search(/\s/);
  // Text without spaces (Chinese, Japanese) is cut between characters instead.
  if (space >= 0) return from + space + 1;
  if (isLowSurrogate(text, from)) from++;
  return from;
}

/** Where the context after a match ends: at a word's end. */
function windowEnd(text: string, end: number, width: number): number {
  let to = Math.min(text.length, end + width);
  if (to === text.length || SPACE.test(text[to] as string)) return to;
  for (let i = to - 1; i >= end; i--) if (SPACE.test(text[i] as string)) return i;
  if (isLowSurrogate(text, to)) to--;
  return to;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Line breaks, tabs and runs of spaces as one space. */
function oneLine(part: string): string {
  return part.replace(/\s+/g, " ");
}
