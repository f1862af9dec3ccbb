/**
 * File › Export…: the format (a workbook, one CSV table, or REFI-QDA for NVivo, ATLAS.ti,
 * MAXQDA and QualCoder), its options, and where to save it (a typed path, beside the
 * project by default). The export runs with a progress bar and a Cancel; the dialog then
 * says where the file is and what it holds. A failure is one sentence, nothing else changes.
 */
import { useEffect } from "react";
import { REFI_POSITIONS, type ExportFormat } from "../../../../shared/api/export-api.ts";
import { choicesProblem } from "../../export/export-request.ts";
import { POSITIONS_TEXT } from "../../export/export-text.ts";
import { NOTHING_OF_YOURS, useCoding } from "../../stores/coding.ts";
import { useExport } from "../../stores/export.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { DialogActions, DialogShell } from "../codebook/DialogShell.tsx";
import { ExportCancelled, ExportDone, ExportRunning } from "./ExportOutcome.tsx";
import { SpreadsheetOptions } from "./SpreadsheetOptions.tsx";
import { useCodingChoices, type CodingOption } from "./useCodingChoices.ts";
import "./export.css";

const FORMATS: readonly { readonly id: ExportFormat; label: string; what: string }[] = [
  { id: "xlsx", label: "Excel workbook (.xlsx)", what: "the chosen tables, a sheet each" },
  { id: "csv", label: "CSV table (.csv)", what: "one table, for R, Python or any spreadsheet" },
  {
    id: "qdpx",
    label: "REFI-QDA project (.qdpx)",
    what: "answers, codes and coding for NVivo, ATLAS.ti, MAXQDA or QualCoder",
  },
  {
    id: "qdc",
    label: "REFI-QDA codebook (.qdc)",
    what: "the codes alone, for another QDA program",
  },
];

export const BLIND_REFI =
  "Blind mode is on, and a REFI-QDA project holds every coder's coding: turn Blind off to export one.";

export function ExportDialog() {
  const { phase, choices, run, close } = useExport();
  const { options, agreementCoderIds } = useCodingChoices();
  useOfferedCoding(options);
  const blind = useCoding((s) => s.blind);
  // Blind mode before the coder's first passage offers no one's coding to tabulate; and a
  // REFI-QDA project holds every coder's coding, which blind mode keeps out of sight.
  const spreadsheet = choices.format === "xlsx" || choices.format === "csv";
  const problem =
    spreadsheet && options.length === 0
      ? NOTHING_OF_YOURS
      : blind && choices.format === "qdpx"
        ? BLIND_REFI
        : choicesProblem(choices);

  const submit = () => {
    if (phase !== "choosing" || problem !== null) return;
    void run(useFrequencies.getState().attributes, agreementCoderIds);
  };
  const body = () => {
    switch (phase) {
      case "running":
        return <ExportRunning />;
      case "done":
        return <ExportDone />;
      case "cancelled":
        return <ExportCancelled />;
      case "choosing":
        return (
          <>
            <FormatChoice />
            {spreadsheet && <SpreadsheetOptions choices={choices} codingOptions={options} />}
            {choices.format === "qdpx" && <PositionsChoice />}
            <PathField problem={problem} />
            <DialogActions action="Export" disabled={problem !== null} onCancel={close} />
          </>
        );
    }
  };

  return (
    <DialogShell title="Export" className="export-dialog" onSubmit={submit} onCancel={close}>
      {body()}
    </DialogShell>
  );
}

/**
 * Blind mode offers only the coder's own work (decision 0015): a choice it does not offer
 * (the default, every coder merged) gives way to the first one it does. The consensus is
 * offered once its review is found, so it is left to wait.
 */
function useOfferedCoding(options: readonly CodingOption[]): void {
  const coding = useExport((s) => s.choices.coding);
  const first = options[0]?.value;
  const offered = coding === "consensus" || options.some((option) => option.value === coding);
  useEffect(() => {
    if (!offered && first !== undefined) useExport.getState().choose({ coding: first });
  }, [offered, first]);
}

function FormatChoice() {
  const format = useExport((s) => s.choices.format);
  const choose = useExport((s) => s.choose);
  return (
    <fieldset className="export-group export-formats">
      <legend>Format</legend>
      {FORMATS.map((option) => (
        <label key={option.id} className="export-check">
          <input
            type="radio"
            name="export-format"
            autoFocus={option.id === format}
            checked={option.id === format}
            onChange={() => choose({ format: option.id })}
          />
          <span>
            {option.label}
            <span className="export-what"> – {option.what}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function PositionsChoice() {
  const positions = useExport((s) => s.choices.positions);
  const choose = useExport((s) => s.choose);
  return (
    <fieldset className="export-group">
      <legend>Positions of coded passages</legend>
      {REFI_POSITIONS.map((option) => (
        <label key={option} className="export-check">
          <input
            type="radio"
            name="export-positions"
            checked={positions === option}
            onChange={() => choose({ positions: option })}
          />
          {POSITIONS_TEXT[option]}
        </label>
      ))}
    </fieldset>
  );
}

/** Where to save, what still stops the export, and why the last attempt failed. */
function PathField({ problem }: { readonly problem: string | null }) {
  const path = useExport((s) => s.choices.path);
  const error = useExport((s) => s.error);
  const setPath = useExport((s) => s.setPath);
  return (
    <>
      <label className="export-field">
        Save to (a path on this computer)
        <input value={path} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
      </label>
      {/* An empty path speaks for itself: the hint would only repeat it. */}
      {problem !== null && path.trim() !== "" && <p className="dialog-hint">{problem}</p>}
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
