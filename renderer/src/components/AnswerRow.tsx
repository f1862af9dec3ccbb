/**
 * One row of the grid: who answered (with their attributes and the row's state: done,
 * memos) on the left, the answer with its highlights and margin on the right, or a badge
 * for a blank cell or a non-response. The row's tools float over its top border, so a
 * one-line answer makes a one-line row. Rows are many and re-render only when their own
 * row, the codebook, the active coder or the active answer changes.
 */
import { memo } from "react";
import type { AnswerRow, CoderId } from "../../../shared/domain.ts";
import { useCoderId, useCoding } from "../stores/coding.ts";
import type { CodeInfo } from "../stores/project.ts";
import { AnswerText } from "./AnswerText.tsx";
import { RowBadges, RowTools } from "./coding/RowTools.tsx";

export interface AnswerRowProps {
  readonly row: AnswerRow;
  /** The attribute columns the user chose to show. */
  readonly attributeNames: readonly string[];
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
  /** One question's answers (rows named by respondent) or one respondent's (by question). */
  readonly view: "question" | "respondent";
}

export const AnswerRowView = memo(function AnswerRowView({
  row,
  attributeNames,
  codeIndex,
  view,
}: AnswerRowProps) {
  const coderId = useCoderId();
  const doneByMe = coderId !== null && row.doneBy.includes(coderId);
  const active = useCoding((s) => s.activeAnswerId === row.answerId);
  const title = view === "respondent" ? row.question : row.respondent;
  return (
    <article
      className={`answer-row status-${row.status}${doneByMe ? " done" : ""}${active ? " active" : ""}`}
      data-respondent={row.respondent}
      data-answer={row.answerId}
    >
      <header className="respondent">
        <div className="respondent-title">
          <strong>{title}</strong>
          <RowBadges row={row} doneByMe={doneByMe} />
        </div>
        <dl>
          {view === "respondent" && (
            <div>
              <dt>Respondent</dt>
              <dd>{row.respondent}</dd>
            </div>
          )}
          {attributeNames.map((name) =>
            row.attributes[name] ? (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{row.attributes[name]}</dd>
              </div>
            ) : null,
          )}
        </dl>
      </header>
      <div className="answer-body">
        {row.status === "answered" ? (
          // Slate reads its value once: a replaced text needs a new editor.
          <AnswerText
            key={`${row.answerId}\u0000${row.text}`}
            answerId={row.answerId}
            text={row.text}
            segments={row.segments}
            codeIndex={codeIndex}
            label={`Answer of ${title}`}
          />
        ) : (
          <p className="no-answer">
            <span className={`badge badge-${row.status}`}>
              {row.status === "empty" ? "No answer" : "Non-response"}
            </span>
            {row.status === "non_response" ? <q>{row.text.trim()}</q> : <span>blank cell</span>}
          </p>
        )}
      </div>
      {/* A blank cell has nothing to code, mark, annotate or flip. */}
      {row.status !== "empty" && (
        <div className="row-actions">
          <RowTools row={row} coderId={coderId as CoderId | null} label={title} />
          <StatusToggle row={row} />
        </div>
      )}
    </article>
  );
});

/**
 * Flips an answer between "answered" and "non-response" when the import's guess was
 * wrong ("None" meant nothing; "-" was a real answer). One of the row's floating tools:
 * shown with them, always in the tab order.
 * The flip is an edit like any other: undoable, and the question's counts follow.
 */
function StatusToggle({ row }: { readonly row: AnswerRow }) {
  const next = row.status === "answered" ? "non_response" : "answered";
  const name = next === "non_response" ? "Mark as non-response" : "Mark as answered";
  return (
    <button
      type="button"
      className="status-toggle"
      aria-label={name}
      title={name}
      onClick={() => void useCoding.getState().setStatus(row.answerId, next)}
    >
      {next === "non_response" ? (
        <>
          <span className="label-long">Mark as non-response</span>
          <span className="label-short">Non-response</span>
        </>
      ) : (
        name
      )}
    </button>
  );
}
