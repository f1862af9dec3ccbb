/**
 * Reading exports back for the export tests: a workbook's sheets as rows of cell values
 * (with the header row its frozen pane names), a CSV file through papaparse, and runs of
 * the export job on the test survey (test/helpers/export-project.ts).
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import { runExport, type ExportContext } from "../../electron/core/export/export-service.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import {
  exportRequestSchema,
  type ExportProgress,
  type ExportReport,
} from "../../shared/api/export-api.ts";
import { exportProject, type ExportProject } from "../helpers/export-project.ts";
import { NOW } from "../helpers/coding-project.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

export interface Opened {
  readonly project: ExportProject;
  readonly core: Core;
  readonly db: Db;
  readonly dir: string;
}

/**
 * For a test file: the survey (built once per file, copied for each test), opened; its
 * core is shut down after each test.
 */
export function useExportProject(): () => Promise<Opened> {
  const tempDir = useTempDir();
  let built: Promise<ExportProject> | null = null;
  let builtIn: string | null = null;
  let core: Core | null = null;
  afterEach(() => {
    core?.shutdown();
    core = null;
  });
  afterAll(() => {
    if (builtIn) rmSync(builtIn, { recursive: true, force: true });
  });
  return async () => {
    built ??= exportProject((builtIn = mkdtempSync(join(tmpdir(), "cairn-export-"))));
    const original = await built;
    const dir = tempDir();
    const path = join(dir, "survey.cairn");
    copyFileSync(original.path, path);
    const open = () => {
      const opened = createCore({
        shell: "browser",
        userDataDir: join(dir, "home"),
        now: fixedClock,
      });
      opened.session.open(path);
      return opened;
    };
    const project: ExportProject = { ...original, path, dir, open };
    core = open();
    return { project, core, db: core.session.db(), dir };
  };
}

export function context(
  progress: ExportProgress[] = [],
  signal = new AbortController().signal,
): ExportContext {
  return { signal, onProgress: (p) => progress.push(p), now: NOW };
}

/** Runs an export of `request` (defaults filled in as the API's schema does). */
export function exportOf(
  db: Db,
  request: Record<string, unknown>,
  ctx: ExportContext = context(),
): Promise<ExportReport> {
  return runExport(db, exportRequestSchema.parse(request), ctx);
}

export type Row = unknown[];

export interface SheetRows {
  readonly sheet: ExcelJS.Worksheet;
  /** Every row, column A first (rows[0] is row 1). */
  readonly rows: Row[];
  /** The table's header (the row the frozen pane ends at) and the data rows below it. */
  readonly header: Row;
  readonly data: Row[];
  /** The rows above the header. */
  readonly notes: Row[];
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export function rowsOf(sheet: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (row) => row ?? []);
}

export function sheetRows(workbook: ExcelJS.Workbook, name: string): SheetRows {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  const rows = rowsOf(sheet);
  const headerAt = (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 1;
  const width = (rows[headerAt - 1] ?? []).length;
  const pad = (row: Row) => Array.from({ length: width }, (_, i) => row[i] ?? null);
  return {
    sheet,
    rows,
    header: rows[headerAt - 1] ?? [],
    data: rows.slice(headerAt).map(pad),
    notes: rows.slice(0, headerAt - 1),
  };
}

/** A data row as an object by header title. */
export function byTitle(header: Row, row: Row): Record<string, unknown> {
  return Object.fromEntries(header.map((title, i) => [String(title), row[i] ?? null]));
}

export function readCsv(path: string): {
  bytes: Buffer;
  rows: Record<string, string>[];
  fields: string[];
} {
  const bytes = readFileSync(path);
  const textBody = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(textBody, {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors));
  return { bytes, rows: parsed.data, fields: parsed.meta.fields ?? [] };
}

/** Code points of a text, sliced as Python does: text[start:end]. */
export function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}
