/**
 * The export dialog's choices and the request they make. Only the options of the chosen
 * format go into the request (the contract refuses the others), and the sheets keep the
 * workbook's order whatever order they were ticked in.
 */
import type { ApiInput } from "../../../shared/api/contract.ts";
import {
  EXPORT_SHEETS,
  type ExportCoding,
  type ExportFormat,
  type ExportSheet,
  type ExportTable,
  type MatrixColumns,
  type MatrixValues,
  type RefiPositions,
} from "../../../shared/api/export-api.ts";
import type { CoderId } from "../../../shared/domain.ts";

/** Every coder merged, the consensus of the latest review, or one coder. */
export type CodingChoice = "all" | "consensus" | CoderId;

export interface AttributeCondition {
  readonly name: string;
  readonly values: readonly string[];
}

export interface ExportChoices {
  readonly format: ExportFormat;
  readonly path: string;
  readonly sheets: readonly ExportSheet[];
  readonly table: ExportTable;
  readonly coding: CodingChoice;
  readonly matrix: MatrixValues;
  readonly matrixColumns: MatrixColumns;
  readonly wholeAnswer: boolean;
  readonly bom: boolean;
  readonly positions: RefiPositions;
  /** Narrow the tables to the frequency view's respondents (its attribute filter). */
  readonly applyFilter: boolean;
}

export const DEFAULT_CHOICES: ExportChoices = {
  format: "xlsx",
  path: "",
  sheets: EXPORT_SHEETS,
  table: "segments",
  coding: "all",
  matrix: "presence",
  matrixColumns: "code",
  wholeAnswer: false,
  bom: true,
  positions: "codepoints",
  applyFilter: false,
};

export type ExportInput = ApiInput<"export.run">;

function codingOf(choice: CodingChoice): ExportCoding {
  if (choice === "all") return { kind: "all" };
  if (choice === "consensus") return { kind: "consensus" };
  return { kind: "coder", coderId: choice };
}

/** Why the choices cannot be exported yet, or null when they can. */
export function choicesProblem(choices: ExportChoices): string | null {
  if (choices.path.trim() === "") return "Type where to save the file.";
  if (choices.format === "xlsx" && choices.sheets.length === 0) return "Choose at least one sheet.";
  return null;
}

/**
 * The request for `export.run`. `filter` is the frequency view's attribute filter; it
 * narrows the tables only when the user ticked it, and only for spreadsheets.
 */
export function exportRequestOf(
  choices: ExportChoices,
  filter: readonly AttributeCondition[],
  agreementCoderIds: readonly CoderId[] = [],
): ExportInput {
  const path = choices.path.trim();
  const conditions = choices.applyFilter ? filter.filter((c) => c.values.length > 0) : [];
  const table = {
    coding: codingOf(choices.coding),
    matrix: choices.matrix,
    matrixColumns: choices.matrixColumns,
    wholeAnswer: choices.wholeAnswer,
    ...(conditions.length > 0
      ? { filter: conditions.map((c) => ({ name: c.name, values: [...c.values] })) }
      : {}),
  };
  switch (choices.format) {
    case "xlsx": {
      const sheets = EXPORT_SHEETS.filter((sheet) => choices.sheets.includes(sheet));
      const agreement = sheets.includes("agreement") && agreementCoderIds.length >= 2;
      return {
        format: "xlsx",
        path,
        sheets,
        ...(agreement ? { agreementCoderIds: [...agreementCoderIds] } : {}),
        ...table,
      };
    }
    case "csv":
      return { format: "csv", path, table: choices.table, bom: choices.bom, ...table };
    case "qdpx":
      return { format: "qdpx", path, positions: choices.positions };
    case "qdc":
      return { format: "qdc", path };
  }
}
