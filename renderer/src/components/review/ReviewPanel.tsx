/**
 * The review queue (the Agreement tab's "Review queue"): the two coders chosen in the
 * report, their review if one exists (else a short explanation and "Start review"),
 * then one disagreement at a time, decided into the consensus coder. The queue and its
 * decisions live in the core, so the panel resumes at the first undecided item.
 */
import { useEffect } from "react";
import type { CoderId } from "../../../../shared/domain.ts";
import { useAgreementChoice } from "../../stores/agreement.ts";
import { useCoding } from "../../stores/coding.ts";
import { useLive } from "../../stores/live.ts";
import { readReviewState, stateKey, useReview } from "../../stores/review.ts";
import { BackToReport } from "./BackToReport.tsx";
import { BlindNotice } from "./BlindNotice.tsx";
import { ReviewQueue } from "./ReviewQueue.tsx";
import { StartReview } from "./StartReview.tsx";
import "./review.css";

export function ReviewPanel() {
  const blind = useCoding((s) => s.blind);
  // The coders, questions and threshold chosen in the report (at first, the first two).
  const { coderIds, questionIds, threshold } = useAgreementChoice();
  const pair = coderIds.length === 2 ? ([coderIds[0], coderIds[1]] as [CoderId, CoderId]) : null;
  const live = useLive(blind || !pair ? null : stateKey(pair), readReviewState);

  // Opening the queue again shows the first undecided item.
  useEffect(() => useReview.getState().show(null), []);

  if (blind) return <BlindNotice />;
  if (!pair) {
    return (
      <div className="review-panel review-message">
        <p>
          {coderIds.length < 2
            ? "The review needs two coders: once a second coder's work is in the project, their disagreements can be settled here."
            : "The review settles the disagreements of two coders: choose two in the report."}
        </p>
        <BackToReport />
      </div>
    );
  }
  if (live.error) return <p className="review-panel review-message error">{live.error}</p>;
  if (live.value === null)
    return <p className="review-panel review-message">Reading the review…</p>;
  const { review } = live.value;
  return (
    <div className="review-panel">
      {review === null ? (
        <StartReview coderIds={pair} questionIds={questionIds} threshold={threshold} />
      ) : (
        <ReviewQueue review={review} />
      )}
    </div>
  );
}
