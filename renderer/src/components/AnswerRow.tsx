/**
 * One row of the grid: who answered (with their attributes) on the left, the answer with
 * its highlights on the right, or a badge for a blank cell or a non-response.
 */
import type { AnswerRow } from "../../../shared/domain.ts";
import { useAnswers } from "../stores/answers.ts";
import type { CodeInfo } from "../stores/project.ts";
import { AnswerText } from "./AnswerText.tsx";

export interface AnswerRowProps {
  readonly row: AnswerRow;
  /** The attribute columns the user chose to show. */
  readonly attributeNames: readonly string[];
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
  /** One question's answers (rows named by respondent) or one respondent's (by question). */
  readonly view: "question" | "respondent";
}

export function AnswerRowView({ row, attributeNames, codeIndex }: AnswerRowProps) {
  return (
    <article className={`answer-row status-${row.status}`} data-respondent={row.respondent}>
      <header className="respondent">
        <strong>{row.respondent}</strong>
        <dl>
          {attributeNames.map((name) =>
            row.attributes[name] ? (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{row.attributes[name]}</dd>
              </div>
            ) : null,
          )}
        </dl>
        <StatusToggle row={row} />
      </header>
      <div className="answer-body">
        {row.status === "answered" ? (
          <>
            {/* Slate reads its value once: a replaced text needs a new editor. */}
            <AnswerText
              key={`${row.answerId}\u0000${row.text}`}
              text={row.text}
              segments={row.segments}
              codeIndex={codeIndex}
            />
            <CodeChips row={row} codeIndex={codeIndex} />
          </>
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
}

/**
 * Flips an answer between "answered" and "non-response" when the import's guess was
 * wrong ("None" meant nothing; "-" was a real answer). Quiet until the row is hovered
 * or the button focused, but always in the tab order. A blank cell has nothing to flip.
 */
function StatusToggle({ row }: { readonly row: AnswerRow }) {
  const setStatus = useAnswers((s) => s.setStatus);
  if (row.status === "empty") return null;
  const next = row.status === "answered" ? "non_response" : "answered";
  return (
    <button
      type="button"
      className="status-toggle"
      onClick={() => void setStatus(row.answerId, next)}
    >
      {next === "non_response" ? "Mark as non-response" : "Mark as answered"}
    </button>
  );
}

/** The codes applied in this answer, each once, in codebook colours. */
function CodeChips({
  row,
  codeIndex,
}: {
  readonly row: AnswerRow;
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
}) {
  const codes = [...new Set(row.segments.map((s) => s.codeId))]
    .map((id) => codeIndex.get(id))
    .filter((code): code is CodeInfo => code !== undefined);
  if (codes.length === 0) return null;
  return (
    <ul className="code-chips" aria-label="Codes in this answer">
      {codes.map((code) => (
        <li key={code.id} title={code.path.join(" > ")}>
          <span className="swatch" style={{ backgroundColor: code.color }} />
          {code.name}
        </li>
      ))}
    </ul>
  );
}
