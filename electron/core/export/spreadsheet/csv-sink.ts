/**
 * Writing a CSV file by hand (RFC 4180): UTF-8 with a byte-order mark unless asked not
 * to (Excel reads a file without one as the system's code page), CRLF line ends, a cell
 * quoted when it holds a comma, a quote, a CR or LF, or starts or ends with a space, its
 * quotes doubled. Numbers are written bare. Lines are gathered into chunks of about
 * 256 KB and written with the stream's backpressure, so memory stays flat.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { closeStream, type Cell, type Column, type TableSink } from "./table.ts";

const CHUNK = 256 * 1024;
const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;
const QUOTE = /"/g;

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
}

export function csvLine(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    line += csvCell(cells[i] ?? null);
  }
  return line + "\r\n";
}

export class CsvSink implements TableSink {
  private readonly file: WriteStream;
  private pending = "";
  private failed: Error | null = null;
  rows = 0;

  constructor(path: string, bom: boolean) {
    this.file = createWriteStream(path);
    this.file.on("error", (error) => (this.failed = error));
    if (bom) this.pending = "\uFEFF";
  }

  header(columns: readonly Column[]): void {
    this.pending += csvLine(columns.map((column) => column.title));
  }

  row(cells: readonly Cell[]): void {
    this.pending += csvLine(cells);
    this.rows++;
    if (this.pending.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.file.write(this.pending, "utf8");
    this.pending = "";
  }

  async drain(): Promise<void> {
    this.flush();
    if (this.failed) throw this.failed;
    if (this.file.writableNeedDrain) await once(this.file, "drain");
  }

  async finish(): Promise<void> {
    this.flush();
    const closed = once(this.file, "close");
    this.file.end();
    await closed;
    if (this.failed) throw this.failed;
  }

  abandon(): Promise<void> {
    return closeStream(this.file);
  }
}
