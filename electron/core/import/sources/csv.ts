/**
 * CSV and TSV exports, read as a stream: the file is decoded and parsed a few MB at a
 * time (papaparse's parser on each piece, keeping an unfinished last row for the next),
 * so a 200 MB export is never in memory twice. Line numbers are tracked through quoted
 * multi-line cells so that every message can name the line a user would open.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { TextDecoder } from "node:util";
import Papa from "papaparse";
import { CairnError } from "../../../../shared/api/errors.ts";
import { uniqueColumnNames } from "../../../../shared/import/columns.ts";
import { detectEncoding, type TextEncoding } from "../../../../shared/import/encoding.ts";
import { decode, decodeSample } from "./text-decoding.ts";
import type { SourceRow, TableSource } from "./table.ts";

export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvOptions {
  readonly encoding?: TextEncoding | undefined;
  readonly delimiter?: CsvDelimiter | undefined;
}

export interface CsvSource extends TableSource {
  readonly encoding: TextEncoding;
  readonly delimiter: CsvDelimiter;
}

const SAMPLE_BYTES = 64 * 1024;
const READ_BYTES = 4 * 1024 * 1024;
const BATCH_ROWS = 5000;

export async function openCsv(path: string, options: CsvOptions = {}): Promise<CsvSource> {
  const name = basename(path);
  const size = await fileSize(path, name);
  const sample = await readSample(path);
  if (size === 0) throw new CairnError("bad_input", `${name} is empty`);
  const detected = detectEncoding(sample);
  const encoding = options.encoding ?? detected.encoding;
  if (encoding !== "utf-16le" && encoding !== "utf-16be" && sample.includes(0)) {
    throw new CairnError("bad_input", `${name} is not a text table: it holds binary data`);
  }
  const sampleText = decodeSample(sample, encoding, name);
  const newline = guessNewline(sampleText);
  const delimiter = options.delimiter ?? sniffDelimiter(sampleText, name);

  let bytesRead = 0;
  const rows = readRows(path, { encoding, delimiter, newline, name }, (n) => (bytesRead = n));
  const first = await rows.next();
  const headerRow = first.done ? undefined : first.value[0];
  if (!headerRow || headerRow.cells.every((cell) => cell.trim() === "")) {
    await rows.return(undefined);
    throw new CairnError("bad_input", `${name} has no header row`);
  }
  const columns = uniqueColumnNames(headerRow.cells);
  const pending = first.done ? [] : first.value.slice(1);

  async function* batches(): AsyncGenerator<readonly SourceRow[]> {
    const shape = (batch: readonly SourceRow[]) =>
      batch.flatMap((row) => fitRow(row, columns, name));
    if (pending.length) yield shape(pending);
    for await (const batch of rows) yield shape(batch);
  }

  return {
    name,
    unit: "line",
    columns,
    questionTexts: new Map(),
    warnings: [],
    encoding,
    delimiter,
    batches,
    progress: () => ({ done: bytesRead, total: size }),
    close: async () => {
      await rows.return(undefined);
    },
  };
}

/**
 * Makes a parsed row as wide as the header. A blank line is skipped; trailing empty
 * cells are dropped (some tools end every line with a delimiter); anything else that
 * does not fit the header means the file is not what it seems, and the import stops.
 */
function fitRow(row: SourceRow, columns: readonly string[], name: string): SourceRow[] {
  const cells = row.cells;
  if (cells.length === columns.length) return [row];
  if (cells.length === 1 && (cells[0] ?? "").trim() === "") return [];
  if (cells.length > columns.length && cells.slice(columns.length).every((c) => c === "")) {
    return [{ line: row.line, cells: cells.slice(0, columns.length) }];
  }
  throw new CairnError(
    "bad_input",
    `${name}: line ${row.line} has ${cells.length} cells but the header has ${columns.length}` +
      " (a wrong delimiter, or a line break in a cell without quotes?)",
  );
}

interface ParseSettings {
  readonly encoding: TextEncoding;
  readonly delimiter: CsvDelimiter;
  readonly newline: string;
  readonly name: string;
}

async function* readRows(
  path: string,
  settings: ParseSettings,
  onBytes: (bytes: number) => void,
): AsyncGenerator<SourceRow[]> {
  const decoder = new TextDecoder(settings.encoding, { fatal: true });
  const stream = createReadStream(path, { highWaterMark: READ_BYTES });
  const lines = new LineCounter();
  let carry = "";
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const start = bytes;
      bytes += chunk.length;
      const text = carry + decode(decoder, chunk, true, settings, start, path);
      const parsed = parsePiece(text, settings, true);
      carry = text.slice(parsed.cursor);
      const rows = lines.place(parsed.rows);
      checkQuotes(parsed.errors, rows, settings.name);
      // Progress moves with the rows handed on, not with the (much larger) reads.
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        onBytes(
          start + Math.round((chunk.length * Math.min(i + BATCH_ROWS, rows.length)) / rows.length),
        );
        yield rows.slice(i, i + BATCH_ROWS);
      }
    }
    onBytes(bytes);
    const text = carry + decode(decoder, new Uint8Array(), false, settings, bytes, path);
    const parsed = parsePiece(text, settings, false);
    const rows = lines.place(parsed.rows);
    checkQuotes(parsed.errors, rows, settings.name);
    if (rows.length) yield rows;
  } finally {
    stream.destroy();
  }
}

interface Piece {
  readonly rows: string[][];
  readonly errors: readonly Papa.ParseError[];
  /** Where the last complete row ends; the rest waits for the next piece. */
  readonly cursor: number;
}

function parsePiece(text: string, settings: ParseSettings, moreToCome: boolean): Piece {
  const parser = new Papa.Parser({
    delimiter: settings.delimiter,
    newline: settings.newline as Papa.ParseConfig["newline"],
    quoteChar: '"',
    escapeChar: '"',
  });
  const result = parser.parse(text, 0, moreToCome) as {
    data: string[][];
    errors: Papa.ParseError[];
    meta: { cursor: number };
  };
  return {
    rows: result.data,
    errors: result.errors,
    cursor: moreToCome ? result.meta.cursor : text.length,
  };
}

function checkQuotes(errors: readonly Papa.ParseError[], rows: SourceRow[], name: string): void {
  // An error in the unfinished last row of a piece comes back when that row is parsed
  // whole with the next piece; only rows parsed here count now.
  const error = errors.find((e) => (e.row ?? 0) < rows.length || e.code === "MissingQuotes");
  if (!error) return;
  const line = rows[Math.min(error.row ?? 0, rows.length - 1)]?.line ?? 1;
  if (error.code === "MissingQuotes") {
    throw new CairnError(
      "bad_input",
      `${name}: unbalanced quote at line ${line}: a quoted cell there is never closed`,
    );
  }
  throw new CairnError(
    "bad_input",
    `${name}: malformed quotes at line ${line}: a quoted cell has text after its closing quote`,
  );
}

/** Numbers rows by the line they start on, counting the line breaks inside cells. */
class LineCounter {
  private next = 1;

  place(rows: readonly string[][]): SourceRow[] {
    return rows.map((cells) => {
      const line = this.next;
      let breaks = 0;
      for (const cell of cells) {
        if (cell.includes("\n") || cell.includes("\r")) breaks += cell.match(/\r\n|\r|\n/g)!.length;
      }
      this.next += 1 + breaks;
      return { line, cells };
    });
  }
}

/** The line ending of the first line break outside quotes. */
export function guessNewline(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\r") return text[i + 1] === "\n" ? "\r\n" : "\r";
    else if (!quoted && char === "\n") return "\n";
  }
  return "\n";
}

/** Comma, semicolon (European Excel), tab or pipe: the one that splits rows evenly. */
export function sniffDelimiter(text: string, name: string): CsvDelimiter {
  const result = Papa.parse<string[]>(text, {
    preview: 50,
    delimitersToGuess: [...CSV_DELIMITERS],
    // The empty line after the last line break would count as a row of one cell, and
    // make every delimiter look uneven in a short two-column file ("id;answer").
    skipEmptyLines: true,
  });
  const found = result.meta.delimiter as CsvDelimiter;
  if (!CSV_DELIMITERS.includes(found)) {
    throw new CairnError("bad_input", `${name}: cannot tell which delimiter separates the cells`);
  }
  return found;
}

async function fileSize(path: string, name: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CairnError("bad_input", `${name} is a folder, not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof CairnError) throw error;
    throw new CairnError("bad_input", `cannot read ${path}: ${(error as Error).message}`);
  }
}

async function readSample(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
