/**
 * One row of the grid: who answered (with their attributes) and the row's coding tools
 * on the left, the answer with its highlights and margin on the right, or a badge for a
 * blank cell or a non-response. Rows are many and re-render only when their own row,
 * the codebook or the active coder changes.
 */
import { memo } from "react";
import type { AnswerRow, CoderId } from "../../../shared/domain.ts";
import { useCoderId, useCoding } from "../stores/coding.ts";
import type { CodeInfo } from "../stores/project.ts";
import { AnswerText } from "./AnswerText.tsx";
import { RowTools } from "./coding/RowTools.tsx";

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
  const title = view === "respondent" ? row.question : row.respondent;
  return (
    <article
      className={`answer-row status-${row.status}${doneByMe ? " done" : ""}`}
      data-respondent={row.respondent}
      data-answer={row.answerId}
    >
      <header className="respondent">
        <strong>{title}</strong>
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
        <div className="row-actions">
          {/* A blank cell has nothing to code, mark or annotate. */}
          {row.status !== "empty" && (
            <RowTools row={row} coderId={coderId as CoderId | null} label={title} />
          )}
          <StatusToggle row={row} />
        </div>
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
    </article>
  );
});

/**
 * Flips an answer between "answered" and "non-response" when the import's guess was
 * wrong ("None" meant nothing; "-" was a real answer). Quiet until the row is hovered
 * or the button focused, but always in the tab order. A blank cell has nothing to flip.
 * The flip is an edit like any other: undoable, and the question's counts follow.
 */
function StatusToggle({ row }: { readonly row: AnswerRow }) {
  if (row.status === "empty") return null;
  const next = row.status === "answered" ? "non_response" : "answered";
  return (
    <button
      type="button"
      className="status-toggle"
      onClick={() => void useCoding.getState().setStatus(row.answerId, next)}
    >
      {next === "non_response" ? "Mark as non-response" : "Mark as answered"}
    </button>
  );
}
