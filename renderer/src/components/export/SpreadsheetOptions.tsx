/**
 * The options of the table-shaped exports: which sheets (xlsx) or which table (csv), whose
 * coding, the matrix's cells and columns, the whole answer beside each passage, the
 * byte-order mark, and the frequency view's filter when it has one.
 */
import {
  EXPORT_SHEETS,
  EXPORT_TABLES,
  type ExportSheet,
  type ExportTable,
} from "../../../../shared/api/export-api.ts";
import { filterText } from "../../../../shared/tally/report-sentences.ts";
import type { CoderId } from "../../../../shared/domain.ts";
import type { CodingChoice, ExportChoices } from "../../export/export-request.ts";
import { useExport } from "../../stores/export.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { useProject } from "../../stores/project.ts";
import type { CodingOption } from "./useCodingChoices.ts";

const TABLE_TEXT: Readonly<Record<ExportSheet, { name: string; what: string }>> = {
  segments: { name: "Segments", what: "one row per coded passage" },
  matrix: { name: "Matrix", what: "respondents × codes, for SPSS or R" },
  frequencies: { name: "Frequencies", what: "the frequency table of each question" },
  codebook: { name: "Codebook", what: "codes with colours, descriptions and counts" },
  agreement: { name: "Agreement", what: "how far the coders agree" },
};

interface Props {
  readonly choices: ExportChoices;
  readonly codingOptions: readonly CodingOption[];
}

export function SpreadsheetOptions({ choices, codingOptions }: Props) {
  const choose = useExport((s) => s.choose);
  // The Agreement sheet compares two coders at least.
  const canAgree = useProject((s) => (s.summary?.coders.length ?? 0) >= 2);
  const filter = useFrequencies((s) => s.attributes);
  const xlsx = choices.format === "xlsx";
  const has = (table: ExportTable) =>
    xlsx ? choices.sheets.includes(table) : choices.table === table;
  const toggle = (sheet: ExportSheet, on: boolean) =>
    choose({
      sheets: on ? [...choices.sheets, sheet] : choices.sheets.filter((s) => s !== sheet),
    });

  return (
    <div className="export-options">
      {xlsx ? (
        <fieldset className="export-group">
          <legend>Sheets</legend>
          {EXPORT_SHEETS.map((sheet) => {
            const unavailable = sheet === "agreement" && !canAgree;
            return (
              <label key={sheet} className="export-check">
                <input
                  type="checkbox"
                  checked={choices.sheets.includes(sheet) && !unavailable}
                  disabled={unavailable}
                  onChange={(event) => toggle(sheet, event.target.checked)}
                />
                <span>
                  {TABLE_TEXT[sheet].name}
                  <span className="export-what">
                    {" "}
                    – {unavailable ? "needs two coders" : TABLE_TEXT[sheet].what}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : (
        <label className="export-field">
          Table
          <select
            value={choices.table}
            onChange={(event) => choose({ table: event.target.value as ExportTable })}
          >
            {EXPORT_TABLES.map((table) => (
              <option key={table} value={table}>
                {TABLE_TEXT[table].name} – {TABLE_TEXT[table].what}
              </option>
            ))}
          </select>
        </label>
      )}
      {/* None in blind mode before the coder's first passage: the dialog says why. */}
      {codingOptions.length > 0 && (
        <label className="export-field">
          Whose coding
          <select
            value={String(choices.coding)}
            onChange={(event) => choose({ coding: codingOf(event.target.value) })}
          >
            {codingOptions.map((option) => (
              <option key={String(option.value)} value={String(option.value)}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {has("matrix") && (
        <div className="export-pair">
          <label className="export-field">
            Matrix cells
            <select
              value={choices.matrix}
              onChange={(event) =>
                choose({ matrix: event.target.value === "counts" ? "counts" : "presence" })
              }
            >
              <option value="presence">0/1: the respondent has the code</option>
              <option value="counts">Counts: passages of the code</option>
            </select>
          </label>
          <label className="export-field">
            Matrix columns
            <select
              value={choices.matrixColumns}
              onChange={(event) =>
                choose({
                  matrixColumns: event.target.value === "question-code" ? "question-code" : "code",
                })
              }
            >
              <option value="code">One per code</option>
              <option value="question-code">One per question × code</option>
            </select>
          </label>
        </div>
      )}
      {has("segments") && (
        <label className="export-check">
          <input
            type="checkbox"
            checked={choices.wholeAnswer}
            onChange={(event) => choose({ wholeAnswer: event.target.checked })}
          />
          Include the whole answer beside each coded passage
        </label>
      )}
      {!xlsx && (
        <label className="export-check">
          <input
            type="checkbox"
            checked={choices.bom}
            onChange={(event) => choose({ bom: event.target.checked })}
          />
          <span>
            Byte-order mark for Excel
            <span className="export-what"> – leave it off for R or Python</span>
          </span>
        </label>
      )}
      {filter.length > 0 && (
        <label className="export-check">
          <input
            type="checkbox"
            checked={choices.applyFilter}
            onChange={(event) => choose({ applyFilter: event.target.checked })}
          />
          <span>
            Only respondents with {filterText(filter)}
            <span className="export-what"> – the Frequencies tab&apos;s filter</span>
          </span>
        </label>
      )}
    </div>
  );
}

function codingOf(value: string): CodingChoice {
  if (value === "all" || value === "consensus") return value;
  return Number(value) as CoderId;
}
