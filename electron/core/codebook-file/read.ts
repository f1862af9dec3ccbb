/**
 * Reads a codebook file (CSV/TSV or the first sheet of an .xlsx) with the importers'
 * own readers, which detect the encoding, drop a BOM and sniff the delimiter; a REFI-QDA
 * codebook (.qdc) with the REFI reader (refi/import/codebook.ts).
 */
import { basename, extname } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CodebookFormat } from "../../../shared/api/codebook-api.ts";
import { CSV_DELIMITERS, openCsv } from "../import/sources/csv.ts";
import type { TableSource } from "../import/sources/table.ts";
import { openXlsx } from "../import/sources/xlsx.ts";
import { readRefiCodebook } from "../refi/import/codebook.ts";
import { isCodebookColumn, mapColumns } from "./columns.ts";
import { readEntries, type CodebookEntry, type RawRow } from "./entries.ts";

/** The formats a codebook is read from: those it is written to, and REFI-QDA's .qdc. */
export type CodebookFileFormat = CodebookFormat | "qdc";

/** The format a file's extension names: .csv (or .tsv, .txt), .xlsx or .qdc. */
export function codebookFormatOf(path: string): CodebookFileFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".qdc") return "qdc";
  if (extension === ".csv" || extension === ".tsv" || extension === ".txt") return "csv";
  return undefined;
}

export async function readCodebookFile(path: string): Promise<CodebookEntry[]> {
  return (await readCodebookFileReport(path)).entries;
}

/**
 * The entries, and what a lenient read bent on the way (a .qdc whose ids are not GUIDs,
 * a code set left out…), one sentence each; a table file has none to tell.
 */
export async function readCodebookFileReport(
  path: string,
): Promise<{ entries: CodebookEntry[]; warnings: readonly string[] }> {
  const format = codebookFormatOf(path);
  if (format === undefined) {
    throw new CairnError(
      "bad_input",
      `${basename(path)} is not a codebook file; choose a .csv, .xlsx or .qdc (REFI-QDA) file`,
    );
  }
  if (format === "qdc") {
    const codebook = await readRefiCodebook(path);
    return { entries: [...codebook.entries], warnings: codebook.warnings };
  }
  const source = format === "xlsx" ? await openXlsx(path) : await openCsvCodebook(path);
  try {
    const rows = await allRows(source);
    const columns = mapColumns(source.name, source.columns, blankColumns(source, rows));
    return { entries: readEntries(source.name, rows, columns), warnings: [] };
  } finally {
    await source.close();
  }
}

/**
 * The CSV reader's sniffing reads a file of two columns ("path;color") with a line break
 * at its end as one column, the line after the last one counting as a row of one cell.
 * A lone column that is not a codebook's is read again with each other delimiter.
 */
async function openCsvCodebook(path: string): Promise<TableSource> {
  const source = await openCsv(path);
  const [only, ...others] = source.columns;
  if (only === undefined || others.length > 0 || isCodebookColumn(only)) return source;
  for (const delimiter of CSV_DELIMITERS) {
    if (delimiter === source.delimiter) continue;
    const again = await openCsv(path, { delimiter });
    if (again.columns.length > 1 && again.columns.every(isCodebookColumn)) {
      await source.close();
      return again;
    }
    await again.close();
  }
  return source;
}

/**
 * The columns without a header (named "Column 3" by the reader) and without a value: a
 * delimiter at the end of each line, or a spreadsheet column left empty. One that holds
 * something is refused, since nothing says what it is.
 */
function blankColumns(source: TableSource, rows: readonly RawRow[]): Set<number> {
  const blank = new Set<number>();
  source.columns.forEach((column, index) => {
    if (column !== `Column ${index + 1}`) return;
    const filled = rows.find((row) => (row.cells[index] ?? "").trim() !== "");
    if (filled) {
      throw new CairnError(
        "bad_input",
        `${source.name}: column ${index + 1} has no header but holds ` +
          `"${(filled.cells[index] ?? "").trim().slice(0, 40)}" (row ${filled.line}); ` +
          "give it a header or leave it out",
      );
    }
    blank.add(index);
  });
  return blank;
}

async function allRows(source: TableSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}
