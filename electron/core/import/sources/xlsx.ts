/**
 * Excel .xlsx workbooks, read with exceljs's streaming reader: rows arrive while the zip
 * is inflated, so only the shared strings of a large workbook are ever held in memory.
 * Cells become the text Excel displays (see shared/import/cell-format.ts).
 *
 * The stream reader, and the fixes for its gaps, are in xlsx-stream.ts; this module checks
 * the file, finds the header row and turns the rows after it into batches of text cells.
 */
import type { Cell, Row } from "exceljs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { CairnError } from "../../../../shared/api/errors.ts";
import { formatCellAsDisplayed } from "../../../../shared/import/cell-format.ts";
import { uniqueColumnNames } from "../../../../shared/import/columns.ts";
import type { SourceRow, TableSource } from "./table.ts";
import { type OpenSheet, type SheetInfo, WorkbookStream } from "./xlsx-stream.ts";

export type { SheetInfo } from "./xlsx-stream.ts";

const BATCH_ROWS = 2000;

export interface XlsxOptions {
  /** A sheet name, or its 1-based number as text; the first sheet by default. */
  readonly sheet?: string | undefined;
  /** 1-based row of column names; rows above it are skipped. */
  readonly headerRow?: number | undefined;
}

export async function listSheets(path: string): Promise<SheetInfo[]> {
  const name = basename(path);
  await checkFile(path, name);
  const workbook = new WorkbookStream(path, name);
  try {
    await workbook.nextWorksheet(); // the workbook part has been parsed by the first sheet
    return workbook.sheets().map((sheet) => ({ name: sheet.name, index: sheet.index }));
  } finally {
    await workbook.close();
  }
}

export async function openXlsx(path: string, options: XlsxOptions = {}): Promise<TableSource> {
  const name = basename(path);
  const headerRow = options.headerRow ?? 1;
  if (!Number.isInteger(headerRow) || headerRow < 1) {
    throw new CairnError("bad_input", `the header row must be a number from 1, not ${headerRow}`);
  }
  const size = await checkFile(path, name);
  const workbook = new WorkbookStream(path, name);
  try {
    const sheet = await workbook.openSheet(options.sheet);
    return await readSheet(workbook, sheet, { name, size, headerRow });
  } catch (error) {
    await workbook.close();
    throw error;
  }
}

interface SheetContext {
  readonly name: string;
  readonly size: number;
  readonly headerRow: number;
}

async function readSheet(
  workbook: WorkbookStream,
  sheet: OpenSheet,
  context: SheetContext,
): Promise<TableSource> {
  const { name, headerRow } = context;
  let row = await workbook.guard(sheet.rows.next());
  while (!row.done && row.value.number < headerRow) row = await workbook.guard(sheet.rows.next());
  const header = !row.done && row.value.number === headerRow ? cellTexts(row.value) : [];
  const width = header.findLastIndex((text) => text.trim() !== "") + 1;
  if (width === 0) {
    const which = headerRow > 1 ? ` (row ${headerRow} is empty)` : "";
    throw new CairnError("bad_input", `${name}: sheet "${sheet.name}" has no header row${which}`);
  }
  const columns = uniqueColumnNames(header.slice(0, width));
  let lastRow = headerRow;
  let finished = false;

  async function* batches(): AsyncGenerator<readonly SourceRow[]> {
    let batch: SourceRow[] = [];
    while (!finished && !workbook.closed) {
      const next = await workbook.guard(sheet.rows.next());
      if (next.done) break;
      lastRow = next.value.number;
      const fitted = fitRow(next.value, width, name);
      if (fitted) batch.push(fitted);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    finished = true;
    if (batch.length > 0) yield batch;
  }

  return {
    name,
    unit: "row",
    columns,
    questionTexts: new Map(),
    warnings: [],
    batches,
    progress: () => {
      // Rows of the sheet's used range when it states one, else bytes of the zip.
      const rows = (sheet.lastRow() ?? 0) - headerRow;
      const done = finished ? rows : Math.min(lastRow - headerRow, rows);
      if (rows > 0) return { done, total: rows };
      return { done: finished ? context.size : workbook.bytesRead(), total: context.size };
    },
    close: () => workbook.close(),
  };
}

/** A data row as wide as the header, or null for a row with nothing in it. */
function fitRow(row: Row, width: number, name: string): SourceRow | null {
  const texts = cellTexts(row);
  const beyond = texts.findIndex((text, index) => index >= width && text.trim() !== "");
  if (beyond >= 0) {
    const address = row.getCell(beyond + 1).address;
    const column = address.replace(/\d+$/, "");
    throw new CairnError(
      "bad_input",
      `${name}: cell ${address} has a value but column ${column} has no header ` +
        "(is the header on another row? choose the header row)",
    );
  }
  const cells = Array.from({ length: width }, (_, index) => texts[index] ?? "");
  return cells.some((text) => text.trim() !== "") ? { line: row.number, cells } : null;
}

/** The displayed text of a row's cells, by column (index 0 is column A). */
function cellTexts(row: Row): string[] {
  const texts: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    texts[column - 1] = displayed(cell);
  });
  return Array.from(texts, (text) => text ?? "");
}

/**
 * The stream reader leaves OOXML's `_x000D_` escapes in shared strings (the document
 * reader decodes them); Excel writes one before each line feed of a Windows line break.
 */
function displayed(cell: Cell): string {
  return formatCellAsDisplayed(cell.value, cell.numFmt)
    .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n?/g, "\n");
}

/** The file can be read and starts like a zip; returns its size. */
async function checkFile(path: string, name: string): Promise<number> {
  const head = Buffer.alloc(512);
  let [size, length] = [0, 0];
  try {
    const handle = await open(path, "r");
    try {
      size = (await handle.stat()).size;
      length = (await handle.read(head, 0, head.length, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CairnError("bad_input", `${path} does not exist`);
    if (code === "EISDIR") throw new CairnError("bad_input", `${name} is a folder, not a file`);
    throw new CairnError("bad_input", `cannot read ${path}: ${(error as Error).message}`);
  }
  const magic = length >= 4 ? head.readUInt32BE(0) : 0;
  if (magic === 0x504b0304) return size; // "PK\3\4", the start of a zip
  throw new CairnError(
    "bad_input",
    `${name} is not an Excel .xlsx workbook${whatItIs(head, length, magic)}`,
  );
}

function whatItIs(head: Buffer, length: number, magic: number): string {
  if (length === 0) return ": the file is empty";
  if (magic === 0xd0cf11e0) {
    const what = "an old .xls file or a password-protected workbook";
    return `: it is ${what} (Excel saves either as a plain .xlsx)`;
  }
  const text = head.subarray(0, length).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  return text ? ": it holds plain text (import a CSV file as CSV)" : "";
}
