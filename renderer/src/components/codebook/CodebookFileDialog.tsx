/**
 * Import or export the codebook as a CSV or XLSX file (columns: path with ">" between
 * levels, color, description, when to use, when not to use, example), so a team can
 * share one codebook before coding; a REFI-QDA codebook (.qdc) imports too, and what its
 * lenient read bent stays on screen until the user has read it. The path is typed:
 * browser mode has no native file dialog, and the desktop app uses this one too for now.
 */
import { useState } from "react";
import {
  CODEBOOK_FORMATS,
  type CodebookFormat,
  type CodebookImportReport,
} from "../../../../shared/api/codebook-api.ts";
import { importReport } from "../../codebook/sentences.ts";
import { useCodebook } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { WarningList } from "../export/WarningList.tsx";
import { DialogActions, DialogShell } from "./DialogShell.tsx";

interface Props {
  readonly kind: "import" | "export";
  close(): void;
}

/** "/home/me/survey.cairn" -> "/home/me/survey-codebook.csv". */
export function codebookPathFor(projectPath: string, format: CodebookFormat): string {
  return `${projectPath.replace(/\.cairn$/i, "")}-codebook.${format}`;
}

/** The path with its extension swapped to the format's (added if it had none). */
export function withFormat(path: string, format: CodebookFormat): string {
  const known = new RegExp(`\\.(${CODEBOOK_FORMATS.join("|")})$`, "i");
  return known.test(path) ? path.replace(known, `.${format}`) : `${path}.${format}`;
}

function formatOf(path: string): CodebookFormat {
  return /\.xlsx$/i.test(path) ? "xlsx" : "csv";
}

export function CodebookFileDialog({ kind, close }: Props) {
  const projectPath = useProject((s) => s.summary?.path ?? "");
  const [path, setPath] = useState(kind === "export" ? codebookPathFor(projectPath, "csv") : "");
  const [busy, setBusy] = useState(false);
  // An import with warnings: the counts and the warnings, until Close.
  const [imported, setImported] = useState<CodebookImportReport | null>(null);
  const format = formatOf(path);
  const wanted = path.trim();

  const submit = async () => {
    if (wanted === "" || busy) return;
    setBusy(true);
    const book = useCodebook.getState();
    if (kind === "import") {
      const report = await book.importCodebook(wanted);
      setBusy(false);
      if (report?.warnings?.length) setImported(report);
      else if (report) close();
      return;
    }
    const done = await book.exportCodebook(withFormat(wanted, format), format);
    setBusy(false);
    if (done) close();
  };

  if (imported) {
    return (
      <DialogShell
        title="Import a codebook"
        className="codebook-file-dialog"
        onSubmit={close}
        onCancel={close}
      >
        <div role="status">
          <p className="dialog-consequence">{importReport(imported)}.</p>
          <WarningList warnings={imported.warnings} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" autoFocus>
            Close
          </button>
        </div>
      </DialogShell>
    );
  }

  return (
    <DialogShell
      title={kind === "import" ? "Import a codebook" : "Export the codebook"}
      className="codebook-file-dialog"
      onSubmit={() => void submit()}
      onCancel={close}
    >
      <label>
        File path on this computer
        <input
          autoFocus
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder={
            kind === "import" ? "/home/me/surveys/codebook.xlsx" : "/home/me/codebook.csv"
          }
        />
      </label>
      {kind === "export" && (
        <fieldset className="codebook-format">
          <legend>Format</legend>
          {CODEBOOK_FORMATS.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="codebook-format"
                checked={format === option}
                onChange={() => setPath(withFormat(wanted || path, option))}
              />
              {option === "csv" ? "CSV" : "Excel (XLSX)"}
            </label>
          ))}
        </fieldset>
      )}
      <p className="dialog-hint">
        {kind === "import"
          ? "A CSV or XLSX file with the columns path (levels joined by “>”), color and description (optionally when to use, when not to use, example), or a REFI-QDA codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA or QualCoder. Missing codes are created, existing ones take the file's colour and description. You can undo this."
          : "One row per code: its path (levels joined by “>”), colour, description, when to use, when not to use and example."}
      </p>
      <DialogActions
        action={kind === "import" ? "Import" : "Export"}
        disabled={wanted === "" || busy}
        onCancel={close}
      />
    </DialogShell>
  );
}
