/**
 * A codebook file's rows checked and turned into entries: a path of valid code names, a
 * colour when the cell has one, and the descriptive fields whose columns the file has.
 * The first bad row stops the import with a message naming it, before anything changes.
 */
import { codeName, wellFormed } from "../../../shared/api/schemas.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import { quoteCell } from "../../../shared/import/quote-cell.ts";
import { unguardFormula } from "../../../shared/text/spreadsheet-safe.ts";
import { CODEBOOK_HEADER, type CodebookField } from "./columns.ts";

/** At most this many levels, as the API allows for a code path. */
const MAX_DEPTH = 20;
const MAX_TEXT = 20_000;

export type DescriptiveField = "description" | "whenToUse" | "whenNotToUse" | "example";
export const DESCRIPTIVE_FIELDS: readonly DescriptiveField[] = [
  "description",
  "whenToUse",
  "whenNotToUse",
  "example",
];

export interface CodebookEntry {
  /** Where the row is in the file, for messages (a line or a sheet row, 1-based). */
  readonly row: number;
  readonly path: readonly string[];
  /** #rrggbb lower-cased; absent when the cell is blank or there is no colour column. */
  readonly color?: string;
  /** The fields whose column the file has (a blank cell clears the field). */
  readonly details: Partial<Record<DescriptiveField, string>>;
}

export interface RawRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export function readEntries(
  file: string,
  rows: readonly RawRow[],
  columns: ReadonlyMap<CodebookField, number>,
): CodebookEntry[] {
  const seen = new Map<string, number>();
  return rows.flatMap((row) => {
    const cell = (field: CodebookField): string | undefined => {
      const index = columns.get(field);
      // An export guards text that starts like a formula ("'=..."); take that off.
      return index === undefined ? undefined : unguardFormula(row.cells[index] ?? "");
    };
    const fail = (problem: string): never => {
      throw new CairnError(
        "bad_input",
        `${file} row ${row.line}: ${problem}; nothing was imported`,
      );
    };
    const pathText = (cell("path") ?? "").trim();
    if (pathText === "") {
      if (row.cells.every((text) => text.trim() === "")) return [];
      return fail("the path is empty");
    }
    const path = parsePath(pathText, fail);
    const key = codePathKey(path);
    const earlier = seen.get(key);
    if (earlier !== undefined) fail(`${quoteCell(path.join(" > "))} is already on row ${earlier}`);
    seen.set(key, row.line);
    const color = parseColor(cell("color") ?? "", fail);
    const details: Partial<Record<DescriptiveField, string>> = {};
    for (const field of DESCRIPTIVE_FIELDS) {
      // Line breaks as "\n", whatever the file wrote: an XLSX cell and a text box say so.
      const text = cell(field)?.replace(/\r\n?/g, "\n");
      if (text === undefined) continue;
      if (text.length > MAX_TEXT)
        fail(`the ${CODEBOOK_HEADER[field]} is over ${MAX_TEXT.toLocaleString("en")} characters`);
      if (!wellFormed(text)) fail(`the ${CODEBOOK_HEADER[field]} holds half a character`);
      details[field] = text;
    }
    return [{ row: row.line, path, ...(color !== undefined && { color }), details }];
  });
}

function parsePath(text: string, fail: (problem: string) => never): string[] {
  const levels = text.split(">");
  if (levels.length > MAX_DEPTH) fail(`${quoteCell(text)} has more than ${MAX_DEPTH} levels`);
  return levels.map((level, index) => {
    if (level.trim() === "") fail(`${quoteCell(text)} has an empty level ${index + 1}`);
    const name = codeName.safeParse(level);
    if (!name.success)
      fail(`${quoteCell(level)}: ${name.error.issues[0]?.message ?? "not a code name"}`);
    return name.data as string;
  });
}

function parseColor(text: string, fail: (problem: string) => never): string | undefined {
  const color = text.trim();
  if (color === "") return undefined;
  const match = /^#?([0-9a-f]{6})$/i.exec(color);
  if (!match) return fail(`the colour ${quoteCell(color)} is not a colour like #1f77b4`);
  return `#${(match[1] as string).toLowerCase()}`;
}
