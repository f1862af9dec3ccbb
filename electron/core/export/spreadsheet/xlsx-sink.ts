/**
 * Writing a workbook with exceljs's streaming writer: each row is committed as it is
 * added (no shared strings), the writer waits for the zip between batches so memory stays
 * flat, each sheet is committed before the next begins, and the file stream is ours so a
 * failure or a cancel can close it before the partial file is removed.
 */
import ExcelJS from "exceljs";
import { createWriteStream, type WriteStream } from "node:fs";
import { EventEmitter, once } from "node:events";
import { closeStream, type Cell, type Column, type TableSink } from "./table.ts";

/** XML waiting for the zip before the writer stops for it to drain. */
const BACKLOG = 2 * 1024 * 1024;

/** A stream a sheet's XML is piped to (readable-stream's, or node's). */
interface Pipe extends EventEmitter {
  readonly writableLength?: number;
  readonly _writableState?: { readonly length?: number };
}

/**
 * The streams a sheet's XML is piped to: the zip entry's input. exceljs writes to them
 * without heeding their backpressure, and the zip only moves between turns of the event
 * loop, so unless the writer waits the whole sheet's XML piles up there (about 0.6 KB a
 * row: 600 MB for a million). They are kept in an internal (`pipes`), read defensively:
 * an exceljs without it only loses the wait, not the export.
 */
function pipesOf(sheet: ExcelJS.Worksheet): Pipe[] {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes)
    ? pipes.filter((pipe): pipe is Pipe => pipe instanceof EventEmitter)
    : [];
}

const pending = (pipe: Pipe): number => pipe.writableLength ?? pipe._writableState?.length ?? 0;

export class XlsxBook {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly file: WriteStream;
  private failed: Error | null = null;

  constructor(path: string) {
    this.file = createWriteStream(path);
    this.file.on("error", (error) => (this.failed = error));
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.file,
      useSharedStrings: false,
      useStyles: true,
    });
    this.workbook.creator = "Cairn";
  }

  /** A sheet holding one table below its notes, its header frozen and filtered. */
  tableSheet(name: string, columns: readonly Column[], notes: readonly string[]): XlsxTableSheet {
    return new XlsxTableSheet(this, name, columns, notes);
  }

  /**
   * Waits until what was written is on its way: the sheet's XML into the zip (see
   * pipesOf), then the zip into the file.
   */
  async drain(sheet?: ExcelJS.Worksheet): Promise<void> {
    if (this.failed) throw this.failed;
    let waited = false;
    for (const pipe of sheet ? pipesOf(sheet) : []) {
      if (pending(pipe) > BACKLOG) {
        // A file that fails closes, and the zip would then never drain.
        await Promise.race([once(pipe, "drain"), once(this.file, "close")]);
        waited = true;
      }
    }
    // A turn of the event loop: the zip's deflate runs on a worker thread but needs this
    // one between its chunks, so frequent turns let it work while rows are built.
    if (!waited) await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.failed) throw this.failed;
    if (this.file.writableNeedDrain) await once(this.file, "drain");
  }

  async finish(): Promise<void> {
    const closed = once(this.file, "close");
    await this.workbook.commit();
    await closed;
    if (this.failed) throw this.failed;
  }

  /** After a failure: close the file so it can be removed. */
  abandon(): Promise<void> {
    return closeStream(this.file);
  }
}

/** The data cells' style: none (the writer's style 0), one object for them all. */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});
const plain = (cell: ExcelJS.Cell): void => {
  cell.style = PLAIN;
};

export class XlsxTableSheet implements TableSink {
  readonly sheet: ExcelJS.Worksheet;
  rows = 0;

  constructor(
    private readonly book: XlsxBook,
    name: string,
    private readonly columns: readonly Column[],
    private readonly notes: readonly string[],
  ) {
    // The header sits below the notes and a blank row; views are written when the sheet
    // opens, so they are given here.
    const header = notes.length === 0 ? 1 : notes.length + 2;
    this.sheet = book.workbook.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: header }],
    });
    this.sheet.columns = columns.map((column) => ({ width: column.width }));
    this.sheet.autoFilter = {
      from: { row: header, column: 1 },
      to: { row: header, column: Math.max(1, columns.length) },
    };
  }

  /** The notes and the header row; then the rows. */
  start(): void {
    for (const note of this.notes) this.sheet.addRow([note]).commit();
    if (this.notes.length > 0) this.sheet.addRow([]).commit();
    const header = this.sheet.addRow(this.columns.map((column) => column.title));
    header.font = { bold: true };
    header.commit();
  }

  row(cells: readonly Cell[]): void {
    const row = this.sheet.addRow(cells as ExcelJS.CellValue[]);
    // Every cell gets a style object of its own, which the writer looks up by rendering
    // it as XML unless it has seen that very object: one shared plain style (text and
    // numbers alike are style 0) spares that work for every cell.
    row.eachCell(plain);
    row.commit();
    this.rows++;
  }

  drain(): Promise<void> {
    return this.book.drain(this.sheet);
  }

  commit(): void {
    this.sheet.commit();
  }
}
