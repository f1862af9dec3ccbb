/**
 * The segments that count, grouped by unit: a unit is an answer every chosen coder has
 * seen (indexed 0..units-1 in answer id order). Segments on other answers, of codes no
 * longer in the tree, or of other coders are left out. A counting sort groups them, so
 * nothing depends on the order SQLite returned them in.
 */
import type { TallyTree } from "../../../shared/tally/code-tree.ts";
import type { CoderId } from "../../../shared/domain.ts";
import type { Codings } from "../db/agreement-codings.ts";

export interface CodedUnits {
  readonly units: number;
  readonly coders: number;
  /** Segment indices (into the codings) by unit: unit u's are order[unitStart[u]..unitStart[u+1]). */
  readonly order: Int32Array;
  readonly unitStart: Int32Array;
  /** Per segment of the codings: its node index in the tree (-1: left out) and coder index. */
  readonly node: Int32Array;
  readonly coder: Int32Array;
}

export function codedUnits(
  codings: Codings,
  seen: Int32Array,
  tree: TallyTree,
  coderIds: readonly CoderId[],
): CodedUnits {
  const unitOf = unitLookup(seen);
  const coderIndex = new Map(coderIds.map((id, i) => [id as number, i]));
  const n = codings.length;
  const node = new Int32Array(n);
  const coder = new Int32Array(n);
  const unit = new Int32Array(n);
  const unitStart = new Int32Array(seen.length + 1);
  for (let i = 0; i < n; i++) {
    const u = unitOf(codings.answers[i]!);
    const at = u < 0 ? -1 : tree.nodeOf(codings.codes[i]!);
    const c = coderIndex.get(codings.coders[i]!) ?? -1;
    const kept = at >= 0 && c >= 0;
    node[i] = kept ? at : -1;
    coder[i] = c;
    unit[i] = kept ? u : -1;
    if (kept) unitStart[u + 1]!++;
  }
  for (let u = 0; u < seen.length; u++) unitStart[u + 1]! += unitStart[u]!;
  const next = unitStart.slice(0, seen.length);
  const order = new Int32Array(unitStart[seen.length]!);
  for (let i = 0; i < n; i++) {
    const u = unit[i]!;
    if (u >= 0) order[next[u]!++] = i;
  }
  return { units: seen.length, coders: coderIds.length, order, unitStart, node, coder };
}

/** Unit index of an answer id (-1 when not a unit); `seen` is ascending. */
function unitLookup(seen: Int32Array): (answerId: number) => number {
  const maxId = seen.length === 0 ? 0 : seen[seen.length - 1]!;
  // Answer ids are dense in practice: an array indexed by id, unless it would be large.
  if (maxId <= 8 * seen.length + 65_536) {
    const dense = new Int32Array(maxId + 1).fill(-1);
    seen.forEach((id, u) => (dense[id] = u));
    return (id) => (id >= 0 && id <= maxId ? dense[id]! : -1);
  }
  return (id) => {
    let low = 0;
    let high = seen.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = seen[mid]!;
      if (at === id) return mid;
      if (at < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  };
}
