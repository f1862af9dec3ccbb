/**
 * The counts beside each node of the codebook, for one coder or for all together.
 *
 * Counting a million segments takes about half a second, too slow to repeat after each
 * coding action, so the counts of each coder (and of all) are kept per connection and
 * brought up to date from the segment changes logged since (db/code-count-changes.ts):
 * only the respondents those touched are read again. A change to the tree's shape, or
 * more changes than the log holds, means counting afresh.
 */
import type { CodeCounts } from "../../../shared/api/codebook-api.ts";
import type { CoderId } from "../../../shared/domain.ts";
import { takeCountChanges, watchCountChanges, type CountChange } from "../db/code-count-changes.ts";
import {
  countCodes,
  readTree,
  respondentCodeCounts,
  talliesToCounts,
  treeShape,
  type Tallies,
  type Tree,
} from "../db/code-counts.ts";
import type { Db } from "../db/project-file.ts";

interface Kept {
  readonly shape: string;
  readonly tree: Tree;
  readonly tallies: Tallies;
}

/** Per connection, the counts by coder id (0: all coders). */
const kept = new WeakMap<Db, Map<number, Kept>>();

export function codeCountsOf(db: Db, coderId: CoderId | null): CodeCounts {
  let byCoder = kept.get(db);
  if (!byCoder) kept.set(db, (byCoder = new Map()));
  const changes = takeCountChanges(db);
  const shape = treeShape(db);
  for (const [key, counts] of byCoder) {
    const current =
      changes !== null &&
      counts.shape === shape &&
      applyChanges(db, counts, changes, key === 0 ? null : (key as CoderId));
    if (!current) byCoder.delete(key);
  }
  let counts = byCoder.get(coderId ?? 0);
  if (!counts) {
    watchCountChanges(db);
    const tree = readTree(db);
    counts = { shape, tree, tallies: countCodes(db, tree, coderId) };
    byCoder.set(coderId ?? 0, counts);
  }
  return { coderId, counts: talliesToCounts(counts.tree, counts.tallies) };
}

/**
 * Brings the counts up to date: for each respondent a change touched, the nodes above
 * the changed codes gain or lose the respondent as their segments now say. False when
 * that cannot be told (a respondent deleted meanwhile): then they are counted afresh.
 */
function applyChanges(
  db: Db,
  counts: Kept,
  changes: readonly CountChange[],
  coderId: CoderId | null,
): boolean {
  const byRespondent = new Map<number, Map<number, number>>();
  for (const change of changes) {
    if (coderId !== null && change.coderId !== coderId) continue;
    if (change.respondentId === null) return false;
    const deltas = byRespondent.get(change.respondentId) ?? new Map<number, number>();
    deltas.set(change.codeId, (deltas.get(change.codeId) ?? 0) + change.delta);
    byRespondent.set(change.respondentId, deltas);
  }
  const { tree, tallies } = counts;
  for (const [respondentId, deltas] of byRespondent) {
    const now = respondentCodeCounts(db, respondentId, coderId);
    const nowBelow = upTheTree(tree, now);
    const deltaBelow = upTheTree(tree, deltas);
    if (nowBelow === null || deltaBelow === null) return false;
    for (const [code, delta] of deltas) {
      const at = tree.index.get(code);
      if (at === undefined) return false;
      const after = now.get(code) ?? 0;
      tallies.segments[at]! += delta;
      tallies.respondents[at]! += presence(after, delta);
    }
    for (const [at, delta] of deltaBelow) {
      tallies.subtreeSegments[at]! += delta;
      tallies.subtreeRespondents[at]! += presence(nowBelow.get(at) ?? 0, delta);
    }
  }
  return true;
}

/** +1 when the respondent now has segments and did not before the change, -1 the reverse. */
function presence(after: number, delta: number): number {
  return Number(after > 0) - Number(after - delta > 0);
}

/** Sums by code into sums by node and every node above it; null for an unknown code. */
function upTheTree(tree: Tree, byCode: ReadonlyMap<number, number>): Map<number, number> | null {
  const byNode = new Map<number, number>();
  for (const [code, n] of byCode) {
    const at = tree.index.get(code);
    if (at === undefined) return null;
    for (const up of tree.chains[at]!) byNode.set(up, (byNode.get(up) ?? 0) + n);
  }
  return byNode;
}
