/**
 * One disagreement: where it is (respondent, question, code), the answer twice side by
 * side with each coder's passages marked, the consensus once decided, and the decision
 * keys (A, B, H both, N neither, E edit) with a comment saved alongside.
 */
import { useState } from "react";
import type {
  ReviewDecision,
  ReviewItem,
  ReviewState,
} from "../../../../shared/api/agreement-api.ts";
import { useProject } from "../../stores/project.ts";
import { useReview } from "../../stores/review.ts";
import { ConsensusEditor } from "./ConsensusEditor.tsx";
import { MarkedText } from "./MarkedText.tsx";
import {
  consensusInWords,
  decisionInWords,
  mergeSpans,
  usageInWords,
  type Span,
} from "./review-text.ts";
import { useReviewKeys } from "./useReviewKeys.ts";

interface Props {
  readonly review: ReviewState;
  readonly item: ReviewItem;
  decide(decision: ReviewDecision, comment: string, passages?: readonly Span[]): void;
}

const FALLBACK_COLOR = "#2d6a73";

/** The decision buttons, in key order; the one taken shows pressed. */
const DECISIONS: readonly [ReviewDecision, string, (a: string, b: string) => string][] = [
  ["a", "A", (a) => `Keep ${a}'s`],
  ["b", "B", (_a, b) => `Keep ${b}'s`],
  ["both", "H", () => "Keep both"],
  ["neither", "N", () => "Keep neither"],
  ["edit", "E", () => "Edit…"],
];

export function ReviewItemCard({ review, item, decide }: Props) {
  const [comment, setComment] = useState(item.comment);
  const editing = useReview((s) => s.editing);
  const setEditing = useReview((s) => s.setEditing);
  const color = useProject((s) => s.codeIndex.get(item.codeId)?.color) ?? FALLBACK_COLOR;
  const [a, b] = review.coders;
  const length = item.text.length;

  const choose = (decision: ReviewDecision) => {
    if (decision === "edit") setEditing(true);
    else decide(decision, comment);
  };
  useReviewKeys(editing ? null : choose);

  const saveComment = () => {
    if (item.decision === null || comment === item.comment) return;
    decide(item.decision, comment, item.decision === "edit" ? item.consensus : undefined);
  };

  return (
    <article className="review-item" aria-label="Disagreement">
      <header className="review-where">
        <span>
          <span className="review-label">Respondent</span> {item.respondent}
        </span>
        <span>
          <span className="review-label">Question</span> {item.question}
        </span>
        <span className="review-code">
          <span className="review-swatch" style={{ backgroundColor: color }} aria-hidden />
          {item.path.join(" > ")}
        </span>
      </header>
      <p className="review-kind">
        {item.kind === "answer"
          ? `Only ${item.a.length > 0 ? a.name : b.name} used this code on this answer.`
          : "Both used this code on this answer, on different passages."}
      </p>
      <div className="review-sides">
        <Side name={a.name} spans={item.a} text={item.text} color={color} />
        <Side name={b.name} spans={item.b} text={item.text} color={color} />
      </div>

      <section className="review-consensus" aria-label="Consensus">
        <h3>{review.consensus.name}</h3>
        {editing ? (
          <ConsensusEditor
            text={item.text}
            initial={item.decision !== null ? item.consensus : mergeSpans([...item.a, ...item.b])}
            color={color}
            onCancel={() => setEditing(false)}
            onSave={(passages) => {
              setEditing(false);
              decide("edit", comment, passages);
            }}
          />
        ) : item.decision === null ? (
          <p className="review-none">Not decided yet.</p>
        ) : (
          <>
            <p className="review-decided">
              {decisionInWords(item.decision, a.name, b.name)}:{" "}
              {consensusInWords(length, item.consensus)}
            </p>
            {item.consensus.length > 0 && (
              <MarkedText
                text={item.text}
                spans={item.consensus}
                color={color}
                label={`${review.consensus.name}'s passages`}
              />
            )}
          </>
        )}
      </section>

      {!editing && (
        <div className="review-decisions" role="group" aria-label="Decide">
          {DECISIONS.map(([decision, keyHint, label]) => (
            <button
              key={decision}
              type="button"
              aria-keyshortcuts={keyHint}
              aria-pressed={item.decision === decision}
              onClick={() => choose(decision)}
            >
              <kbd>{keyHint}</kbd> {label(a.name, b.name)}
            </button>
          ))}
        </div>
      )}
      <label className="review-comment">
        Comment (saved with the decision)
        <textarea
          rows={2}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          onBlur={saveComment}
        />
      </label>
    </article>
  );
}

function Side(props: { name: string; spans: ReviewItem["a"]; text: string; color: string }) {
  const { name, spans, text, color } = props;
  return (
    <section className="review-side" aria-label={name}>
      <h3>
        {name} <span className="review-usage">{usageInWords(text.length, spans)}</span>
      </h3>
      <MarkedText text={text} spans={spans} color={color} label={`${name}'s passages`} />
    </section>
  );
}
