/** What the import wizard is shown before anything is written, and while it runs. */
import type { ColumnProfile } from "./guess.ts";
import type { ImportMapping, SourceKind } from "./mapping.ts";

export interface ImportInspection {
  readonly kind: SourceKind;
  readonly name: string;
  readonly unit: "line" | "row" | "file";
  readonly columns: readonly string[];
  /** Text files: what was detected (or chosen). */
  readonly encoding: string | null;
  readonly delimiter: string | null;
  /** Workbooks: every sheet, to choose from. */
  readonly sheets: readonly { name: string; index: number }[];
  /** The first rows as they will be read, with where each starts. */
  readonly preview: readonly { line: number; cells: readonly string[] }[];
  /** How many rows the guess looked at (all of them for a small file). */
  readonly sampled: number;
  readonly profiles: readonly ColumnProfile[];
  readonly questionTexts: Readonly<Record<string, string>>;
  readonly guess: ImportMapping;
  /** Cells of the guessed question columns the default list calls non-responses. */
  readonly placeholders: readonly { value: string; count: number }[];
  readonly warnings: readonly string[];
}

export interface ImportProgress {
  /** Rows written so far. */
  readonly rows: number;
  /** Work done and in all (bytes, rows or files: a fraction is what matters). */
  readonly done: number;
  readonly total: number;
}
