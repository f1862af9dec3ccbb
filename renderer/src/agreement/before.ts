/**
 * The figures before review (issue 7: "the final agreement report records the figures
 * before review"): the sentences that say when they were recorded, by which review, and
 * whether that review covers other questions than the ones chosen now.
 */
import type { AgreementReport, ReviewState } from "../../../shared/api/agreement-api.ts";
import type { QuestionId } from "../../../shared/domain.ts";
import { fractionText } from "../../../shared/tally/percent.ts";
import { namesText, scopeSentence } from "./summary.ts";

/**
 * "1 Dec 2026, 09:00" in the user's own locale and time zone, as the segment popover
 * writes its dates. `locale` and `timeZone` are for tests.
 */
export function localDateText(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(timeZone ? { timeZone } : {}),
  });
}

/**
 * "the review covers Q1 only" when the review's questions are not the ones chosen now
 * (`chosen`: every question in scope, all of the project's when none is picked); null
 * when they are the same.
 */
export function reviewCoverage(
  review: Pick<ReviewState, "questions">,
  chosen: readonly QuestionId[],
): string | null {
  const covered = new Set(review.questions.map((q) => q.id));
  const wanted = new Set(chosen);
  if (covered.size === wanted.size && [...covered].every((id) => wanted.has(id))) return null;
  const labels = review.questions.map((q) => q.label);
  const which = labels.length <= 3 ? namesText(labels) : `${labels.length} questions`;
  const inside = [...covered].every((id) => wanted.has(id));
  return `the review covers ${which}${inside ? " only" : ""}`;
}

/**
 * "Review started 1 Dec 2026, 09:00 into “consensus”: 4 of 6 disagreements decided
 * (the review covers Q1 only)".
 */
export function reviewLine(
  review: Pick<ReviewState, "consensus" | "decided" | "total">,
  started: string,
  coverage: string | null,
): string {
  const noun = review.total === 1 ? "disagreement" : "disagreements";
  const progress = `${review.decided.toLocaleString("en")} of ${review.total.toLocaleString("en")} ${noun} decided`;
  const note = coverage ? ` (${coverage})` : "";
  return `Review started ${started} into “${review.consensus.name}”: ${progress}${note}`;
}

/**
 * "Figures recorded when the review started 1 Dec 2026, 09:00: Aoife and Ben over 3
 * answers both marked done, in Q1; threshold 90%". `allQuestions`: the review covers
 * every question of the project.
 */
export function beforeSentence(
  before: AgreementReport,
  questionTexts: ReadonlyMap<number, string>,
  allQuestions: boolean,
  started: string,
): string {
  const scope = scopeSentence(before, questionTexts, allQuestions);
  return `Figures recorded when the review started ${started}: ${scope}; threshold ${fractionText(before.threshold)}`;
}
