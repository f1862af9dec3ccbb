/**
 * A table as the exports write it, whatever the format: columns (title and width), lines
 * that state its context above it (xlsx only: a CSV file is the bare table), then rows of
 * cells. Text cells reach a sink already guarded against formula injection (the tables
 * guard each text once, e.g. a code path per code, not per row); numbers stay numbers.
 */
import { once } from "node:events";
import type { WriteStream } from "node:fs";
import { guardFormula } from "../../../../shared/text/spreadsheet-safe.ts";

export type Cell = string | number | null;

export interface Column {
  readonly title: string;
  readonly width: number;
}

export interface TableSink {
  row(cells: readonly Cell[]): void;
  /** Lets what was written drain before the next batch (bounded memory). */
  drain(): Promise<void>;
}

/**
 * One table of an export, ready to write: its header and the lines stating its context,
 * then its rows, written in batches (`write` returns how many).
 */
export interface Table {
  /** The sheet's name ("Segments"). */
  readonly name: string;
  readonly columns: readonly Column[];
  readonly notes: readonly string[];
  write(sink: TableSink): Promise<number>;
}

/** Text as a spreadsheet must receive it: never a formula. */
export const text = guardFormula;

/** Column titles made unique ("Country", "Country (2)"), as R and SPSS need. */
export function uniqueTitles(titles: readonly string[]): string[] {
  const seen = new Set<string>();
  return titles.map((title) => {
    let unique = title;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${title} (${n})`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

/** A column width for a title, within reason. */
export function widthFor(title: string, least = 8, most = 40): number {
  return Math.min(most, Math.max(least, title.length + 2));
}

/**
 * Closes a file stream after a failure, and waits until it is closed: the file is opened
 * asynchronously, so removing it before then would leave it to appear afterwards.
 */
export async function closeStream(file: WriteStream): Promise<void> {
  if (file.closed) return;
  const closed = once(file, "close").catch(() => undefined);
  file.destroy();
  await closed;
}
