/**
 * What a search looks for, ready to run: the hits in one answer's text, and how to find
 * the candidate answers (through the full-text index, or all of them for a regex).
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { findHits, type Span } from "../../../shared/search/match.ts";
import { parseQuery } from "../../../shared/search/query.ts";
import { ftsExpression } from "./fts-expression.ts";

export interface SearchInput {
  readonly query: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
}

export interface Matcher {
  /** Hits in the text, in text order, none empty; none when the answer does not match. */
  readonly hits: (text: string) => Span[];
  /** The FTS5 expression that proposes candidates; null: every answer is a candidate. */
  readonly fts: string | null;
}

export function matcherFor(input: SearchInput): Matcher {
  if (input.regex) {
    const regex = compile(input.query, input.caseSensitive);
    return { hits: (text) => regexHits(regex, text), fts: null };
  }
  const query = parseQuery(input.query);
  return { hits: (text) => findHits(query, text), fts: ftsExpression(query) };
}

function compile(pattern: string, caseSensitive: boolean): RegExp {
  const flags = caseSensitive ? "g" : "gi";
  try {
    return new RegExp(pattern, `${flags}u`);
  } catch (error) {
    // Unicode mode refuses escapes people write out of habit ("covid\-19", "\;") and a
    // literal "{": read as a plain JavaScript pattern such a one means what was meant.
    const plain = legacy(pattern, flags);
    if (plain) return plain;
    // "Invalid regular expression: /a[/giu: Unterminated character class" -> the reason.
    const reason =
      error instanceof Error
        ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "")
        : "";
    throw new CairnError("bad_input", `that regular expression is not valid: ${reason}`);
  }
}

function legacy(pattern: string, flags: string): RegExp | null {
  // \p{...} means the letter p in a plain pattern: never what someone typing it meant.
  if (/\\[pP]\{/.test(pattern)) return null;
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/** Every non-empty match; an empty one ("a*" between letters) moves on a character. */
export function regexHits(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end > start) {
      spans.push({ start, end });
    } else {
      const code = text.codePointAt(start);
      regex.lastIndex = start + (code !== undefined && code > 0xffff ? 2 : 1);
    }
  }
  return spans;
}
