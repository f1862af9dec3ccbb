/**
 * A changed passage, before and after, short enough for the dialog's preview: the words
 * around the first replacement of a text (and any others within reach), cut at spaces,
 * with "…" where the text goes on.
 */
import type { PseudonymisedText } from "./pseudonymise.ts";

/** Characters of context kept on each side of the first replacement. */
const CONTEXT = 40;

/** How far a cut may move to land on a space rather than inside a word. */
const NEAR = 15;

export interface ExcerptPair {
  readonly before: string;
  readonly after: string;
}

export function excerptPair(original: string, result: PseudonymisedText): ExcerptPair | null {
  const first = result.edits[0];
  if (first === undefined) return null;
  const from = cutBefore(original, first.start - CONTEXT);
  const to = cutAfter(original, first.end + CONTEXT);
  // The same stretch of the new text: `from` lies before every edit and shifts by none.
  const shift = (offset: number) => {
    let delta = 0;
    for (const edit of result.edits) {
      if (edit.end > offset) break;
      delta = edit.newEnd - edit.end;
    }
    return offset + delta;
  };
  const last = [...result.edits].reverse().find((edit) => edit.start < to);
  const newTo = last && to < last.end ? last.newEnd : shift(to);
  return {
    before: clip(original, from, Math.max(to, last && to < last.end ? last.end : to)),
    after: clip(result.text, from, newTo),
  };
}

function clip(text: string, from: number, to: number): string {
  const body = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${body}${to < text.length ? "…" : ""}`;
}

/** A start at or after `at`, moved back to just after a space (or the text's start) when near. */
function cutBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.lastIndexOf(" ", at);
  if (space < 0) return at < NEAR ? 0 : at;
  return at - space < NEAR ? space + 1 : at;
}

/** An end at or after `at`, moved on to the next space (or the text's end) when near. */
function cutAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.indexOf(" ", at);
  if (space < 0) return text.length - at < NEAR ? text.length : at;
  return space - at < NEAR ? space : at;
}
