/**
 * The columns of a codebook file: their names as written on export, and the header names
 * an import accepts for them (case, spaces, "_" and "-" aside; "code" for "path",
 * "colour" for "color", "definition" for "description").
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { quoteCell } from "../../../shared/import/quote-cell.ts";

export const CODEBOOK_FIELDS = [
  "path",
  "color",
  "description",
  "whenToUse",
  "whenNotToUse",
  "example",
] as const;
export type CodebookField = (typeof CODEBOOK_FIELDS)[number];

/** The header written on export, in column order. */
export const CODEBOOK_HEADER: Readonly<Record<CodebookField, string>> = {
  path: "path",
  color: "color",
  description: "description",
  whenToUse: "when to use",
  whenNotToUse: "when not to use",
  example: "example",
};

const ALIASES: Readonly<Record<string, CodebookField>> = {
  path: "path",
  code: "path",
  color: "color",
  colour: "color",
  description: "description",
  definition: "description",
  whentouse: "whenToUse",
  whennottouse: "whenNotToUse",
  example: "example",
};

const headerKey = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");

/** Whether a header names a codebook field. */
export function isCodebookColumn(name: string): boolean {
  return ALIASES[headerKey(name)] !== undefined;
}

/**
 * Which column holds each field. An unknown column, a field given twice or a file
 * without paths is refused: guessing would import the wrong thing silently.
 */
export function mapColumns(
  file: string,
  columns: readonly string[],
  ignored: ReadonlySet<number> = new Set(),
): Map<CodebookField, number> {
  const known = CODEBOOK_FIELDS.map((field) => `"${CODEBOOK_HEADER[field]}"`).join(", ");
  const fields = new Map<CodebookField, number>();
  columns.forEach((column, index) => {
    if (ignored.has(index)) return;
    // The reader tells a repeated header apart as "Description (2)": still a repeat.
    const repeated = /^(.*) \(\d+\)$/.exec(column)?.[1];
    const field =
      ALIASES[headerKey(column)] ??
      (repeated === undefined ? undefined : ALIASES[headerKey(repeated)]);
    if (field === undefined) {
      throw new CairnError(
        "bad_input",
        `${file} has a column ${quoteCell(column)} that a codebook does not have; the columns are ${known}`,
      );
    }
    if (fields.has(field)) {
      const first = columns[fields.get(field) as number];
      throw new CairnError(
        "bad_input",
        `${file} has the ${CODEBOOK_HEADER[field]} twice (columns ${quoteCell(first ?? "")} and ${quoteCell(column)})`,
      );
    }
    fields.set(field, index);
  });
  if (!fields.has("path")) {
    throw new CairnError(
      "bad_input",
      `${file} has no "path" column (the code's path, with ">" between levels); the columns are ${known}`,
    );
  }
  return fields;
}
