/**
 * Which codes go together: for one question or all, a code x code table of the
 * respondents whose answers carry both codes. The diagonal counts the respondents with
 * the code; a click on a cell lists the passages behind it.
 */
import { useEffect, useMemo } from "react";
import { cooccurrenceRows, largestPair } from "../../retrieval/cooccurrence.ts";
import { NOTHING_OF_YOURS, useBlindWithoutCoder, useCoding } from "../../stores/coding.ts";
import { useCooccurrence } from "../../stores/cooccurrence.ts";
import { useProject } from "../../stores/project.ts";
import { CooccurrenceTableView } from "./CooccurrenceTable.tsx";
import { CoderSelect, QuestionField } from "./Selects.tsx";
import "./passages.css";

export function CooccurrenceView() {
  const questionId = useCooccurrence((s) => s.questionId);
  const coder = useCooccurrence((s) => s.coder);
  const table = useCooccurrence((s) => s.table);
  const loading = useCooccurrence((s) => s.loading);
  const error = useCooccurrence((s) => s.error);
  const { load, setQuestion, setCoder } = useCooccurrence.getState();
  const summary = useProject((s) => s.summary);
  const codes = useProject((s) => s.codes);
  const coderName = useCoding((s) => s.coder);
  const coderView = useCoding((s) => s.view);
  const nothingOfYours = useBlindWithoutCoder();

  useEffect(() => {
    void load();
  }, [load, questionId, coder, summary, codes, coderName, coderView, nothingOfYours]);

  const rows = useMemo(() => (table ? cooccurrenceRows(table) : []), [table]);
  const largest = useMemo(() => (table ? largestPair(table) : 0), [table]);
  const question = summary?.questions.find((q) => q.id === questionId);

  return (
    <section className="cooccurrence-view" aria-label="Co-occurrence">
      <div className="grid-toolbar retrieval-toolbar">
        <div className="grid-controls">
          <QuestionField value={questionId} onChange={setQuestion} />
          <CoderSelect value={coder} onChange={setCoder} />
          {loading && <span className="filter-hint">Counting…</span>}
        </div>
        <p className="cooccurrence-explain">
          Each cell counts the respondents whose{" "}
          {question ? `answer to ${question.label} carries` : "answers carry"} both codes; the
          diagonal, those with the code. A category counts its codes below. Click a cell for its
          passages.
        </p>
      </div>
      {error && <p className="notice error">{error}</p>}
      {nothingOfYours && <p className="notice">{NOTHING_OF_YOURS}</p>}
      {table && rows.length === 0 && (
        <p className="notice">The codebook is empty: create codes and code answers first.</p>
      )}
      {rows.length > 0 && <CooccurrenceTableView rows={rows} largest={largest} />}
    </section>
  );
}
