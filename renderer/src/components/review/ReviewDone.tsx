/** Every disagreement decided: the consensus coder is ready for the frequencies and exports. */
import type { ReviewState } from "../../../../shared/api/agreement-api.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { useView } from "../../stores/view.ts";
import { BackToReport } from "./BackToReport.tsx";

export function ReviewDone({ review }: { review: ReviewState }) {
  const name = review.consensus.name;
  const openFrequencies = () => {
    useFrequencies.getState().setCoder(review.consensus.id);
    useView.getState().show("frequencies");
  };
  const what =
    review.total === 0
      ? "The two coders do not disagree on any answer: there is nothing to decide."
      : review.total === 1
        ? "The one disagreement is decided."
        : `All ${review.total.toLocaleString("en")} disagreements decided.`;
  return (
    <div className="review-done" role="status">
      <p>
        {what} The consensus coder “{name}” can now be chosen in Frequencies and exports.
      </p>
      <div className="review-actions">
        <button type="button" className="primary" onClick={openFrequencies}>
          Open Frequencies for {name}
        </button>
        <BackToReport />
      </div>
    </div>
  );
}
