/**
 * A parsed query as an FTS5 expression over the index's folded words. Every word is a
 * double-quoted string, so nothing the user types can be read as FTS5 syntax. The index
 * only proposes candidates; the exact matcher (shared/search/match.ts) decides.
 */
import type { QueryNode } from "../../../shared/search/query.ts";

/**
 * How deeply groups may nest in the expression. FTS5's parser has a small fixed stack
 * and fails ("parser stack overflow") at about 25 nested groups; deeper parts of a query
 * are left to the exact matcher, which only makes the index propose more candidates.
 */
const MAX_DEPTH = 12;

/** The expression, or null when the index cannot narrow the search (every answer is a candidate). */
export function ftsExpression(node: QueryNode): string | null {
  return expression(flatten(node), 0);
}

function expression(node: QueryNode, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  switch (node.kind) {
    case "term":
      return `${quoted(node.words.join(" "))}${node.prefix ? "*" : ""}`;
    case "or": {
      const items = node.items.map((item) => expression(item, depth + 1));
      // One alternative the index cannot narrow leaves every answer a candidate.
      if (items.some((item) => item === null)) return null;
      return items.map((item) => `(${item})`).join(" OR ");
    }
    case "and": {
      // Dropping a word to find or to leave out only widens the candidates.
      const found = node.items.flatMap((item) => {
        if (item.kind === "not") return [];
        const text = expression(item, depth + 1);
        return text === null ? [] : [`(${text})`];
      });
      if (found.length === 0) return null;
      // FTS5's NOT is binary ("a NOT b"): the words to find first, then each to leave out.
      // What is left out must be said exactly: a wider one would lose answers.
      const leftOut = node.items.flatMap((item) =>
        item.kind === "not" &&
        indexDecides(item.item) &&
        depth + 1 + depthOf(item.item) <= MAX_DEPTH
          ? [`(${expression(item.item, depth + 1) as string})`]
          : [],
      );
      return [found.join(" AND "), ...leftOut].join(" NOT ");
    }
    case "not":
      // The parser only puts a NOT inside an AND with something to find.
      throw new Error("ftsExpression: NOT outside an AND");
  }
}

/** "a (b (c d))" is "a b c d" and "a OR (b OR c)" is "a OR b OR c": fewer groups to nest. */
function flatten(node: QueryNode): QueryNode {
  switch (node.kind) {
    case "term":
      return node;
    case "not":
      return { kind: "not", item: flatten(node.item) };
    case "and":
    case "or": {
      const items = node.items.flatMap((item) => {
        const flat = flatten(item);
        return flat.kind === node.kind ? (flat as typeof node).items : [flat];
      });
      return { kind: node.kind, items };
    }
  }
}

/** How many levels of groups a node's expression takes (a term: none). */
function depthOf(node: QueryNode): number {
  switch (node.kind) {
    case "term":
      return 0;
    case "not":
      return depthOf(node.item);
    case "or":
    case "and":
      return 1 + Math.max(...node.items.map(depthOf));
  }
}

/**
 * Whether the index alone can say that a left-out term is present. For a CJK phrase it
 * cannot: the index sees its characters in a row even with a comma between them, which
 * the matcher does not count; left to the index, such an answer would be lost.
 */
function indexDecides(node: QueryNode): boolean {
  switch (node.kind) {
    case "term":
      return !node.cjk.some(Boolean);
    case "or":
    case "and":
      return node.items.every(indexDecides);
    case "not":
      return indexDecides(node.item);
  }
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
