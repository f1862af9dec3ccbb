/**
 * The selected question's answers, one row per respondent: who answered (with their
 * attributes) on the left, the answer with its highlights on the right. Virtualised:
 * only the rows on screen are in the DOM, and pages load as the list scrolls.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { AnswerRow } from "../../../shared/domain.ts";
import { useAnswers } from "../stores/answers.ts";
import { useProject, type CodeInfo } from "../stores/project.ts";
import { AnswerText } from "./AnswerText.tsx";

export function AnswerList() {
  const { rows, total, loading, error, loadMore } = useAnswers();
  const codeIndex = useProject((s) => s.codeIndex);
  const attributes = useProject((s) => s.summary?.attributes ?? []);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => rows[index]?.answerId ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastVisible >= rows.length - 20) void loadMore();
  }, [lastVisible, rows.length, loadMore]);

  if (error) return <p className="notice error">Could not load the answers: {error}</p>;
  if (!loading && total === 0) return <p className="notice">This question has no answers yet.</p>;

  return (
    <div className="answer-scroll" ref={scrollRef} data-testid="answer-list">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="answer-row-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <AnswerRowView row={row} attributeNames={attributes} codeIndex={codeIndex} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function AnswerRowView({
  row,
  attributeNames,
  codeIndex,
}: {
  readonly row: AnswerRow;
  readonly attributeNames: readonly string[];
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
}) {
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
