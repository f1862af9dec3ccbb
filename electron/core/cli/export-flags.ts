/**
 * The flags of `cairn export`: OUT's extension chooses the format, and each flag belongs
 * to the formats it means something for, so `--sheets` on a .csv or `--positions` on a
 * .xlsx is a usage mistake rather than silently ignored. Checked before the project is
 * opened; the names in the flags (coder, attribute values) are resolved in it after.
 */
import { extname, resolve } from "node:path";
import {
  EXPORT_SHEETS,
  EXPORT_TABLES,
  MATRIX_COLUMNS,
  MATRIX_VALUES,
  REFI_POSITIONS,
  type ExportCoding,
  type ExportFormat,
  type ExportRequest,
  type ExportSheet,
  type ExportTable,
  type MatrixColumns,
  type MatrixValues,
} from "../../../shared/api/export-api.ts";
import type { Db } from "../db/project-file.ts";
import { UsageError } from "./args.ts";
import { coderNamed } from "./coding-lookup.ts";
import { WHERE_OPTION, whereFlags, whereValues } from "./where-flag.ts";

export const EXPORT_OPTIONS = {
  sheets: { type: "string" },
  table: { type: "string" },
  "no-bom": { type: "boolean" },
  coder: { type: "string" },
  "all-coders": { type: "boolean" },
  consensus: { type: "boolean" },
  matrix: { type: "string" },
  "matrix-columns": { type: "string" },
  "whole-answer": { type: "boolean" },
  ...WHERE_OPTION,
  positions: { type: "string" },
  json: { type: "boolean" },
} as const;

export interface ExportFlagValues {
  readonly sheets?: string | undefined;
  readonly table?: string | undefined;
  readonly "no-bom"?: boolean | undefined;
  readonly coder?: string | undefined;
  readonly "all-coders"?: boolean | undefined;
  readonly consensus?: boolean | undefined;
  readonly matrix?: string | undefined;
  readonly "matrix-columns"?: string | undefined;
  readonly "whole-answer"?: boolean | undefined;
  readonly where?: unknown;
  readonly positions?: string | undefined;
}

const EXTENSIONS: Record<string, ExportFormat> = {
  ".xlsx": "xlsx",
  ".csv": "csv",
  ".qdpx": "qdpx",
  ".qdc": "qdc",
};

const TABLE_FORMATS: readonly ExportFormat[] = ["xlsx", "csv"];

/** The formats each flag means something for. */
const FLAG_FORMATS: Record<keyof ExportFlagValues, readonly ExportFormat[]> = {
  sheets: ["xlsx"],
  table: ["csv"],
  "no-bom": ["csv"],
  coder: TABLE_FORMATS,
  "all-coders": TABLE_FORMATS,
  consensus: TABLE_FORMATS,
  matrix: TABLE_FORMATS,
  "matrix-columns": TABLE_FORMATS,
  "whole-answer": TABLE_FORMATS,
  where: TABLE_FORMATS,
  positions: ["qdpx"],
};

/** What the flags say before the project is opened: the names are resolved later. */
export interface ExportPlan {
  readonly format: ExportFormat;
  /** OUT as a full path. */
  readonly path: string;
  readonly values: ExportFlagValues;
}

/** The format from OUT's extension, and every flag checked against it. */
export function exportPlan(out: string, values: ExportFlagValues): ExportPlan {
  const format = EXTENSIONS[extname(out).toLowerCase()];
  if (format === undefined) {
    throw new UsageError(
      `cairn export: ${out} should end in .xlsx, .csv, .qdpx or .qdc (the format follows the extension)`,
    );
  }
  for (const [flag, formats] of Object.entries(FLAG_FORMATS)) {
    if (values[flag as keyof ExportFlagValues] === undefined) continue;
    if (!formats.includes(format)) {
      throw new UsageError(
        `cairn export: --${flag} does not apply to a .${format} file (only to ${formats
          .map((f) => `.${f}`)
          .join(" and ")})`,
      );
    }
  }
  const coding = [values.coder !== undefined, values["all-coders"], values.consensus];
  if (coding.filter(Boolean).length > 1) {
    throw new UsageError("cairn export: give one of --coder NAME, --all-coders or --consensus");
  }
  if (format === "csv" && values.table === undefined) {
    throw new UsageError(
      `cairn export: a .csv file holds one table: add --table ${EXPORT_TABLES.join("|")}`,
    );
  }
  // Read now, so a misspelt value fails before the project is opened.
  sheetsFlag(values.sheets);
  oneOf("table", values.table, EXPORT_TABLES);
  oneOf("matrix", values.matrix, MATRIX_VALUES);
  oneOf("matrix-columns", values["matrix-columns"], MATRIX_COLUMNS);
  oneOf("positions", values.positions, REFI_POSITIONS);
  return { format, path: resolve(out), values };
}

/** The request the plan makes in this project (coder and attribute names resolved). */
export function exportRequest(db: Db, file: string, plan: ExportPlan): ExportRequest {
  const { format, path, values } = plan;
  switch (format) {
    case "qdpx":
      return {
        format,
        path,
        positions: oneOf("positions", values.positions, REFI_POSITIONS) ?? "codepoints",
      };
    case "qdc":
      return { format, path };
    case "xlsx": {
      const sheets = sheetsFlag(values.sheets);
      return { format, path, ...(sheets && { sheets }), ...tableOptions(db, file, values) };
    }
    case "csv":
      return {
        format,
        path,
        table: oneOf("table", values.table, EXPORT_TABLES) as ExportTable,
        bom: !values["no-bom"],
        ...tableOptions(db, file, values),
      };
  }
}

function tableOptions(db: Db, file: string, values: ExportFlagValues) {
  const filter = whereFlags("export", db, whereValues(values.where));
  return {
    coding: codingFlag(db, file, values),
    matrix: (oneOf("matrix", values.matrix, MATRIX_VALUES) ?? "presence") as MatrixValues,
    matrixColumns: (oneOf("matrix-columns", values["matrix-columns"], MATRIX_COLUMNS) ??
      "code") as MatrixColumns,
    wholeAnswer: values["whole-answer"] === true,
    ...(filter.length > 0 && {
      filter: filter.map(({ name, values: list }) => ({ name, values: [...list] })),
    }),
  };
}

/** Whose coding: a named coder, the consensus, or every coder merged (the default). */
function codingFlag(db: Db, file: string, values: ExportFlagValues): ExportCoding {
  if (values.coder !== undefined) {
    return { kind: "coder", coderId: coderNamed(db, file, values.coder) };
  }
  if (values.consensus) return { kind: "consensus" };
  return { kind: "all" };
}

/** "segments, Matrix" -> ["segments", "matrix"], in the order given, each once. */
function sheetsFlag(value: string | undefined): ExportSheet[] | undefined {
  if (value === undefined) return undefined;
  const sheets: ExportSheet[] = [];
  for (const word of value.split(",")) {
    const sheet = oneOf("sheets", word, EXPORT_SHEETS) as ExportSheet;
    if (!sheets.includes(sheet)) sheets.push(sheet);
  }
  return sheets;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  const found = allowed.find((option) => option === wanted);
  if (found === undefined) {
    throw new UsageError(`cairn export: --${flag} "${value}" is not one of ${allowed.join(", ")}`);
  }
  return found;
}
