/**
 * What every importer turns its file(s) into: a header and rows of text cells, read in
 * batches so that a large file never sits in memory whole. The import engine maps
 * columns to respondents, attributes, questions and code columns without knowing
 * whether the rows came from a CSV, a worksheet or a folder of Word questionnaires.
 */

export interface SourceRow {
  /**
   * Where the row is in the source, for messages: the line (CSV/TSV) or sheet row where
   * it starts, 1-based, or the 1-based index of the file (.docx folders).
   */
  readonly line: number;
  /** One string per column, same length as `columns`; missing cells are "". */
  readonly cells: readonly string[];
  /** The file the row is in, when a source reads several (messages name it). */
  readonly file?: string;
}

export interface TableSource {
  /** What the messages name: a file name, or "3 Word files". */
  readonly name: string;
  /** How a row's `line` reads in messages: "line 12", "row 12", "file 3". */
  readonly unit: "line" | "row" | "file";
  /** Column names from the header, unique and non-empty (see uniqueColumnNames). */
  readonly columns: readonly string[];
  /**
   * Longer question texts by column name where the source has them (a Word heading);
   * other columns' question text defaults to the column name.
   */
  readonly questionTexts: ReadonlyMap<string, string>;
  /** Things the user should know about the source itself (a file without questions...). */
  readonly warnings: readonly string[];
  /** The data rows after the header, in order, in batches of a few thousand. */
  batches(): AsyncIterable<readonly SourceRow[]>;
  /** Work done so far and in all (bytes, rows or files), for the progress bar. */
  progress(): { readonly done: number; readonly total: number };
  /** Releases the file handles; safe to call twice, and after a failure. */
  close(): Promise<void>;
}
