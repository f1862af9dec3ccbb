/**
 * A page of the review queue as the reviewer sees it: each disagreement with the answer
 * text, both coders' passages, the decision taken (if any) and the consensus coder's
 * passages of that code on that answer now.
 */
import type { ReviewItem } from "../../../shared/api/agreement-api.ts";
import type { CoderId } from "../../../shared/domain.ts";
import { answerRecords } from "../db/answers.ts";
import type { Db } from "../db/project-file.ts";
import { spansOf } from "../db/review-spans.ts";
import { pairKey, type DecisionRecord } from "../db/reviews.ts";
import type { ReviewQueue } from "./review-queue.ts";

/** What the items are read against: the consensus coder (none yet in a preview). */
export interface ItemContext {
  readonly consensusId: CoderId | null;
  readonly decisions: ReadonlyMap<string, DecisionRecord>;
}

/** The items at queue positions `offset`.. `offset + limit - 1`. */
export function reviewItemsPage(
  db: Db,
  queue: ReviewQueue,
  context: ItemContext,
  offset: number,
  limit: number,
): ReviewItem[] {
  const indexes: number[] = [];
  for (let i = offset; i < Math.min(queue.entries.length, offset + limit); i++) indexes.push(i);
  return reviewItemsAt(db, queue, context, indexes);
}

/** The items at the given queue positions, in the order given. */
export function reviewItemsAt(
  db: Db,
  queue: ReviewQueue,
  context: ItemContext,
  indexes: readonly number[],
): ReviewItem[] {
  const entries = indexes.map((index) => {
    const entry = queue.entries[index];
    if (!entry) throw new Error(`reviewItemsAt: no item ${index} in the queue`);
    return { index, entry };
  });
  const answers = new Map(
    answerRecords(db, [...new Set(entries.map(({ entry }) => entry.answerId))]).map((a) => [
      a.id,
      a,
    ]),
  );
  return entries.map(({ index, entry }): ReviewItem => {
    const answer = answers.get(entry.answerId);
    if (!answer) throw new Error(`reviewItemsAt: answer ${entry.answerId} does not exist`);
    const decision = context.decisions.get(pairKey(entry.answerId, entry.codeId));
    return {
      index,
      answerId: entry.answerId,
      codeId: entry.codeId,
      path: queue.paths.get(entry.codeId) ?? [],
      respondent: answer.respondent,
      questionId: answer.questionId,
      question: answer.question,
      text: answer.text,
      kind: entry.kind,
      a: entry.a,
      b: entry.b,
      decision: decision?.decision ?? null,
      comment: decision?.comment ?? "",
      consensus:
        context.consensusId === null
          ? []
          : spansOf(db, entry.answerId, entry.codeId, context.consensusId),
    };
  });
}
