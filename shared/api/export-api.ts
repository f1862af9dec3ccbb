/**
 * The export and exchange part of the API: coded tables to a spreadsheet (.xlsx with
 * chosen sheets, or one table as CSV), the project to REFI-QDA (.qdpx, or the codebook
 * alone as .qdc), and a REFI-QDA file from NVivo, ATLAS.ti, MAXQDA or QualCoder into a
 * new project. Exports only read the project; decision 0016 records the mappings.
 */
import { z } from "zod";
import type { ProjectSummary } from "../domain.ts";
import { answerFilterSchema } from "./answer-filter.ts";
import { coderId, entry, filePath } from "./schemas.ts";

/** The sheets of an .xlsx export, in the workbook's order. */
export const EXPORT_SHEETS = [
  "segments",
  "matrix",
  "frequencies",
  "codebook",
  "agreement",
] as const;
export type ExportSheet = (typeof EXPORT_SHEETS)[number];

/** The tables one CSV file can hold (the agreement report has two levels: .xlsx only). */
export const EXPORT_TABLES = ["segments", "matrix", "frequencies", "codebook"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** Whose coding the tables count: one coder, every coder merged, or the consensus. */
export const exportCodingSchema = z.union([
  z.object({ kind: z.literal("coder"), coderId }).strict(),
  z.object({ kind: z.literal("all") }).strict(),
  z.object({ kind: z.literal("consensus") }).strict(),
]);
export type ExportCoding = z.output<typeof exportCodingSchema>;

export const MATRIX_VALUES = ["presence", "counts"] as const;
export type MatrixValues = (typeof MATRIX_VALUES)[number];
/** A column per code (across questions), or per question x code. */
export const MATRIX_COLUMNS = ["code", "question-code"] as const;
export type MatrixColumns = (typeof MATRIX_COLUMNS)[number];

/** REFI-QDA positions: Unicode code points (the standard), or UTF-16 units (NVivo). */
export const REFI_POSITIONS = ["codepoints", "utf16"] as const;
export type RefiPositions = (typeof REFI_POSITIONS)[number];

/** What the table-shaped exports (xlsx and csv) share. */
const tableOptions = {
  coding: exportCodingSchema.default({ kind: "all" }),
  /** Matrix cells: 0/1 presence or the number of segments. */
  matrix: z.enum(MATRIX_VALUES).default("presence"),
  matrixColumns: z.enum(MATRIX_COLUMNS).default("code"),
  /** Segments: add the whole answer beside the coded text. */
  wholeAnswer: z.boolean().default(false),
  /**
   * The frequency panel's filter: only respondents whose attribute has one of the values
   * (several attributes: all). It narrows every table, and is stated above each.
   */
  filter: answerFilterSchema.shape.attributes,
};

export const exportRequestSchema = z.discriminatedUnion("format", [
  z
    .object({
      format: z.literal("xlsx"),
      path: filePath,
      /** Absent: every sheet that has data. */
      sheets: z
        .array(z.enum(EXPORT_SHEETS))
        .min(1, "choose at least one sheet")
        .refine((s) => new Set(s).size === s.length, "choose each sheet once")
        .optional(),
      /** The agreement sheet's coders; absent: the last review's, or the first two. */
      agreementCoderIds: z.array(coderId).min(2).max(12).optional(),
      ...tableOptions,
    })
    .strict(),
  z
    .object({
      format: z.literal("csv"),
      path: filePath,
      table: z.enum(EXPORT_TABLES),
      /** A byte-order mark, so Excel reads the file as UTF-8 (true by default). */
      bom: z.boolean().default(true),
      ...tableOptions,
    })
    .strict(),
  z
    .object({
      format: z.literal("qdpx"),
      path: filePath,
      positions: z.enum(REFI_POSITIONS).default("codepoints"),
    })
    .strict(),
  z.object({ format: z.literal("qdc"), path: filePath }).strict(),
]);
export type ExportRequest = z.output<typeof exportRequestSchema>;
export type ExportFormat = ExportRequest["format"];

export interface ExportedSheet {
  /** The sheet's name in the workbook ("Segments"), or the table's for a CSV. */
  readonly name: string;
  /** Data rows written (header rows aside). */
  readonly rows: number;
}

export interface ExportReport {
  /** The file written (a full path). */
  readonly path: string;
  readonly format: ExportFormat;
  /** Whose coding the tables count, in words ("Aoife", "all coders, merged", "consensus"). */
  readonly coding: string | null;
  /** The sheets (xlsx) or the one table (csv) written; empty for REFI-QDA. */
  readonly sheets: readonly ExportedSheet[];
  /** REFI-QDA: what the file holds; null for spreadsheets. */
  readonly refi: RefiExportCounts | null;
  readonly bytes: number;
  /** The respondents the tables were narrowed to ("Country = Ireland; 12 of 18"), or null. */
  readonly filter: string | null;
  /** What the file could not hold exactly, one sentence each (e.g. characters XML forbids). */
  readonly warnings: readonly string[];
}

export interface RefiExportCounts {
  readonly users: number;
  readonly codes: number;
  readonly cases: number;
  readonly variables: number;
  readonly sources: number;
  readonly selections: number;
  readonly codings: number;
  readonly notes: number;
  readonly positions: RefiPositions;
}

/** A running export's progress, after each batch of rows (or sources). */
export interface ExportProgress {
  /** What is being written ("Segments", "sources"). */
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** How a REFI-QDA file's positions were read (detected by word boundaries). */
export interface RefiPositionReading {
  readonly unit: RefiPositions;
  /** A CRLF line end counted as one position or two. */
  readonly crlf: 1 | 2;
  /** Selections whose start and end both fall on word boundaries under this reading. */
  readonly onWordBoundaries: number;
  readonly selections: number;
  /**
   * Selections (of a file another program wrote) with an edge inside a word, widened to
   * the whole word on import: coders mean words, and a highlight starting mid-word reads
   * as a fault. A Cairn file's positions are kept exactly.
   */
  readonly widened: number;
  /** "UTF-16 code units, CRLF as 2 (as NVivo writes them): 303 of 303 on word boundaries". */
  readonly explanation: string;
}

export interface RefiImportReport {
  /** The project written into (a full path). */
  readonly path: string;
  readonly kind: "project" | "codebook";
  /** The program that wrote the file (its `origin`), or null. */
  readonly origin: string | null;
  readonly users: number;
  readonly codes: number;
  readonly respondents: number;
  readonly questions: number;
  readonly answers: number;
  readonly segments: number;
  readonly memos: number;
  /** Null for a codebook, or a project without selections. */
  readonly positions: RefiPositionReading | null;
  /** What was read leniently or left out, one sentence each ("3 PDF sources skipped"). */
  readonly warnings: readonly string[];
}

export const exportApi = {
  /**
   * Writes an export; progress comes as `export.progress` events and `export.cancel`
   * stops it (nothing is left at the path). The project is only read.
   */
  "export.run": entry<ExportReport>()(exportRequestSchema),
  "export.cancel": entry<{ cancelled: boolean }>()(z.object({}).strict()),
  /**
   * Reads a REFI-QDA project (.qdpx) into a new project file at `project` and opens it.
   * A file that cannot be read leaves nothing behind. (A codebook, .qdc, goes into the
   * open project through `codebook.import`.)
   */
  "refi.import": entry<{ report: RefiImportReport; summary: ProjectSummary }>()(
    z.object({ path: filePath, project: filePath }).strict(),
  ),
} as const;
