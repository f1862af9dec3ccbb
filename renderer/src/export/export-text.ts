/** What the export and REFI-QDA import dialogs say: progress, what a file holds, reports. */
import {
  EXPORT_SHEETS,
  type ExportProgress,
  type ExportReport,
  type ExportSheet,
  type RefiImportReport,
  type RefiPositions,
} from "../../../shared/api/export-api.ts";
import { fileNameOf } from "../../../shared/project-files.ts";
import { count } from "../format.ts";
import type { ExportChoices } from "./export-request.ts";

const number = (n: number) => n.toLocaleString("en");

/**
 * The core's progress phases in words, with the noun its figures count (when the phase
 * counts one thing). Spreadsheet phases are the sheets' names; REFI-QDA phases are the
 * parts of the .qdpx in the order they are written: texts, cases, then sources.
 */
const PHASES: Readonly<Record<string, { readonly what: string; readonly unit?: string }>> = {
  Segments: { what: "coded passages" },
  Matrix: { what: "the matrix", unit: "respondents" },
  // A workbook counts questions, a CSV rows: no noun fits both.
  Frequencies: { what: "frequency tables" },
  Codebook: { what: "the codebook", unit: "codes" },
  Agreement: { what: "the agreement report" },
  texts: { what: "answer texts" },
  cases: { what: "respondents (cases)" },
  sources: { what: "answers and their coding" },
  codebook: { what: "the codebook", unit: "codes" },
};

/** The phases an export goes through, in order (for one bar across all of them). */
export function exportPhases(
  choices: Pick<ExportChoices, "format" | "sheets" | "table">,
): readonly string[] {
  const name = (sheet: ExportSheet) => sheet[0]!.toUpperCase() + sheet.slice(1);
  switch (choices.format) {
    case "xlsx":
      return EXPORT_SHEETS.filter((sheet) => choices.sheets.includes(sheet)).map(name);
    case "csv":
      return [name(choices.table)];
    case "qdpx":
      return ["texts", "cases", "sources"];
    case "qdc":
      return ["codebook"];
  }
}

/**
 * 0–100, whole, across the phases: the bar fills once for the whole file rather than
 * once per sheet. A phase not in the list fills the bar on its own.
 */
export function progressPercent(
  progress: ExportProgress | null,
  phases: readonly string[] = [],
): number {
  if (!progress) return 0;
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const index = phases.indexOf(progress.phase);
  const whole = index < 0 ? share : (index + share) / phases.length;
  return Math.round(whole * 100);
}

/** "Writing answer texts… 12,000 of 100,000"; "Writing the matrix… 40 of 120 respondents". */
export function progressText(progress: ExportProgress | null): string {
  if (!progress) return "Starting…";
  const phase = PHASES[progress.phase];
  const what = phase?.what ?? progress.phase;
  if (progress.total <= 0) return `Writing ${what}…`;
  const unit = phase?.unit ? ` ${phase.unit}` : "";
  return `Writing ${what}… ${number(progress.done)} of ${number(progress.total)}${unit}`;
}

export const POSITIONS_TEXT: Readonly<Record<RefiPositions, string>> = {
  codepoints: "Unicode code points (the standard)",
  utf16: "UTF-16 units (as NVivo writes them)",
};

/** What the file written holds, a line each: its sheets with their rows, or REFI counts. */
export function exportContents(report: ExportReport): string[] {
  const lines: string[] = [];
  if (report.refi) {
    const r = report.refi;
    lines.push(
      report.format === "qdc"
        ? `The codebook: ${count(r.codes, "code")}`
        : [
            count(r.sources, "source"),
            count(r.cases, "case"),
            count(r.variables, "variable"),
            count(r.codes, "code"),
            count(r.selections, "coded passage"),
            count(r.codings, "coding"),
            count(r.users, "user"),
            count(r.notes, "note"),
          ].join(", "),
    );
    if (report.format === "qdpx") lines.push(`Positions in ${POSITIONS_TEXT[r.positions]}`);
  }
  for (const sheet of report.sheets) lines.push(`${sheet.name}: ${count(sheet.rows, "row")}`);
  if (report.coding) lines.push(`Coding: ${report.coding}`);
  if (report.filter) lines.push(`Respondents: ${report.filter}`);
  return lines;
}

/**
 * "Imported 120 respondents, 3 questions, 480 answers … from NVivo into “survey.cairn”".
 * The file name is quoted: one like "from nvivo.cairn" would otherwise run into the
 * sentence. No memos is not worth a mention.
 */
export function refiImportHeadline(report: RefiImportReport): string {
  const from = report.origin ? ` from ${report.origin}` : "";
  if (report.kind === "codebook") return `Imported ${count(report.codes, "code")}${from}`;
  const parts = [
    count(report.respondents, "respondent"),
    count(report.questions, "question"),
    count(report.answers, "answer"),
    count(report.codes, "code"),
    count(report.segments, "coded passage"),
    count(report.users, "coder"),
    ...(report.memos > 0 ? [count(report.memos, "memo")] : []),
  ];
  return `Imported ${parts.join(", ")}${from} into “${fileNameOf(report.path)}”`;
}

/**
 * How the positions were read, or null when nothing was coded. The core's explanation
 * counts the selections it widened to whole words, so the count is not said again here.
 */
export function refiPositionsLine(report: RefiImportReport): string | null {
  if (!report.positions) return null;
  return `Positions read as ${report.positions.explanation}`;
}
