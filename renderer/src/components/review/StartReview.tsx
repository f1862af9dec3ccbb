/**
 * Before a review of two coders exists: what the review does, how many disagreements it
 * will have (read again after every edit), the name of the coder it builds, and "Start
 * review". Starting copies what the coders agree on to that coder and
 * records the agreement figures as they are before review (one undoable step).
 */
import { useState, type FormEvent } from "react";
import {
  DEFAULT_CONSENSUS_NAME,
  type ReviewPreview,
} from "../../../../shared/api/agreement-api.ts";
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { count } from "../../format.ts";
import { useLive } from "../../stores/live.ts";
import { useProject } from "../../stores/project.ts";
import {
  previewKey,
  readPreview,
  startReview,
  useReview,
  type PreviewInput,
} from "../../stores/review.ts";
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
  const scope: PreviewInput = {
    coderIds: [coderIds[0], coderIds[1]],
    ...(questionIds.length > 0 ? { questionIds: [...questionIds] } : {}),
    threshold,
  };
  const preview = useLive(previewKey(scope), readPreview);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || consensus.trim() === "") return;
    setBusy(true);
    const review = await startReview({ ...scope, consensus: consensus.trim() });
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
      <p className="review-preview" aria-live="polite">
        {preview.error ??
          (preview.value &&
            previewSentence(preview.value, a, b, consensus.trim() || DEFAULT_CONSENSUS_NAME))}
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

/** What the review will have, in one or two sentences; guidance when there is nothing. */
function previewSentence(preview: ReviewPreview, a: string, b: string, consensus: string): string {
  if (preview.answers === 0) {
    return (
      `${a} and ${b} have not both seen any answer yet: the review compares the answers both ` +
      "have marked done. Each coder marks a question done (or single answers) when they have coded it."
    );
  }
  const seen = `${a} and ${b} have both seen ${count(preview.answers, "answer")}`;
  if (preview.disagreements === 0) {
    return `${seen}. They agree on everything: starting copies it to the consensus.`;
  }
  const settle = `${count(preview.disagreements, "disagreement")} to settle`;
  if (preview.agreed === 0) return `${seen}: ${settle}; they agree on no coding yet.`;
  const agreed = count(preview.agreed, "coding");
  return `${seen}: ${settle}, and ${agreed} they agree on will be copied to “${consensus}”.`;
}
