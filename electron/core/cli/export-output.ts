/**
 * What `cairn export` prints: one line for people ("Wrote survey.xlsx: Segments 1,234
 * rows, Matrix 18 rows") or the export's report as JSON, whose snake_case keys are a
 * contract: extend, never rename.
 */
import { basename } from "node:path";
import type {
  ExportFormat,
  ExportReport,
  RefiExportCounts,
  RefiPositions,
} from "../../../shared/api/export-api.ts";

export interface ExportJson {
  readonly path: string;
  readonly format: ExportFormat;
  readonly coding: string | null;
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly refi: {
    readonly users: number;
    readonly codes: number;
    readonly cases: number;
    readonly variables: number;
    readonly sources: number;
    readonly selections: number;
    readonly codings: number;
    readonly notes: number;
    readonly positions: RefiPositions;
  } | null;
  readonly bytes: number;
}

export function exportJson(report: ExportReport): ExportJson {
  return {
    path: report.path,
    format: report.format,
    coding: report.coding,
    sheets: report.sheets.map(({ name, rows }) => ({ name, rows })),
    refi: report.refi && refiJson(report.refi),
    bytes: report.bytes,
  };
}

function refiJson(refi: RefiExportCounts): NonNullable<ExportJson["refi"]> {
  const { users, codes, cases, variables, sources, selections, codings, notes, positions } = refi;
  return { users, codes, cases, variables, sources, selections, codings, notes, positions };
}

/** "Wrote survey.xlsx: Segments 1,234 rows, Matrix 18 rows (all coders, merged)". */
export function exportSummary(report: ExportReport): string {
  const name = basename(report.path);
  const { refi } = report;
  if (refi && report.format === "qdc") return `Wrote ${name}: ${count(refi.codes, "code")}`;
  if (refi) {
    const parts = [
      count(refi.cases, "case"),
      count(refi.sources, "source"),
      count(refi.selections, "selection"),
    ];
    return `Wrote ${name}: ${parts.join(", ")} (positions in ${POSITIONS[refi.positions]})`;
  }
  const sheets = report.sheets.map((sheet) => `${sheet.name} ${count(sheet.rows, "row")}`);
  const coding = report.coding === null ? "" : ` (${report.coding})`;
  return `Wrote ${name}: ${sheets.length ? sheets.join(", ") : "no rows"}${coding}`;
}

const POSITIONS: Record<RefiPositions, string> = {
  codepoints: "Unicode code points",
  utf16: "UTF-16 code units",
};

/** "1,234 rows", "1 row". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
