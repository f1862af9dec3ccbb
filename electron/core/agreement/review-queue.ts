/**
 * The review queue of two coders (decision 0015). On the answers both have seen, every
 * (answer, code) pair either coder used (the node's own segments, not its subtree) is
 * either agreed, when both used the code and every segment of each has a partner of the
 * other at the threshold (MAXQDA's rule, shared/agreement/segments.ts), or an item:
 * "answer" when only one used the code, "segment" when both did on passages that do not
 * all agree. Items go in questionnaire order, then respondent order, then codebook order.
 *
 * The queue is computed from the two coders' coding as it is now, never stored: the
 * decisions are stored by (answer, code), so a queue read again finds them.
 */
import { matchSpans, unionSpans, type Span } from "../../../shared/agreement/segments.ts";
import type { AnswerId, CodeId, CodeNode, CoderId, QuestionId } from "../../../shared/domain.ts";
import { codeTree } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import { readCodings, type Codings } from "../db/agreement-codings.ts";
import { answeredAnswers, questionPositions, totalChanges } from "../db/review-spans.ts";
import { seenAnswerIds } from "../db/seen-answers.ts";

/** Whose coding a queue compares, where, and by which rule. */
export interface ReviewScope {
  readonly coderA: CoderId;
  readonly coderB: CoderId;
  /** Empty: every question. */
  readonly questionIds: readonly QuestionId[];
  readonly threshold: number;
}

export interface QueueEntry {
  readonly answerId: AnswerId;
  readonly questionId: QuestionId;
  readonly codeId: CodeId;
  readonly kind: "answer" | "segment";
  readonly a: readonly Span[];
  readonly b: readonly Span[];
}

/** A pair both coded alike, and the consensus passages it gives: the union of both. */
export interface AgreedPair {
  readonly answerId: AnswerId;
  readonly codeId: CodeId;
  readonly spans: readonly Span[];
}

export interface ReviewQueue {
  /** The answers both coders have seen, in review order, with their question. */
  readonly seen: readonly (readonly [AnswerId, QuestionId])[];
  readonly entries: readonly QueueEntry[];
  readonly agreed: readonly AgreedPair[];
  /** Every code's path, for the items. */
  readonly paths: ReadonlyMap<CodeId, readonly string[]>;
}

export function reviewQueue(db: Db, scope: ReviewScope): ReviewQueue {
  const { coderA, coderB } = scope;
  const questionIds = scope.questionIds.length === 0 ? undefined : scope.questionIds;
  const order = reviewOrder(db, seenAnswerIds(db, [coderA, coderB], questionIds));
  const { ranks: codeRanks, paths } = codebookOrder(codeTree(db));
  const codings = readCodings(db, [coderA, coderB]);
  const rows = rowsInReviewOrder(codings, order.ranks, codeRanks, coderA);

  const entries: QueueEntry[] = [];
  const agreed: AgreedPair[] = [];
  for (const pair of pairsOf(codings, rows, coderA)) {
    const { answerId, codeId, a, b } = pair;
    if (a.length > 0 && b.length > 0 && allAgree(a, b, scope.threshold)) {
      agreed.push({ answerId, codeId, spans: unionSpans([...a, ...b]) });
      continue;
    }
    const questionId = order.questions.get(answerId) as QuestionId;
    const kind = a.length > 0 && b.length > 0 ? "segment" : "answer";
    entries.push({ answerId, questionId, codeId, kind, a, b });
  }
  return { seen: order.seen, entries, agreed, paths };
}

/**
 * The queue, remembered per connection until the project changes: the reviewer's panel
 * reads the state and a page of items after every decision, and on 100,000 answers
 * each reading would cost a second. `total_changes()` counts every row this connection
 * has written (edits, undo, imports); the session's lock keeps other writers out.
 */
export function cachedReviewQueue(db: Db, scope: ReviewScope): ReviewQueue {
  const key = cacheKey(db, scope);
  const cached = queues.get(db);
  if (cached?.key === key) return cached.queue;
  const queue = reviewQueue(db, scope);
  queues.set(db, { key, queue });
  return queue;
}

/**
 * After a write that cannot change the queue (a decision writes only the consensus
 * coder's segments and marks, and the decisions), the queue read before it stays good.
 */
export function keepReviewQueue(db: Db, scope: ReviewScope, queue: ReviewQueue): void {
  queues.set(db, { key: cacheKey(db, scope), queue });
}

const queues = new WeakMap<Db, { key: string; queue: ReviewQueue }>();

function cacheKey(db: Db, scope: ReviewScope): string {
  const changes = totalChanges(db);
  return JSON.stringify([changes, scope.coderA, scope.coderB, scope.questionIds, scope.threshold]);
}

/**
 * The answers compared in questionnaire order, then respondent order; `ranks` by answer
 * id (undefined: not compared).
 */
function reviewOrder(
  db: Db,
  seenIds: readonly AnswerId[],
): {
  seen: [AnswerId, QuestionId][];
  ranks: Int32Array;
  questions: Map<AnswerId, QuestionId>;
} {
  const answered = answeredAnswers(db);
  const positions = questionPositions(db);
  const maxId = seenIds.reduce((max, id) => Math.max(max, id), 0);
  const ranks = new Int32Array(maxId + 1).fill(-1);
  const SEEN = -2; // compared, rank not known yet
  for (const id of seenIds) ranks[id] = SEEN;
  const kept: number[] = [];
  for (let i = 0; i < answered.ids.length; i++) {
    if (ranks[answered.ids[i]!] === SEEN) kept.push(i);
  }
  const questionPosition = (i: number) => positions.get(answered.questions[i] as QuestionId) ?? 0;
  kept.sort(
    (x, y) =>
      questionPosition(x) - questionPosition(y) ||
      answered.respondentPositions[x]! - answered.respondentPositions[y]!,
  );
  const seen = kept.map((i, rank): [AnswerId, QuestionId] => {
    ranks[answered.ids[i]!] = rank;
    return [answered.ids[i] as AnswerId, answered.questions[i] as QuestionId];
  });
  return { seen, ranks, questions: new Map(seen) };
}

function allAgree(a: readonly Span[], b: readonly Span[], threshold: number): boolean {
  // The common case, the same passages, agrees at any threshold.
  if (a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end)) {
    return true;
  }
  const { aAgrees, bAgrees } = matchSpans(a, b, threshold);
  return aAgrees.every(Boolean) && bAgrees.every(Boolean);
}

interface CodedPair {
  readonly answerId: AnswerId;
  readonly codeId: CodeId;
  readonly a: Span[];
  readonly b: Span[];
}

/**
 * The segments on the answers compared (rank >= 0), in review order, A's before B's in
 * each pair, then by start and end. Sorted by one number per row: a comparator over
 * several arrays costs seconds on a million segments.
 */
function rowsInReviewOrder(
  codings: Codings,
  answerRanks: Int32Array,
  codeRanks: ReadonlyMap<CodeId, number>,
  coderA: CoderId,
): Uint32Array {
  const codes = codeRanks.size + 1;
  const rows: number[] = [];
  const keys = new Float64Array(codings.length);
  for (let i = 0; i < codings.length; i++) {
    const answerRank = answerRanks[codings.answers[i]!] ?? -1;
    if (answerRank < 0) continue;
    const codeRank = codeRanks.get(codings.codes[i] as CodeId) ?? codes - 1;
    const pair = (answerRank * codes + codeRank) * 2 + (codings.coders[i] === coderA ? 0 : 1);
    // Below 2^53 for a million answers, a thousand codes and answers under 2^21 units.
    keys[i] = pair * 2 ** 21 + Math.min(codings.starts[i]!, 2 ** 21 - 1);
    rows.push(i);
  }
  return Uint32Array.from(rows).sort(
    (x, y) => keys[x]! - keys[y]! || codings.ends[x]! - codings.ends[y]!,
  );
}

/** Segment rows, in review order, grouped into one pair per (answer, code). */
function* pairsOf(codings: Codings, rows: Uint32Array, coderA: CoderId): Generator<CodedPair> {
  let current: CodedPair | null = null;
  for (const i of rows) {
    const answerId = codings.answers[i] as AnswerId;
    const codeId = codings.codes[i] as CodeId;
    if (current === null || current.answerId !== answerId || current.codeId !== codeId) {
      if (current) yield current;
      current = { answerId, codeId, a: [], b: [] };
    }
    const span = { start: codings.starts[i]!, end: codings.ends[i]! };
    (codings.coders[i] === coderA ? current.a : current.b).push(span);
  }
  if (current) yield current;
}

/** Codebook (depth-first) order and every code's path. */
function codebookOrder(tree: readonly CodeNode[]): {
  ranks: Map<CodeId, number>;
  paths: Map<CodeId, readonly string[]>;
} {
  const ranks = new Map<CodeId, number>();
  const paths = new Map<CodeId, readonly string[]>();
  const walk = (nodes: readonly CodeNode[]): void => {
    for (const node of nodes) {
      ranks.set(node.id, ranks.size);
      paths.set(node.id, node.path);
      walk(node.children);
    }
  };
  walk(tree);
  return { ranks, paths };
}
