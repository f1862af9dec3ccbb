/**
 * Reading codes out of a spreadsheet cell: "Safety; Support>Housing" holds two codes,
 * the second a sub-code. Coding done in a spreadsheet, or by a second coder, comes in
 * this way, one segment over the whole answer per code.
 */
import { codePathKey } from "../codes/names.ts";

export interface CodeCellFormat {
  /** Between codes in one cell (";" by default); line breaks always separate too. */
  readonly delimiter: string;
  /** Between the levels of one code path (">" by default; "->" is common too). */
  readonly separator: string;
}

export const DEFAULT_CODE_CELL_FORMAT: CodeCellFormat = { delimiter: ";", separator: ">" };

/** Each code path in the cell as its level names, blanks and repeats dropped. */
export function parseCodeCell(cell: string, format: CodeCellFormat): string[][] {
  const seen = new Set<string>();
  const paths: string[][] = [];
  for (const part of splitOn(cell, format.delimiter)) {
    const path = splitOn(part, format.separator)
      .map((name) => name.replace(/\s+/g, " ").trim())
      .filter((name) => name !== "");
    if (path.length === 0) continue;
    const key = codePathKey(path);
    if (seen.has(key)) continue;
    seen.add(key);
    paths.push(path);
  }
  return paths;
}

function splitOn(text: string, delimiter: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return delimiter === "" ? lines : lines.flatMap((line) => line.split(delimiter));
}
