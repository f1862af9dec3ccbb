/**
 * File › Import REFI-QDA project…: a .qdpx written by NVivo, ATLAS.ti, MAXQDA, QualCoder
 * (or Cairn) becomes a new project, beside the file by default; the project open now is
 * left as it is. The report says what came in, how the passages' positions were read, and
 * what was read leniently. A .qdc (a codebook alone) goes into the open project instead.
 */
import { useState } from "react";
import { fileNameOf, withProjectExtension } from "../../../../shared/project-files.ts";
import { isRefiCodebook, projectPathForRefi } from "../../export/export-paths.ts";
import { refiImportHeadline, refiPositionsLine } from "../../export/export-text.ts";
import { useCodebook } from "../../stores/codebook.ts";
import { useExport } from "../../stores/export.ts";
import { useProject } from "../../stores/project.ts";
import { DialogActions, DialogShell } from "../codebook/DialogShell.tsx";
import { WarningList } from "./WarningList.tsx";
import "./export.css";

export function RefiImportDialog() {
  const { phase, error, importRefi, close } = useExport();
  const projectOpen = useProject((s) => s.summary !== null);
  const [source, setSource] = useState("");
  const [target, setTarget] = useState<string | null>(null);
  // A .qdc read with warnings: they stay on screen until Close.
  const [codebookWarnings, setCodebookWarnings] = useState<readonly string[] | null>(null);
  const [readingCodebook, setReadingCodebook] = useState(false);
  const project = target ?? projectPathForRefi(source);
  const codebook = isRefiCodebook(source);
  const ready = source.trim() !== "" && (codebook ? projectOpen : project.trim() !== "");

  const submit = () => {
    if (!ready || phase !== "choosing" || readingCodebook || codebookWarnings) return;
    if (codebook) {
      // Into the open project, as Codebook › Import codebook… does (one step of Undo).
      setReadingCodebook(true);
      void useCodebook
        .getState()
        .importCodebook(source.trim())
        .then((report) => {
          setReadingCodebook(false);
          if (report?.warnings?.length) setCodebookWarnings(report.warnings);
          else if (report) close();
        });
      return;
    }
    void importRefi(source.trim(), withProjectExtension(project.trim()));
  };

  const body = () => {
    if (codebookWarnings) return <CodebookImported warnings={codebookWarnings} />;
    switch (phase) {
      case "running":
        return (
          <>
            <div className="export-progress indeterminate" aria-hidden="true">
              <div className="export-progress-fill" />
            </div>
            <p className="export-progress-text" role="status">
              Reading {fileNameOf(source.trim())}…
            </p>
          </>
        );
      case "done":
        return <RefiImportDone />;
      case "cancelled":
      case "choosing":
        return (
          <>
            <p className="dialog-hint">
              A .qdpx file from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a new Cairn project:
              its respondents (cases), answers (text sources), codes, coders and coded passages. It
              opens once read; the project open now is left as it is.
            </p>
            <label className="export-field">
              The REFI-QDA file (.qdpx, or a .qdc codebook), a path on this computer
              <input
                autoFocus
                value={source}
                spellCheck={false}
                placeholder="/home/me/surveys/from-nvivo.qdpx"
                onChange={(event) => setSource(event.target.value)}
              />
            </label>
            {codebook ? (
              <p className="dialog-hint">
                {projectOpen
                  ? "A .qdc file is a codebook alone: its codes go into the open project, as one step of Undo."
                  : "A .qdc file is a codebook alone: open a project to import it into."}
              </p>
            ) : (
              <label className="export-field">
                The new project
                <input
                  value={project}
                  spellCheck={false}
                  onChange={(event) => setTarget(event.target.value)}
                />
              </label>
            )}
            {error && (
              <p className="export-error" role="alert">
                {error}
              </p>
            )}
            <DialogActions
              action={codebook ? "Import codebook" : "Import"}
              disabled={!ready || readingCodebook}
              onCancel={close}
            />
          </>
        );
    }
  };

  return (
    <DialogShell
      title="Import a REFI-QDA project"
      className="export-dialog"
      onSubmit={submit}
      onCancel={close}
    >
      {body()}
    </DialogShell>
  );
}

function RefiImportDone() {
  const report = useExport((s) => s.refiReport);
  if (!report) return null;
  const positions = refiPositionsLine(report);
  return (
    <>
      <div className="export-outcome" role="status">
        <p className="export-saved">{refiImportHeadline(report)}</p>
        {positions && <p className="export-positions">{positions}</p>}
        <WarningList warnings={report.warnings} />
      </div>
      <CloseAction />
    </>
  );
}

/** A .qdc went into the open project (the codebook panel has the counts): its warnings. */
function CodebookImported({ warnings }: { readonly warnings: readonly string[] }) {
  return (
    <>
      <div className="export-outcome" role="status">
        <p className="export-saved">The codebook went into the open project.</p>
        <WarningList warnings={warnings} />
      </div>
      <CloseAction />
    </>
  );
}

function CloseAction() {
  const close = useExport((s) => s.close);
  return (
    <div className="dialog-actions">
      <button type="button" className="primary" autoFocus onClick={close}>
        Close
      </button>
    </div>
  );
}
