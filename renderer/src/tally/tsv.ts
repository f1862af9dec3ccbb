/**
 * Any table as tab-separated text, the form a spreadsheet takes from the clipboard: a
 * header line, then one line per row. A tab or a line break inside a cell would start a
 * new cell or row, so each becomes a space; nothing is quoted (spreadsheets paste quotes
 * literally). Text that a spreadsheet would run as a formula ("=…", "-…") gets the
 * apostrophe the exports give it; numbers stay numbers.
 */
import { guardFormula } from "../../../shared/text/spreadsheet-safe.ts";

export type TsvCell = string | number | null | undefined;

export interface TsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly TsvCell[])[];
}

export function toTsv(table: TsvTable): string {
  return [table.header, ...table.rows].map((row) => row.map(cellText).join("\t")).join("\n");
}

function cellText(cell: TsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return guardFormula(cell.replace(/\r\n|[\t\n\r]/g, " "));
}
