/**
 * Now or before review: when the two chosen coders have a review, the report can show
 * the figures recorded when it started (ReviewState.before) instead of the figures of
 * the coding as it is now. The review is read live, so starting it, a decision or an
 * undo shows at once.
 */
import { useMemo } from "react";
import type { ReviewState } from "../../../../shared/api/agreement-api.ts";
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { localDateText, reviewCoverage, reviewLine } from "../../agreement/before.ts";
import { useAgreement, useAgreementChoice, type AgreementMoment } from "../../stores/agreement.ts";
import { useLive } from "../../stores/live.ts";
import { useProject } from "../../stores/project.ts";
import { readReviewState, stateKey } from "../../stores/review.ts";
import { Tabs } from "../common/Tabs.tsx";

const NONE: never[] = [];

const MOMENTS: readonly { readonly id: AgreementMoment; readonly label: string }[] = [
  { id: "now", label: "Now" },
  { id: "before", label: "Before review" },
];

export interface ChosenReview {
  readonly review: ReviewState;
  /** "1 Dec 2026, 09:00", local. */
  readonly started: string;
  /** "the review covers Q1 only", or null when it covers the chosen questions. */
  readonly coverage: string | null;
  /** The review covers every question of the project. */
  readonly allQuestions: boolean;
  /** What the report shows: "before" only while there is a review to show. */
  readonly moment: AgreementMoment;
}

/** The latest review of exactly the two chosen coders (either order), or null. */
export function useChosenReview(): ChosenReview | null {
  const choice = useAgreementChoice();
  const moment = useAgreement((s) => s.moment);
  const questions = useProject((s) => s.summary?.questions ?? NONE);
  const [a, b] = choice.coderIds;
  const key =
    choice.coderIds.length === 2 && a !== undefined && b !== undefined
      ? stateKey([a, b] as [CoderId, CoderId])
      : null;
  const review = useLive(key, readReviewState).value?.review ?? null;

  return useMemo(() => {
    if (review === null) return null;
    const inScope: readonly QuestionId[] = choice.questionIds.length
      ? choice.questionIds
      : questions.map((q) => q.id);
    const all = questions.map((q) => q.id);
    return {
      review,
      started: localDateText(review.startedAt),
      coverage: reviewCoverage(review, inScope),
      allQuestions: reviewCoverage(review, all) === null,
      moment,
    };
  }, [review, choice.questionIds, questions, moment]);
}

/** "Now | Before review" and when the review started, how far it is. */
export function ReviewMomentBar({ chosen }: { readonly chosen: ChosenReview }) {
  const setMoment = useAgreement((s) => s.setMoment);
  return (
    <div className="agreement-moment">
      <Tabs
        tabs={MOMENTS}
        selected={chosen.moment}
        onSelect={setMoment}
        label="Figures shown"
        className="mode-tabs agreement-tabs agreement-moment-tabs"
      />
      <span className="agreement-moment-line" data-testid="agreement-review-line">
        {reviewLine(chosen.review, chosen.started, chosen.coverage)}
      </span>
    </div>
  );
}
