/**
 * Reads a codebook file (CSV/TSV or the first sheet of an .xlsx) with the importers'
 * own readers, which detect the encoding, drop a BOM and sniff the delimiter.
 */
import { basename, extname } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CodebookFormat } from "../../../shared/api/codebook-api.ts";
import { openCsv } from "../import/sources/csv.ts";
import type { TableSource } from "../import/sources/table.ts";
import { openXlsx } from "../import/sources/xlsx.ts";
import { mapColumns } from "./columns.ts";
import { readEntries, type CodebookEntry, type RawRow } from "./entries.ts";

/** The format a file's extension names: .csv (or .tsv, .txt) or .xlsx. */
export function codebookFormatOf(path: string): CodebookFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".csv" || extension === ".tsv" || extension === ".txt") return "csv";
  return undefined;
}

export async function readCodebookFile(path: string): Promise<CodebookEntry[]> {
  const format = codebookFormatOf(path);
  if (format === undefined) {
    throw new CairnError(
      "bad_input",
      `${basename(path)} is not a codebook file; choose a .csv or .xlsx file`,
    );
  }
  const source = format === "xlsx" ? await openXlsx(path) : await openCsv(path);
  try {
    const columns = mapColumns(source.name, source.columns);
    return readEntries(source.name, await allRows(source), columns);
  } finally {
    await source.close();
  }
}

async function allRows(source: TableSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}
