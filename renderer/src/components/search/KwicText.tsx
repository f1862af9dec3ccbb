/**
 * The three parts of a keyword-in-context line: the text before the match, right-aligned
 * and cut on its left; the match, highlighted; the text after, cut on its right. Every
 * row puts its match at the same column, so the matches line up down the list.
 */
import type { KwicLine } from "../../search/kwic.ts";

export function KwicText({ line }: { readonly line: KwicLine }) {
  return (
    <>
      <span className="kwic-before">
        {/* Isolated, so the outer right-to-left trick that cuts it on the left keeps its order. */}
        <bdi>{line.before}</bdi>
      </span>
      <span className="kwic-rest">
        <mark>{line.match}</mark>
        {line.after}
      </span>
    </>
  );
}
