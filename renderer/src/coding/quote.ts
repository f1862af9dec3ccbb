/** Short quotes of passages for panels and the status bar. */
import { graphemeStartAt } from "../../../shared/text/boundaries.ts";

/**
 * `text` if it has at most `max` UTF-16 units, else its beginning and "…" in at most
 * `max`. The cut falls between two characters as a reader sees them, never inside an
 * emoji, a flag or a letter with its accent (which would show as "�").
 */
export function shortQuote(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = graphemeStartAt(text, Math.max(0, max - 1));
  return `${text.slice(0, cut).trimEnd()}…`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The first `count` characters as a reader counts them (an emoji or "é" is one). */
export function firstCharacters(text: string, count: number): string {
  let result = "";
  let taken = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (taken === count) break;
    result += segment;
    taken++;
  }
  return result;
}
