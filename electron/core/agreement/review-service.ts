/**
 * Review and consensus (issue 7, decision 0015). Starting a review of coders A and B
 * copies what they coded alike to a third coder, the consensus, records the agreement
 * figures as they were, and leaves every other pair either coded as an item of the queue
 * (review-queue.ts); each decision writes that pair's consensus passages. Starting and
 * every decision are one undoable step each; a review is found again by its coders and
 * questions, so it resumes where it stopped.
 */
import {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  type ReviewState,
} from "../../../shared/api/agreement-api.ts";
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, CodeId, CoderId, QuestionId } from "../../../shared/domain.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { NO_CHANGE, recordStep } from "../coding/history.ts";
import { ensureCoder, findCoder } from "../db/coders.ts";
import { addDoneMark } from "../db/done-marks.ts";
import type { Db } from "../db/project-file.ts";
import { listQuestions } from "../db/questions.ts";
import { answeredCounts } from "../db/review-spans.ts";
import {
  decisionsOf,
  insertReview,
  latestReview,
  pairKey,
  type ReviewRecord,
} from "../db/reviews.ts";
import { readCodings } from "../db/agreement-codings.ts";
import { seenAnswerIds } from "../db/seen-answers.ts";
import { addSegmentMerging, insertSegment } from "../db/segments.ts";
import { agreementReport } from "./agreement-service.ts";
import {
  cachedReviewQueue,
  keepReviewQueue,
  type AgreedPair,
  type ReviewScope,
} from "./review-queue.ts";
import { coderNamesOf, mustGetReview, reviewState, scopeOf } from "./review-state.ts";

/**
 * Starts the review of two coders on the questions, or resumes the one they have on
 * the same questions (a step only when resuming brings the consensus up to date).
 */
export function startReview(
  db: Db,
  input: ApiParsedInput<"review.start">,
  now: string,
): EditOutcome & { review: ReviewState } {
  const [a, b] = input.coderIds;
  const names = coderNamesOf(db, [a, b]);
  const questionIds = checkedQuestions(db, input.questionIds);
  const existing = latestReview(db, [a, b], questionIds);
  if (existing) return resumeReview(db, existing, now);

  const consensusBefore = findCoder(db, input.consensus);
  if (consensusBefore === a || consensusBefore === b) {
    throw new CairnError(
      "bad_input",
      `the consensus needs a coder name of its own; "${input.consensus}" is one of the two coders reviewed`,
    );
  }
  const scope: ReviewScope = { coderA: a, coderB: b, questionIds, threshold: input.threshold };
  const before = agreementReport(
    db,
    {
      coderIds: [a, b],
      ...(questionIds.length > 0 && { questionIds: [...questionIds] }),
      threshold: input.threshold,
      resamples: DEFAULT_RESAMPLES,
      seed: DEFAULT_SEED,
    },
    now,
  );
  const queue = cachedReviewQueue(db, scope);
  const label = `Start review of ${names.get(a)} and ${names.get(b)}`;
  const outcome = recordStep(db, label, now, () => {
    const consensusId = ensureCoder(db, input.consensus);
    const reviewId = insertReview(db, {
      coderA: a,
      coderB: b,
      consensusId,
      questionIds,
      threshold: input.threshold,
      before,
      startedAt: now,
    });
    markSeen(db, consensusId, queue.seen, now);
    copyAgreed(db, consensusId, queue.agreed, consensusBefore === undefined, now);
    return { ...NO_CHANGE, summaryChanged: true, reviewId };
  });
  const { reviewId, ...edit } = outcome;
  const review = mustGetReview(db, reviewId);
  // Starting writes only the consensus coder's coding: the queue read before still holds.
  keepReviewQueue(db, scopeOf(review), queue);
  return { ...edit, review: reviewState(db, review, queue) };
}

/**
 * Resumes a review, bringing the consensus up to date with the coders' work since it
 * started, as at the start: answers both coders marked done since then are seen by the
 * consensus coder, and every pair the coders now code alike that has neither a decision
 * nor consensus passages is copied (a pair that became agreed when B added what only A
 * had, or one on a newly seen answer). One undoable step; nothing to bring, no step.
 */
function resumeReview(
  db: Db,
  review: ReviewRecord,
  now: string,
): EditOutcome & { review: ReviewState } {
  const scope = scopeOf(review);
  const queue = cachedReviewQueue(db, scope);
  const questionIds = review.questionIds.length === 0 ? undefined : review.questionIds;
  const known = new Set(seenAnswerIds(db, [review.consensusId], questionIds));
  const fresh = queue.seen.filter(([answerId]) => !known.has(answerId));
  const decided = decisionsOf(db, review.id);
  const inConsensus = codedPairs(db, review.consensusId);
  const missing = queue.agreed.filter((pair) => {
    const key = pairKey(pair.answerId, pair.codeId);
    return !decided.has(key) && !inConsensus.has(key);
  });
  if (fresh.length === 0 && missing.length === 0) {
    return { ...NO_CHANGE, review: reviewState(db, review, queue) };
  }
  const names = coderNamesOf(db, [review.coderA, review.coderB]);
  const label = `Bring the review of ${names.get(review.coderA)} and ${names.get(review.coderB)} up to date`;
  const outcome = recordStep(db, label, now, () => {
    markSeen(db, review.consensusId, fresh, now);
    copyAgreed(db, review.consensusId, missing, false, now);
    return { ...NO_CHANGE, summaryChanged: true };
  });
  keepReviewQueue(db, scope, queue);
  return { ...outcome, review: reviewState(db, review, queue) };
}

/** The (answer, code) pairs a coder has passages on, by pairKey. */
function codedPairs(db: Db, coderId: CoderId): Set<string> {
  const codings = readCodings(db, [coderId]);
  const pairs = new Set<string>();
  for (let i = 0; i < codings.length; i++) {
    pairs.add(pairKey(codings.answers[i] as AnswerId, codings.codes[i] as CodeId));
  }
  return pairs;
}

/** Ascending, each once; a question that does not exist is refused. */
export function checkedQuestions(db: Db, ids: readonly QuestionId[] | undefined): QuestionId[] {
  const known = new Set(listQuestions(db).map((q) => q.id));
  const unique = [...new Set(ids ?? [])].sort((x, y) => x - y);
  const missing = unique.find((id) => !known.has(id));
  if (missing !== undefined) {
    throw new CairnError("not_found", `there is no question ${missing} in this project`);
  }
  return unique;
}

/**
 * The consensus coder has seen what both coders have: a whole question when they saw
 * all its answered answers, else each answer (fewer rows on a big project).
 */
function markSeen(
  db: Db,
  consensusId: CoderId,
  seen: readonly (readonly [AnswerId, QuestionId])[],
  now: string,
): void {
  const byQuestion = new Map<QuestionId, AnswerId[]>();
  for (const [answerId, questionId] of seen) {
    const list = byQuestion.get(questionId) ?? [];
    list.push(answerId);
    byQuestion.set(questionId, list);
  }
  const answered = answeredCounts(db);
  for (const [questionId, answerIds] of byQuestion) {
    if (answerIds.length === answered.get(questionId)) {
      addDoneMark(db, consensusId, questionId, null, now);
    } else {
      for (const answerId of answerIds) addDoneMark(db, consensusId, questionId, answerId, now);
    }
  }
}

/**
 * The agreed pairs' passages become the consensus coder's. A consensus coder who has
 * coded before (another review) keeps their segments, merged with these.
 */
function copyAgreed(
  db: Db,
  consensusId: CoderId,
  agreed: readonly AgreedPair[],
  fresh: boolean,
  now: string,
): void {
  for (const pair of agreed) {
    const target = { answerId: pair.answerId, codeId: pair.codeId, coderId: consensusId };
    for (const span of pair.spans) {
      const segment = { ...target, start: span.start, end: span.end, memo: "", createdAt: now };
      if (fresh) insertSegment(db, segment);
      else addSegmentMerging(db, segment);
    }
  }
}
