/**
 * exceljs's streaming workbook reader, wrapped so that a sheet can be stepped through
 * row by row without hanging or throwing outside the caller's await.
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
import ExcelJS, { type Row } from "exceljs";
import { createReadStream, type ReadStream } from "node:fs";
import { CairnError } from "../../../../shared/api/errors.ts";

export interface SheetInfo {
  readonly name: string;
  /** 1-based, in the order of the workbook's tabs (chart sheets left out). */
  readonly index: number;
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

export interface OpenSheet {
  readonly name: string;
  readonly rows: AsyncIterator<Row>;
  /** The last row of the sheet's used range, once its XML has begun. */
  lastRow(): number | undefined;
}

export class WorkbookStream {
  closed = false;
  private readonly input: ReadStream;
  private readonly book: StreamWorkbook;
  private readonly events: AsyncGenerator<{ eventType: string; value: unknown }>;
  /** The first error of the input or the zip parser, once there is one. */
  private failure: { error: unknown } | null = null;
  private readonly fail: (error: unknown) => void;
  /** Rejects the step guard() is waiting on, if any. */
  private interrupt: ((error: unknown) => void) | null = null;
  private inputEnded = false;
  private announcedPart = "";
  private current: AsyncIterable<unknown> | null = null;

  constructor(
    path: string,
    private readonly name: string,
  ) {
    const fail = (this.fail = (error: unknown) => {
      this.failure ??= { error };
      this.interrupt?.(error);
    });
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
      // A sheet copied to a temporary file is read through a stream of exceljs's own
      // with no error listener: an error there must not crash the app. Only the sheet
      // being read may fail the workbook: exceljs deletes a skipped sheet's file as soon
      // as the reader moves past it, often before that stream's own open has run, and
      // the ENOENT it then emits is no fault of the file being imported.
      const stream = sheet.iterator;
      const source = stream as { on?: (event: string, listener: (e: unknown) => void) => unknown };
      if (typeof source.on === "function") {
        source.on("error", (error) => {
          if (this.current === stream) this.fail(error);
        });
      }
      this.current = stream;
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
