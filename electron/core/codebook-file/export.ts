/**
 * The codebook written as a file to share before coding: one row per code in tree order
 * (parents before children), its path with " > " between levels, its colour and
 * descriptive fields. CSV is UTF-8 with a BOM (so Excel reads the accents) and RFC 4180
 * quoting, a cell that would start a formula guarded by an apostrophe (which the import
 * takes off); XLSX has a bold, frozen header and every cell as text.
 */
import ExcelJS from "exceljs";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CodebookFormat } from "../../../shared/api/codebook-api.ts";
import type { CodeNode } from "../../../shared/domain.ts";
import { guardFormula } from "../../../shared/text/spreadsheet-safe.ts";
import { CODEBOOK_FIELDS, CODEBOOK_HEADER, type CodebookField } from "./columns.ts";

export const PATH_SEPARATOR = " > ";

/** The file's rows after the header, one per code in tree order. */
export function codebookRows(tree: readonly CodeNode[]): string[][] {
  const rows: string[][] = [];
  const walk = (nodes: readonly CodeNode[]): void => {
    for (const node of nodes) {
      const values: Record<CodebookField, string> = {
        path: node.path.join(PATH_SEPARATOR),
        color: node.color,
        description: node.description,
        whenToUse: node.whenToUse,
        whenNotToUse: node.whenNotToUse,
        example: node.example,
      };
      rows.push(CODEBOOK_FIELDS.map((field) => values[field]));
      walk(node.children);
    }
  };
  walk(tree);
  return rows;
}

const HEADER = CODEBOOK_FIELDS.map((field) => CODEBOOK_HEADER[field]);

export function codebookCsv(tree: readonly CodeNode[]): string {
  const line = (cells: readonly string[]) => cells.map(csvCell).join(",");
  return "\uFEFF" + [HEADER, ...codebookRows(tree)].map(line).join("\r\n") + "\r\n";
}

function csvCell(raw: string): string {
  const text = guardFormula(raw);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const WIDTHS: Readonly<Record<CodebookField, number>> = {
  path: 40,
  color: 10,
  description: 60,
  whenToUse: 40,
  whenNotToUse: 40,
  example: 40,
};

export function codebookWorkbook(tree: readonly CodeNode[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Codebook", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = CODEBOOK_FIELDS.map((field) => ({
    header: CODEBOOK_HEADER[field],
    key: field,
    width: WIDTHS[field],
    // Text format, so what a user types later (a "1/2", a "=") stays text too.
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  // Plain strings: exceljs writes a formula only when given { formula }, so a description
  // starting with "=" stays the text it is.
  for (const row of codebookRows(tree)) {
    const added = sheet.addRow(row);
    added.alignment = { vertical: "top", wrapText: true };
  }
  return workbook;
}

/** Writes the file next to its place and renames it in, so a failure leaves no half file. */
export async function writeCodebook(
  path: string,
  format: CodebookFormat,
  tree: readonly CodeNode[],
): Promise<void> {
  const partial = `${path}.partial`;
  try {
    if (format === "csv") writeFileSync(partial, codebookCsv(tree), "utf8");
    else await codebookWorkbook(tree).xlsx.writeFile(partial);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    // The system's message names the temporary file; the user knows only `path`.
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "its folder does not exist"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : (error as Error).message.replaceAll(partial, path);
    throw new CairnError("bad_input", `cannot write ${path}: ${reason}`);
  }
}
