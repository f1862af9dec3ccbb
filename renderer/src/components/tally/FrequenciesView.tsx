/**
 * The frequencies for the report: for the chosen question (or all), coder and
 * respondents, the Tables (code figures, bar chart, report sentences, each copyable), the
 * Crosstab by an attribute, or the Response rate against population sizes. Every figure
 * follows the coding live: the reads are repeated after each edit.
 */
import type { Tally } from "../../../../shared/api/tally-api.ts";
import { NOTHING_OF_YOURS, useBlindWithoutCoder } from "../../stores/coding.ts";
import { useFrequencies, useFrequencyScope } from "../../stores/frequencies.ts";
import { useTally } from "../../stores/tally.ts";
import { CrosstabMode } from "./CrosstabMode.tsx";
import { FrequenciesToolbar } from "./FrequenciesToolbar.tsx";
import { OverallSection, QuestionSection } from "./QuestionSection.tsx";
import { QuestionsOverview } from "./QuestionsOverview.tsx";
import { ResponseRateMode } from "./ResponseRateMode.tsx";
import { useCrosstab } from "./useCrosstab.ts";
import "../passages/passages.css";
import "./frequencies.css";
import "./frequency-modes.css";

export function FrequenciesView() {
  const mode = useFrequencies((s) => s.mode);
  const scope = useFrequencyScope();
  // Blind mode before the coder's first passage: nothing of theirs to count.
  const nothingOfYours = useBlindWithoutCoder();
  const coded = nothingOfYours ? null : scope;
  const tables = useTally(mode === "tables" ? coded : null);
  const crosstab = useCrosstab(mode === "crosstab" ? coded : null);
  const filtered =
    mode === "tables"
      ? (tables.tally?.respondents ?? null)
      : (crosstab.value?.columns.reduce((sum, c) => sum + c.respondents, 0) ?? null);

  return (
    <section className="frequencies-view" aria-label="Frequencies">
      <FrequenciesToolbar filtered={filtered} />
      <div className="frequencies-scroll">
        {mode !== "rate" && nothingOfYours && <p className="notice">{NOTHING_OF_YOURS}</p>}
        {mode === "tables" && !nothingOfYours && (
          <TablesMode tally={tables.tally} error={tables.error} />
        )}
        {mode === "crosstab" && !nothingOfYours && <CrosstabMode crosstab={crosstab} />}
        {mode === "rate" && <ResponseRateMode questionId={scope.questionId} />}
      </div>
    </section>
  );
}

function TablesMode({
  tally,
  error,
}: {
  readonly tally: Tally | null;
  readonly error: string | null;
}) {
  if (error) return <p className="notice error">Could not count the frequencies: {error}</p>;
  if (!tally) return <p className="notice">Counting…</p>;
  if (tally.questions.length === 0) {
    return (
      <p className="notice">
        This project has no answers to count yet: import the survey&rsquo;s answers first (File ›
        Import answers…).
      </p>
    );
  }
  if (tally.respondents === 0) {
    return <p className="notice">No respondent matches the filter: clear it to see the figures.</p>;
  }
  const several = tally.questions.length > 1;
  return (
    <>
      {several && <QuestionsOverview tally={tally} />}
      {several && <OverallSection tally={tally} />}
      {tally.questions.map((question) => (
        <QuestionSection key={question.questionId} tally={tally} question={question} />
      ))}
    </>
  );
}
