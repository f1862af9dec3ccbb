/**
 * Where a parsed query matches an answer's text. Hits are UTF-16 spans of the original
 * text (end exclusive): a word's hit is the word, a phrase's runs from its first word's
 * start to its last word's end. NOT only decides whether an answer matches; the hits
 * are those of the words searched for.
 */
import type { QueryNode, Term } from "./query.ts";
import { tokenize, type Token } from "./tokenize.ts";

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The hits of the query in the text, in text order; none when the answer does not match. */
export function findHits(query: QueryNode, text: string): Span[] {
  return hitsInTokens(query, tokenize(text));
}

export function hitsInTokens(query: QueryNode, tokens: readonly Token[]): Span[] {
  const spans = evaluate(query, tokens);
  return spans === null ? [] : mergeOverlapping(spans);
}

/** The spans found, or null when the node does not match (a NOT'ed word is there). */
function evaluate(node: QueryNode, tokens: readonly Token[]): Span[] | null {
  switch (node.kind) {
    case "term": {
      const spans = termSpans(node, tokens);
      return spans.length > 0 ? spans : null;
    }
    case "or": {
      const all: Span[] = [];
      let matched = false;
      for (const item of node.items) {
        const spans = evaluate(item, tokens);
        if (spans !== null) {
          matched = true;
          all.push(...spans);
        }
      }
      return matched ? all : null;
    }
    case "and": {
      const all: Span[] = [];
      for (const item of node.items) {
        const spans = evaluate(item, tokens);
        if (spans === null) return null;
        all.push(...spans);
      }
      return all;
    }
    case "not":
      return evaluate(node.item, tokens) === null ? [] : null;
  }
}

function termSpans(term: Term, tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  const count = term.words.length;
  const last = count - 1;
  for (let i = 0; i + count <= tokens.length; i++) {
    let k = 0;
    for (; k < count; k++) {
      const token = tokens[i + k] as Token;
      const word = term.words[k] as string;
      const same = k === last && term.prefix ? token.word.startsWith(word) : token.word === word;
      if (!same) break;
      // Characters of a CJK phrase typed together must stand together in the text.
      if (k > 0 && term.cjk[k] && (tokens[i + k - 1] as Token).end !== token.start) break;
    }
    if (k === count) {
      spans.push({ start: (tokens[i] as Token).start, end: (tokens[i + last] as Token).end });
    }
  }
  return spans;
}

/** Hits in text order; one inside or across another ("new york" and york) become one. */
export function mergeOverlapping(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const previous = merged.at(-1);
    if (previous && span.start < previous.end) {
      if (span.end > previous.end)
        merged[merged.length - 1] = { start: previous.start, end: span.end };
    } else {
      merged.push(span);
    }
  }
  return merged;
}
