/**
 * Excel .xlsx workbooks, read with exceljs's streaming reader: rows arrive while the zip
 * is inflated, so only the shared strings of a large workbook are ever held in memory.
 * Cells become the text Excel displays (see shared/import/cell-format.ts).
 *
 * Three gaps of the stream reader are closed here:
 * - It names a sheet only when xl/_rels/workbook.xml.rels points at it with a relative
 *   path; writers that use absolute ones (openpyxl) get "Sheet1". Sheets are matched to
 *   their names here from the workbook model and relationships the reader has parsed.
 * - It does not listen to the zip parser while it waits for an entry: a truncated file
 *   leaves it waiting forever, and a read error on the input would be uncaught. The input
 *   stream is ours, its pipe into the parser is watched, and every step races the first
 *   error (WorkbookStream.guard).
 * - It skips `<dimension>`, the sheet's used range, so progress peeks at it in the XML.
 */
import ExcelJS, { type Cell, type Row } from "exceljs";
import { createReadStream, type ReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { CairnError } from "../../../../shared/api/errors.ts";
import { formatCellAsDisplayed } from "../../../../shared/import/cell-format.ts";
import { uniqueColumnNames } from "../../../../shared/import/columns.ts";
import type { SourceRow, TableSource } from "./table.ts";

const BATCH_ROWS = 2000;

export interface SheetInfo {
  readonly name: string;
  /** 1-based, in the order of the workbook's tabs (chart sheets left out). */
  readonly index: number;
}

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
      `${name}: cell ${address} has a value but column ${column} has no header`,
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

/** The parts of exceljs's stream reader its type declarations leave out. */
interface StreamWorkbook {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }>;
  on(event: "entry", listener: (entry: { type: string; id?: string }) => void): unknown;
  /** xl/workbook.xml, once parsed: the sheets in tab order. */
  model?: { sheets?: { name: string; rId: string }[] };
  /** xl/_rels/workbook.xml.rels, once parsed. */
  workbookRels?: { Id: string; Type?: string; Target?: string }[];
}

interface StreamWorksheet {
  /** The sheet's XML: a zip entry, or the temporary file exceljs copied it to. */
  iterator: AsyncIterable<Buffer | string>;
  [Symbol.asyncIterator](): AsyncIterator<Row>;
}

interface SheetPart extends SheetInfo {
  /** Its path in the zip, e.g. "xl/worksheets/sheet2.xml". */
  readonly part: string;
}

interface OpenSheet {
  readonly name: string;
  readonly rows: AsyncIterator<Row>;
  /** The last row of the sheet's used range, once its XML has begun. */
  lastRow(): number | undefined;
}

class WorkbookStream {
  closed = false;
  private readonly input: ReadStream;
  private readonly book: StreamWorkbook;
  private readonly events: AsyncGenerator<{ eventType: string; value: unknown }>;
  /** The first error of the input or the zip parser, once there is one. */
  private failure: { error: unknown } | null = null;
  /** Rejects the step guard() is waiting on, if any. */
  private interrupt: ((error: unknown) => void) | null = null;
  private inputEnded = false;
  private announcedPart = "";
  private current: AsyncIterable<unknown> | null = null;

  constructor(
    path: string,
    private readonly name: string,
  ) {
    const fail = (error: unknown) => {
      this.failure ??= { error };
      this.interrupt?.(error);
    };
    this.input = createReadStream(path);
    this.input.on("error", fail).on("end", () => (this.inputEnded = true));
    const pipe = this.input.pipe.bind(this.input);
    this.input.pipe = ((destination: NodeJS.WritableStream, options?: { end?: boolean }) => {
      destination.on("error", fail); // the zip parser: FILE_ENDED, bad signatures, inflate errors
      return pipe(destination, options);
    }) as ReadStream["pipe"];
    this.book = new ExcelJS.stream.xlsx.WorkbookReader(this.input, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "emit",
    }) as unknown as StreamWorkbook;
    // Emitted just before each worksheet, with the N of xl/worksheets/sheetN.xml.
    this.book.on("entry", (entry) => {
      if (entry.type === "worksheet") this.announcedPart = `xl/worksheets/sheet${entry.id}.xml`;
    });
    this.events = this.book.parse();
  }

  /** A step of the reader, or the first error of the input or zip, as a CairnError. */
  async guard<T>(step: Promise<T>): Promise<T> {
    // Not Promise.race against one long-pending promise: every race would leave a
    // reaction on it holding its step's result (a row), and a sheet has 100,000 rows.
    try {
      return await new Promise<T>((resolve, reject) => {
        step.then(resolve, reject); // handled even when the file has failed already
        if (this.failure) reject(this.failure.error);
        else this.interrupt = reject;
      });
    } catch (error) {
      throw this.readError(error);
    } finally {
      this.interrupt = null;
    }
  }

  bytesRead(): number {
    return this.input.bytesRead;
  }

  /** The next worksheet in zip order (not tab order), with its path in the zip. */
  async nextWorksheet(): Promise<{ part: string; sheet: StreamWorksheet } | null> {
    this.release();
    for (;;) {
      const next = await this.guard(this.events.next());
      if (next.done) return null;
      if (next.value.eventType !== "worksheet") continue;
      const sheet = next.value.value as StreamWorksheet;
      this.current = sheet.iterator;
      return { part: this.announcedPart, sheet };
    }
  }

  /** The worksheets in tab order; known once the first worksheet has been reached. */
  sheets(): SheetPart[] {
    const targets = new Map(
      (this.book.workbookRels ?? [])
        .filter((rel) => rel.Type?.endsWith("/worksheet") && rel.Target)
        .map((rel) => [rel.Id, partPath(rel.Target ?? "")]),
    );
    const parts: SheetPart[] = [];
    for (const sheet of this.book.model?.sheets ?? []) {
      const part = targets.get(sheet.rId);
      if (part) parts.push({ name: sheet.name, index: parts.length + 1, part });
    }
    if (parts.length === 0) {
      throw new CairnError("bad_input", `${this.name} is not an Excel .xlsx workbook`);
    }
    return parts;
  }

  async openSheet(wanted: string | undefined): Promise<OpenSheet> {
    let found = await this.nextWorksheet();
    const target = pickSheet(this.sheets(), wanted, this.name);
    while (found && found.part !== target.part) found = await this.nextWorksheet();
    if (!found) {
      throw new CairnError("bad_input", `${this.name}: sheet "${target.name}" has no header row`);
    }
    let lastRow: number | undefined;
    found.sheet.iterator = peekDimension(found.sheet.iterator, (row) => (lastRow = row));
    return { name: target.name, rows: found.sheet[Symbol.asyncIterator](), lastRow: () => lastRow };
  }

  /**
   * exceljs copies worksheets that come before the shared strings in the zip (Excel's own
   * order) to temporary files and deletes each when the reader moves past it; once the
   * whole file has been read, stepping to the end is cheap and leaves none behind.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.inputEnded) while (await this.nextWorksheet());
    } catch {
      // The file's fault has been reported already, or nobody is reading any more.
    }
    this.release();
    this.input.destroy();
  }

  /** Stops reading the current worksheet's temporary file (a zip entry drains itself). */
  private release(): void {
    const source = this.current as { destroy?: () => void } | null;
    if (typeof source?.destroy === "function") source.destroy();
    this.current = null;
  }

  private readError(error: unknown): CairnError {
    if (error instanceof CairnError) return error;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === "string" && code.startsWith("E")) {
      return new CairnError("bad_input", `cannot read ${this.name}: ${(error as Error).message}`);
    }
    return new CairnError(
      "bad_input",
      `${this.name} is not an Excel .xlsx workbook: it is damaged or incomplete`,
    );
  }
}

/** Relationship targets are relative to xl/ or, from some writers, absolute. */
function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

function pickSheet(sheets: readonly SheetPart[], wanted: string | undefined, name: string) {
  const first = sheets[0];
  if (!wanted?.trim() && first) return first;
  const text = (wanted ?? "").trim();
  const byNumber = /^\d+$/.test(text) ? sheets[Number(text) - 1] : undefined;
  const found =
    sheets.find((sheet) => sheet.name === wanted) ??
    byNumber ??
    sheets.find((sheet) => sheet.name.trim().toLowerCase() === text.toLowerCase());
  if (found) return found;
  const names = sheets.map((sheet) => `"${sheet.name}"`).join(", ");
  const asked = /^\d+$/.test(text) ? text : `"${wanted}"`;
  throw new CairnError("bad_input", `${name} has no sheet ${asked}; its sheets are ${names}`);
}

/** Passes a sheet's XML through, reporting the last row of `<dimension ref="A1:K120"/>`. */
async function* peekDimension(
  chunks: AsyncIterable<Buffer | string>,
  report: (lastRow: number) => void,
): AsyncGenerator<Buffer | string> {
  let head: string | null = "";
  for await (const chunk of chunks) {
    if (head !== null) {
      head += typeof chunk === "string" ? chunk : chunk.toString("latin1");
      const ref = /<(?:\w+:)?dimension\b[^>]*?\bref="[^"]*?(\d+)"/.exec(head);
      if (ref) report(Number(ref[1]));
      if (ref || /<(?:\w+:)?sheetData\b/.test(head) || head.length > 65_536) head = null;
    }
    yield chunk;
  }
}
