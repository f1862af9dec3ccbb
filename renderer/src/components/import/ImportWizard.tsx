/**
 * "Import answers": one dialog whose steps show together, top to bottom (file, columns,
 * non-responses, preview), so each choice is seen next to its effect on the preview.
 * The same dialog then shows the run's progress, its conflicts, and what it did.
 */
import { mappingProblem } from "../../import/draft.ts";
import { parsePaths, useImportWizard, type WizardPhase } from "../../stores/import-wizard.ts";
import { useProject } from "../../stores/project.ts";
import { ColumnsStep } from "./ColumnsStep.tsx";
import { ConflictList } from "./ConflictList.tsx";
import { ImportPreview } from "./ImportPreview.tsx";
import { NonResponsesStep } from "./NonResponsesStep.tsx";
import { ImportCancelled, ImportDone, ImportRunning } from "./RunViews.tsx";
import { SourceStep } from "./SourceStep.tsx";
import { WizardFooter } from "./WizardFooter.tsx";
import "./import-wizard.css";

export function ImportWizard() {
  const open = useImportWizard((s) => s.open);
  const phase = useImportWizard((s) => s.phase);
  const runFrom = useImportWizard((s) => s.runFrom);
  const close = useImportWizard((s) => s.close);
  if (!open) return null;
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onKeyDown={(e) => e.key === "Escape" && close()}
    >
      <section
        className="dialog import-wizard"
        role="dialog"
        aria-modal="true"
        aria-label="Import answers"
      >
        <h2>Import answers</h2>
        {/* While a run goes, the view it started from stays mounted (inert) under the
            progress, so an error returns the user to the same place, scrolled as left. */}
        <div className="wizard-frame">
          <div className="wizard-view" inert={phase === "importing"}>
            <PhaseView phase={phase === "importing" ? runFrom : phase} />
          </div>
          {phase === "importing" && <ImportRunning />}
        </div>
      </section>
    </div>
  );
}

function PhaseView({ phase }: { readonly phase: Exclude<WizardPhase, "importing"> }) {
  switch (phase) {
    case "mapping":
      return <MappingView />;
    case "conflicts":
      return <ConflictList />;
    case "done":
      return <ImportDone />;
    case "cancelled":
      return <ImportCancelled />;
  }
}

function MappingView() {
  const { inspection, draft, source, pathsText, reading, start, close } = useImportWizard();
  const hasRespondents = useProject((s) => (s.summary?.respondents ?? 0) > 0);
  const stale = source !== null && parsePaths(pathsText).join("\n") !== source.paths.join("\n");
  const reason =
    !inspection || !draft
      ? "Read a file first."
      : reading
        ? "Reading the file…"
        : stale
          ? "The path changed: read the file again."
          : mappingProblem(draft, hasRespondents);
  return (
    <>
      <div className="wizard-body">
        <SourceStep />
        {inspection && draft && (
          <>
            <ColumnsStep inspection={inspection} draft={draft} />
            <NonResponsesStep inspection={inspection} draft={draft} />
            <ImportPreview inspection={inspection} draft={draft} />
          </>
        )}
      </div>
      <WizardFooter reason={reason}>
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={reason !== null}
          aria-describedby={reason ? "import-blocked" : undefined}
          onClick={() => void start()}
        >
          Import
        </button>
      </WizardFooter>
    </>
  );
}
