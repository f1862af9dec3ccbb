/**
 * One question in the Tables mode: its heading, who answered ("14 of 15 answered · 1
 * empty · 0 no answer"), the code table, the bar chart, and the report sentences, each
 * copyable. The overall figures across questions get a section of their own.
 */
import { useMemo, useState } from "react";
import type { QuestionTally, Tally, TallyCode } from "../../../../shared/api/tally-api.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import { reportParagraph } from "../../../../shared/tally/report-sentences.ts";
import { toTsv } from "../../tally/tsv.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { CodeBarChart } from "../charts/TallyCharts.tsx";
import { questionName } from "../common/QuestionSelect.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { scopeSubtitle, tallyTable } from "./frequency-tables.ts";
import { questionSectionId } from "./QuestionsOverview.tsx";
import { TallyTable } from "./TallyTable.tsx";

interface Props {
  readonly tally: Tally;
  readonly question: QuestionTally;
}

export function QuestionSection({ tally, question }: Props) {
  const measure = useFrequencies((s) => s.measure);
  const setMeasure = useFrequencies((s) => s.setMeasure);
  const [parentId, setParentId] = useState<CodeId | null>(null);
  const categories = useMemo(() => listedCategories(question.codes), [question.codes]);
  // A category chosen earlier may no longer be listed (its codes removed).
  const level = categories.some((c) => c.codeId === parentId) ? parentId : null;
  const shown = useMemo(
    () => question.codes.filter((code) => code.parentId === level).map((c) => c.codeId),
    [question.codes, level],
  );
  const paragraph = reportParagraph({
    question,
    respondents: tally.respondents,
    coder: tally.coder,
    filter: tally.filter,
    parentId: level,
  });
  const headingId = questionSectionId(question);

  return (
    <section className="frequency-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="frequency-heading" tabIndex={-1}>
        {questionName(question.label, question.text)}
      </h3>
      <p className="frequency-status" data-testid="answered-line">
        {statusLine(question, tally.respondents)}
      </p>
      {question.codes.length === 0 ? (
        <p className="notice">
          No answer to this question is coded
          {tally.coder === null ? "" : ` by ${tally.coder}`} yet.
        </p>
      ) : (
        <>
          <TallyTable
            codes={question.codes}
            answered={question.answered}
            questionId={question.questionId}
            counted={tally}
            label={`Frequencies for ${question.label}`}
          />
          <div className="frequency-actions">
            <CopyButton
              label="Copy table"
              ariaLabel={`Copy table for ${question.label}`}
              text={() => toTsv(tallyTable(question.codes, question.answered))}
            />
            <label className="retrieval-field">
              <span className="grid-label">Codes</span>
              <select
                aria-label={`Codes shown for ${question.label}`}
                value={level ?? ""}
                onChange={(e) =>
                  setParentId(e.target.value === "" ? null : (Number(e.target.value) as CodeId))
                }
              >
                <option value="">Top level</option>
                {categories.map((c) => (
                  <option key={c.codeId} value={c.codeId}>
                    Within {c.path.join(" › ")}
                  </option>
                ))}
              </select>
            </label>
            <MeasureSwitch value={measure} onChange={setMeasure} />
          </div>
          <div className="frequency-chart">
            <CodeBarChart
              question={question}
              codeIds={shown}
              measure={measure}
              title={question.label}
              subtitle={scopeSubtitle(tally.coder, tally.filter)}
            />
          </div>
        </>
      )}
      <div
        className="report-sentences"
        role="group"
        aria-label={`Report sentences for ${question.label}`}
      >
        <div className="report-sentences-head">
          <span className="grid-label">Report sentences</span>
          <CopyButton
            label="Copy"
            ariaLabel={`Copy the report sentences for ${question.label}`}
            text={() => paragraph}
          />
        </div>
        <p className="report-paragraph">{paragraph}</p>
      </div>
    </section>
  );
}

/** "14 of 15 answered · 1 empty · 0 no answer" (and those with no answer row at all). */
export function statusLine(question: QuestionTally, respondents: number): string {
  const parts = [
    `${question.answered} of ${respondents} answered`,
    `${question.empty} empty`,
    `${question.nonResponse} no answer`,
  ];
  if (question.missing > 0) parts.push(`${question.missing} not asked`);
  return parts.join(" · ");
}

/** Listed nodes that have listed children: the levels a chart can show. */
function listedCategories(codes: readonly TallyCode[]): readonly TallyCode[] {
  const parents = new Set(codes.map((code) => code.parentId));
  return codes.filter((code) => parents.has(code.codeId));
}

export function MeasureSwitch({
  value,
  onChange,
}: {
  readonly value: "count" | "percent";
  onChange(value: "count" | "percent"): void;
}) {
  return (
    <div className="segmented" role="group" aria-label="Chart measure">
      {(["count", "percent"] as const).map((measure) => (
        <button
          key={measure}
          type="button"
          aria-pressed={value === measure}
          onClick={() => onChange(measure)}
        >
          {measure === "count" ? "Counts" : "Percent"}
        </button>
      ))}
    </div>
  );
}

/** Across the questions in scope, each respondent once: who mentions a code anywhere. */
export function OverallSection({ tally }: { readonly tally: Tally }) {
  const { overall } = tally;
  return (
    <section className="frequency-section overall" aria-labelledby="frequencies-overall">
      <h3 id="frequencies-overall" className="frequency-heading">
        All questions
      </h3>
      <p className="frequency-status" data-testid="overall-line">
        {overall.answered} of {tally.respondents} answered at least one question · a respondent who
        mentions a code in several answers counts once
      </p>
      {overall.codes.length === 0 ? (
        <p className="notice">No answer is coded yet.</p>
      ) : (
        <>
          <TallyTable
            codes={overall.codes}
            answered={overall.answered}
            counted={tally}
            label="Frequencies across all questions"
          />
          <div className="frequency-actions">
            <CopyButton
              label="Copy table"
              ariaLabel="Copy table for all questions"
              text={() => toTsv(tallyTable(overall.codes, overall.answered))}
            />
          </div>
        </>
      )}
    </section>
  );
}
