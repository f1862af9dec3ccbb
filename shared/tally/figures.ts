/**
 * The frequency panel's arithmetic (DESIGN.md, "Definitions the numbers must follow"):
 * from the (respondent, code) pair of every segment in scope, each node's respondents
 * (the union over its subtree, a respondent once) and segments (its subtree's), then the
 * percentages; a crosstab's split of the respondents by a column. Pure and order-free:
 * pairs may come in any order.
 */
import type { TallyTree } from "./code-tree.ts";

/** One pair per segment: its answer's respondent and its code id, in parallel arrays. */
export interface CodePairs {
  readonly respondents: Int32Array;
  readonly codes: Int32Array;
  readonly length: number;
}

/** Each node's subtree figures, by node index. */
export interface NodeCounts {
  readonly respondents: Float64Array;
  readonly segments: Float64Array;
}

/**
 * Each node's respondents and segments, its subtree counted together. The pairs are
 * visited respondent by respondent, so a node has counted the respondent exactly when
 * it was the last one it counted, and so has every node above it: no set of
 * respondents per node. Pairs read answer by answer (one question's) come that way
 * already; others are put in that order first.
 */
export function countNodes(tree: TallyTree, pairs: CodePairs): NodeCounts {
  const n = tree.ids.length;
  const respondents = new Float64Array(n);
  const own = new Float64Array(n);
  const last = new Int32Array(n).fill(-1);
  const order = respondentOrder(pairs);
  const { parent } = tree;
  for (let k = 0; k < pairs.length; k++) {
    const i = order === null ? k : order[k]!;
    const at = tree.nodeOf(pairs.codes[i]!);
    if (at < 0) continue;
    const respondent = pairs.respondents[i]!;
    own[at]!++;
    for (let up = at; up >= 0 && last[up] !== respondent; up = parent[up]!) {
      last[up] = respondent;
      respondents[up]!++;
    }
  }
  return { respondents, segments: subtreeSums(tree, own) };
}

/**
 * Positions of the pairs with each respondent's together: null when they already come
 * so (no respondent comes back after another), else a counting sort by respondent id.
 * Respondent ids are SQLite rowids, dense enough for arrays indexed by them.
 */
function respondentOrder(pairs: CodePairs): Int32Array | null {
  let most = 0;
  for (let i = 0; i < pairs.length; i++) most = Math.max(most, pairs.respondents[i]!);
  const seen = new Uint8Array(most + 1);
  let current = -1;
  let grouped = true;
  for (let i = 0; i < pairs.length && grouped; i++) {
    const respondent = pairs.respondents[i]!;
    if (respondent === current) continue;
    grouped = seen[respondent] === 0;
    seen[respondent] = 1;
    current = respondent;
  }
  if (grouped) return null;
  const starts = new Int32Array(most + 2);
  for (let i = 0; i < pairs.length; i++) starts[pairs.respondents[i]! + 1]!++;
  for (let id = 0; id <= most; id++) starts[id + 1]! += starts[id]!;
  const order = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) order[starts[pairs.respondents[i]!]!++] = i;
  return order;
}

/** The pairs of several parts one after the other. */
export function concatPairs(parts: readonly CodePairs[]): CodePairs {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const respondents = new Int32Array(length);
  const codes = new Int32Array(length);
  let at = 0;
  for (const part of parts) {
    respondents.set(part.respondents.subarray(0, part.length), at);
    codes.set(part.codes.subarray(0, part.length), at);
    at += part.length;
  }
  return { respondents, codes, length };
}

/**
 * The pairs split by a column of their respondent (`columnOf[respondent]`, -1 or past
 * the end: left out), each part in the order given.
 */
export function splitPairs(
  pairs: CodePairs,
  columnOf: ArrayLike<number>,
  columns: number,
): CodePairs[] {
  const column = (respondent: number) =>
    respondent < columnOf.length ? columnOf[respondent]! : -1;
  const sizes = new Int32Array(columns);
  for (let i = 0; i < pairs.length; i++) {
    const at = column(pairs.respondents[i]!);
    if (at >= 0 && at < columns) sizes[at]!++;
  }
  const parts = Array.from(sizes, (n) => ({
    respondents: new Int32Array(n),
    codes: new Int32Array(n),
    length: 0,
  }));
  for (let i = 0; i < pairs.length; i++) {
    const part = parts[column(pairs.respondents[i]!)];
    if (!part) continue;
    part.respondents[part.length] = pairs.respondents[i]!;
    part.codes[part.length] = pairs.codes[i]!;
    part.length++;
  }
  return parts;
}

/** Each node's own figure summed over its subtree: children after parents in tree order. */
function subtreeSums(tree: TallyTree, own: Float64Array): Float64Array {
  const sums = Float64Array.from(own);
  for (let i = tree.order.length - 1; i >= 0; i--) {
    const at = tree.order[i]!;
    const up = tree.parent[at]!;
    if (up >= 0) sums[up]! += sums[at]!;
  }
  return sums;
}

/** n / d, or null when d is 0: a percentage as an exact fraction. */
export function fraction(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/** One listed node and its four figures. */
export interface NodeFigures {
  readonly node: number;
  readonly codeId: number;
  readonly parentId: number | null;
  readonly path: readonly string[];
  readonly nRespondents: number;
  readonly nSegments: number;
  readonly pctOfAnswered: number | null;
  readonly pctOfSegments: number | null;
}

/**
 * The listed rows: every node with at least one segment, in tree order, each with its
 * share of the respondents who answered and of its siblings' segments (itself included;
 * the top-level nodes are siblings of each other).
 */
export function nodeFigures(tree: TallyTree, counts: NodeCounts, answered: number): NodeFigures[] {
  const siblingSegments = new Map<number, number>();
  tree.ids.forEach((_, at) => {
    const up = tree.parent[at]!;
    siblingSegments.set(up, (siblingSegments.get(up) ?? 0) + counts.segments[at]!);
  });
  const rows: NodeFigures[] = [];
  for (const at of tree.order) {
    const nSegments = counts.segments[at]!;
    if (nSegments === 0) continue;
    const up = tree.parent[at]!;
    const nRespondents = counts.respondents[at]!;
    rows.push({
      node: at,
      codeId: tree.ids[at]!,
      parentId: up < 0 ? null : tree.ids[up]!,
      path: tree.paths[at]!,
      nRespondents,
      nSegments,
      pctOfAnswered: fraction(nRespondents, answered),
      pctOfSegments: fraction(nSegments, siblingSegments.get(up) ?? 0),
    });
  }
  return rows;
}
