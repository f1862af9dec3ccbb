/**
 * A parsed query as an FTS5 expression over the index's folded words. Every word is a
 * double-quoted string, so nothing the user types can be read as FTS5 syntax. The index
 * only proposes candidates; the exact matcher (shared/search/match.ts) decides.
 */
import type { QueryNode } from "../../../shared/search/query.ts";

export function ftsExpression(node: QueryNode): string {
  switch (node.kind) {
    case "term":
      return `${quoted(node.words.join(" "))}${node.prefix ? "*" : ""}`;
    case "or":
      return node.items.map((item) => `(${ftsExpression(item)})`).join(" OR ");
    case "and": {
      const positive = node.items.filter((item) => item.kind !== "not");
      // FTS5's NOT is binary ("a NOT b"): the words to find first, then each to leave out.
      const leftOut = node.items.flatMap((item) =>
        item.kind === "not" && indexDecides(item.item) ? [item.item] : [],
      );
      const found = positive.map((item) => `(${ftsExpression(item)})`).join(" AND ");
      return [found, ...leftOut.map((item) => `(${ftsExpression(item)})`)].join(" NOT ");
    }
    case "not":
      // The parser only puts a NOT inside an AND with something to find.
      throw new Error("ftsExpression: NOT outside an AND");
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
