/** The wizard while an import runs, after it was cancelled, and when it is done. */
import type { ImportReport } from "../../../../shared/import/mapping.ts";
import { questionColumns } from "../../import/draft.ts";
import { count, summariseReport } from "../../import/describe.ts";
import { useImportWizard } from "../../stores/import-wizard.ts";
import { useProject } from "../../stores/project.ts";
import { WizardFooter } from "./WizardFooter.tsx";

/** Over the view the run started from: progress, and the way to stop it. */
export function ImportRunning() {
  const { progress, inspection, cancelImport } = useImportWizard();
  const rows = progress?.rows ?? 0;
  const percent =
    progress && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : 0;
  return (
    <div className="import-running">
      <div className="import-running-panel">
        <p>Importing {inspection?.name ?? "the file"}…</p>
        <div
          className="progress"
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%, ${count(rows, "row")}`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <div className="import-running-actions">
          <span className="progress-rows">{count(rows, "row")}</span>
          <button type="button" onClick={() => void cancelImport()}>
            Cancel import
          </button>
        </div>
      </div>
    </div>
  );
}

export function ImportCancelled() {
  const { backToMapping, close } = useImportWizard();
  return (
    <>
      <div className="wizard-body">
        <p className="import-outcome">Import cancelled: the project is unchanged.</p>
      </div>
      <WizardFooter>
        <button type="button" onClick={backToMapping}>
          Back to the columns
        </button>
        <button type="button" className="primary" onClick={close}>
          Close
        </button>
      </WizardFooter>
    </>
  );
}

export function ImportDone() {
  const { report, draft, close } = useImportWizard();
  const summary = useProject((s) => s.summary);
  const selectQuestion = useProject((s) => s.selectQuestion);
  if (!report) return null;
  // Show what was just imported: the first of its questions, once the project has it.
  const finish = () => {
    const label = draft ? questionColumns(draft)[0]?.label.trim() : undefined;
    const question = summary?.questions.find((q) => q.label === label);
    if (question) selectQuestion(question.id);
    close();
  };
  return (
    <>
      <div className="wizard-body">
        <p className="import-outcome" role="status">
          {summariseReport(report)}
        </p>
        <ReportFigures report={report} />
        {report.warnings.length > 0 && (
          <>
            <h3>Warnings</h3>
            <ul className="wizard-warnings" aria-label="Warnings">
              {report.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <WizardFooter>
        <button type="button" className="primary" autoFocus onClick={finish}>
          Close
        </button>
      </WizardFooter>
    </>
  );
}

/** Every figure of the report, for whoever checks the numbers against the file. */
function ReportFigures({ report }: { readonly report: ImportReport }) {
  const figures: [string, number][] = [
    ["New respondents", report.respondents_added],
    ["Matched respondents", report.respondents_matched],
    ["New questions", report.questions_added],
    ["Answers added", report.answers_added],
    ["Non-responses", report.non_responses],
    ["Answers replaced", report.answers_replaced],
    ["Answers unchanged", report.answers_unchanged],
    ["Codes created", report.codes_created],
    ["Coded passages added", report.segments_added],
    ["Coded passages dropped", report.segments_removed],
  ];
  return (
    <dl className="report-figures">
      {figures.map(([name, value]) => (
        <div key={name} className={value === 0 ? "zero" : undefined}>
          <dt>{name}</dt>
          <dd>{value.toLocaleString("en")}</dd>
        </div>
      ))}
    </dl>
  );
}
