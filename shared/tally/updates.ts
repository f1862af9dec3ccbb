/**
 * Bringing kept node counts (figures.ts) up to date after a coding action without
 * counting every segment again: for one respondent, their segments per code now and the
 * change per code tell, node by node, whether they had any before and have any now.
 */
import type { TallyTree } from "./code-tree.ts";
import type { NodeCounts } from "./figures.ts";

/** Sums per code into sums per node, each node over its subtree; null for an unknown code. */
export function subtreeSums(
  tree: TallyTree,
  byCode: ReadonlyMap<number, number>,
): Map<number, number> | null {
  const byNode = new Map<number, number>();
  for (const [code, n] of byCode) {
    const at = tree.nodeOf(code);
    if (at < 0) return null;
    for (const up of tree.chains[at]!) byNode.set(up, (byNode.get(up) ?? 0) + n);
  }
  return byNode;
}

/**
 * Applies one respondent's change: `now` is their segments per code in scope after it,
 * `delta` the change per code (after minus before). False when a code is not in the
 * tree: the counts must then be taken afresh. Mutates `counts`.
 */
export function applyRespondentChange(
  tree: TallyTree,
  counts: NodeCounts,
  now: ReadonlyMap<number, number>,
  delta: ReadonlyMap<number, number>,
): boolean {
  const nowBelow = subtreeSums(tree, now);
  const deltaBelow = subtreeSums(tree, delta);
  if (nowBelow === null || deltaBelow === null) return false;
  const segments = counts.segments as Float64Array;
  const respondents = counts.respondents as Float64Array;
  for (const [at, change] of deltaBelow) {
    const after = nowBelow.get(at) ?? 0;
    segments[at] = segments[at]! + change;
    respondents[at] = respondents[at]! + Number(after > 0) - Number(after - change > 0);
  }
  return true;
}
