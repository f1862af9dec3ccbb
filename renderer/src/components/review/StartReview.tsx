/**
 * Before a review of two coders exists: what the review does, the name of the coder it
 * builds, and "Start review". Starting copies what the coders agree on to that coder and
 * records the agreement figures as they are before review (one undoable step).
 */
import { useState, type FormEvent } from "react";
import { DEFAULT_CONSENSUS_NAME } from "../../../../shared/api/agreement-api.ts";
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { useProject } from "../../stores/project.ts";
import { startReview, useReview } from "../../stores/review.ts";
import { BackToReport } from "./BackToReport.tsx";

interface Props {
  readonly coderIds: readonly [CoderId, CoderId];
  /** Empty: every question. */
  readonly questionIds: readonly QuestionId[];
  readonly threshold: number;
}

export function StartReview({ coderIds, questionIds, threshold }: Props) {
  const [consensus, setConsensus] = useState(DEFAULT_CONSENSUS_NAME);
  const [busy, setBusy] = useState(false);
  const coders = useProject((s) => s.summary?.coders);
  const nameOf = (id: CoderId) => coders?.find((c) => c.id === id)?.name ?? `coder ${id}`;
  const [a, b] = [nameOf(coderIds[0]), nameOf(coderIds[1])];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || consensus.trim() === "") return;
    setBusy(true);
    const review = await startReview({
      coderIds: [coderIds[0], coderIds[1]],
      ...(questionIds.length > 0 ? { questionIds: [...questionIds] } : {}),
      threshold,
      consensus: consensus.trim(),
    });
    setBusy(false);
    if (review) useReview.getState().show(review.next);
  };

  return (
    <form className="review-start" onSubmit={(event) => void submit(event)}>
      <h2>
        Review {a} and {b}
      </h2>
      <p>
        The review goes through every answer where {a} and {b} coded a code differently, one at a
        time: you keep {a}&apos;s coding, {b}&apos;s, both, neither, or edit the passages. Your
        decisions build a third coder, the consensus, that the frequencies and exports can use like
        any coder.
      </p>
      <p>
        What the two agree on is copied to the consensus when the review starts, and the agreement
        figures as they are now are recorded as the figures before review. Every decision can be
        undone, and you can stop and come back at any time.
      </p>
      <label className="review-consensus-name">
        Name of the consensus coder
        <input value={consensus} onChange={(event) => setConsensus(event.target.value)} />
      </label>
      <div className="review-actions">
        <button type="submit" className="primary" disabled={busy || consensus.trim() === ""}>
          Start review
        </button>
        <BackToReport />
      </div>
    </form>
  );
}
