/** The export dialog while the file is written, after a cancel, and when it is saved. */
import {
  exportContents,
  exportPhases,
  progressPercent,
  progressText,
} from "../../export/export-text.ts";
import { useExport } from "../../stores/export.ts";
import { WarningList } from "./WarningList.tsx";

export function ExportRunning() {
  const progress = useExport((s) => s.progress);
  const choices = useExport((s) => s.choices);
  const error = useExport((s) => s.error);
  const cancel = useExport((s) => s.cancel);
  const percent = progressPercent(progress, exportPhases(choices));
  const text = progressText(progress);
  return (
    <>
      <div
        className="export-progress"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="export-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="export-progress-text" aria-live="polite">
        {text}
      </p>
      {/* A cancel that could not be sent; the export goes on and ends as it would. */}
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => void cancel()}>
          Cancel export
        </button>
      </div>
    </>
  );
}

export function ExportCancelled() {
  const { again, close } = useExport();
  return (
    <>
      <p className="export-outcome" role="status">
        Export cancelled: nothing was written.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={again}>
          Back to the options
        </button>
        <button type="button" className="primary" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </>
  );
}

export function ExportDone() {
  const report = useExport((s) => s.report);
  const close = useExport((s) => s.close);
  if (!report) return null;
  return (
    <>
      <div className="export-outcome" role="status">
        <p className="export-saved">
          Saved to <span className="export-path">{report.path}</span>
        </p>
        <ul className="export-contents">
          {exportContents(report).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <WarningList warnings={report.warnings} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </>
  );
}
