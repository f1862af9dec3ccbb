/**
 * The node counts of a tally scope (one question or all, one coder or all, an attribute
 * filter), kept per connection and brought up to date from the segment change log
 * (db/code-count-changes.ts) instead of being counted again after every coding action:
 * only the respondents a change touched are read again. A change to the tree's shape,
 * to respondents, answers, attributes or questions (db/tally-changes.ts), or a log that
 * overflowed, means counting afresh. Answer statuses do not enter the node counts (a
 * segment counts whatever its answer's status), so a status change keeps them.
 */
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import type { TallyTree } from "../../../shared/tally/code-tree.ts";
import { concatPairs, countNodes, type NodeCounts } from "../../../shared/tally/figures.ts";
import { applyRespondentChange } from "../../../shared/tally/updates.ts";
import { takeChanges, watchChanges, type CountChange } from "../db/code-count-changes.ts";
import type { Db } from "../db/project-file.ts";
import {
  readPairs,
  respondentPasses,
  respondentSegments,
  type RespondentSegment,
  type TallyFilter,
} from "../db/tally.ts";
import { tallyVersions } from "../db/tally-changes.ts";

export interface CountScope {
  readonly questionId: QuestionId | null;
  readonly coderId: CoderId | null;
  readonly filter: TallyFilter;
}

/** A scope's counts: per question, and across the questions in scope (each respondent once). */
export interface ScopeCounts {
  readonly byQuestion: Map<number, NodeCounts>;
  readonly overall: NodeCounts;
}

interface Kept {
  readonly scope: CountScope;
  readonly shapeKey: string;
  readonly structure: number;
  readonly counts: ScopeCounts;
  /** Whether a respondent passes the scope's filter, as asked so far. */
  readonly passes: Map<number, boolean>;
}

/** The change log's reader name for the tallies. */
const READER = "tally";
/** Scopes kept per connection; the least recently used goes first. */
const MOST_KEPT = 24;

const keptByDb = new WeakMap<Db, Map<string, Kept>>();

/** How many times a kept scope was counted from its segments, for tests to see reuse. */
let countedAfresh = 0;
export function scopesCountedAfresh(): number {
  return countedAfresh;
}

/** The scope's counts over the tree as it is now, kept ones brought up to date. */
export function scopeCounts(db: Db, tree: TallyTree, scope: CountScope): ScopeCounts {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const { structure } = tallyVersions(db);
  const changes = takeChanges(db, READER);
  // Kept scopes share a respondent's segments now: read once per respondent and coder.
  const segmentsNow = new Map<string, RespondentSegment[]>();
  const segmentsOf = (respondentId: number, coderId: CoderId | null) => {
    const key = `${respondentId} ${coderId}`;
    let rows = segmentsNow.get(key);
    if (!rows) segmentsNow.set(key, (rows = respondentSegments(db, respondentId, coderId)));
    return rows;
  };
  for (const [key, entry] of kept) {
    const current =
      changes !== null &&
      entry.shapeKey === tree.shapeKey &&
      entry.structure === structure &&
      applyChanges(db, tree, entry, changes, segmentsOf);
    if (!current) kept.delete(key);
  }
  const key = scopeKey(scope);
  let entry = kept.get(key);
  if (entry) {
    kept.delete(key); // to the end: most recently used
  } else {
    watchChanges(db, READER);
    countedAfresh++;
    entry = {
      scope,
      shapeKey: tree.shapeKey,
      structure,
      counts: countScope(db, tree, scope),
      passes: new Map(),
    };
    if (kept.size >= MOST_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, entry);
  return entry.counts;
}

/** Counts the scope from its segments, without anything kept. */
export function countScope(db: Db, tree: TallyTree, scope: CountScope): ScopeCounts {
  const pairs = readPairs(db, scope.questionId, scope.coderId, scope.filter);
  const byQuestion = new Map<number, NodeCounts>();
  for (const [questionId, questionPairs] of pairs) {
    byQuestion.set(questionId, countNodes(tree, questionPairs));
  }
  if (scope.questionId !== null) {
    return { byQuestion, overall: questionCounts(byQuestion, scope.questionId, tree) };
  }
  return { byQuestion, overall: countNodes(tree, concatPairs([...pairs.values()])) };
}

function scopeKey(scope: CountScope): string {
  return JSON.stringify([scope.questionId, scope.coderId, scope.filter]);
}

function questionCounts(byQuestion: Map<number, NodeCounts>, questionId: number, tree: TallyTree) {
  let counts = byQuestion.get(questionId);
  if (!counts) {
    const n = tree.ids.length;
    counts = { respondents: new Float64Array(n), segments: new Float64Array(n) };
    byQuestion.set(questionId, counts);
  }
  return counts;
}

/**
 * Applies the logged changes in the entry's scope, respondent by respondent: their
 * segments now, per question, against the logged deltas. False when that cannot be
 * told (an answer deleted meanwhile, a code not in the tree): counted afresh then.
 */
function applyChanges(
  db: Db,
  tree: TallyTree,
  entry: Kept,
  changes: readonly CountChange[],
  segmentsOf: (respondentId: number, coderId: CoderId | null) => RespondentSegment[],
): boolean {
  const { scope } = entry;
  const deltas = new Map<number, Map<number, Map<number, number>>>(); // respondent, question, code
  for (const change of changes) {
    if (scope.coderId !== null && change.coderId !== scope.coderId) continue;
    if (change.respondentId === null || change.questionId === null) return false;
    if (scope.questionId !== null && change.questionId !== scope.questionId) continue;
    const byQuestion = deltas.get(change.respondentId) ?? new Map<number, Map<number, number>>();
    const byCode = byQuestion.get(change.questionId) ?? new Map<number, number>();
    byCode.set(change.codeId, (byCode.get(change.codeId) ?? 0) + change.delta);
    byQuestion.set(change.questionId, byCode);
    deltas.set(change.respondentId, byQuestion);
  }
  for (const [respondentId, byQuestion] of deltas) {
    if (!passesFilter(db, entry, respondentId)) continue;
    const now = new Map<number, Map<number, number>>();
    for (const row of segmentsOf(respondentId, scope.coderId)) {
      if (scope.questionId !== null && row.questionId !== scope.questionId) continue;
      const byCode = now.get(row.questionId) ?? new Map<number, number>();
      byCode.set(row.codeId, row.n);
      now.set(row.questionId, byCode);
    }
    for (const [questionId, delta] of byQuestion) {
      const counts = questionCounts(entry.counts.byQuestion, questionId, tree);
      if (!applyRespondentChange(tree, counts, now.get(questionId) ?? new Map(), delta)) {
        return false;
      }
    }
    if (scope.questionId === null) {
      const ok = applyRespondentChange(
        tree,
        entry.counts.overall,
        summed(now.values()),
        summed(byQuestion.values()),
      );
      if (!ok) return false;
    }
  }
  return true;
}

function passesFilter(db: Db, entry: Kept, respondentId: number): boolean {
  let passes = entry.passes.get(respondentId);
  if (passes === undefined) {
    passes = respondentPasses(db, respondentId, entry.scope.filter);
    entry.passes.set(respondentId, passes);
  }
  return passes;
}

function summed(maps: Iterable<ReadonlyMap<number, number>>): Map<number, number> {
  const sum = new Map<number, number>();
  for (const map of maps) for (const [key, n] of map) sum.set(key, (sum.get(key) ?? 0) + n);
  return sum;
}
