/**
 * The import as the app and the CLI use it: first a look at the source (columns,
 * preview, the guessed mapping, the placeholders found), then the import itself on the
 * open project, one at a time, with progress and a way to cancel.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { nonResponseSet } from "../../../shared/answers/status.ts";
import {
  detectedPlaceholders,
  guessMapping,
  profileColumns,
} from "../../../shared/import/guess.ts";
import type { ImportInspection, ImportProgress } from "../../../shared/import/inspection.ts";
import type {
  ConflictDecision,
  ConflictPolicy,
  ImportMapping,
  ImportReport,
  ImportSource,
} from "../../../shared/import/mapping.ts";
import type { ProjectSession } from "../services/project-session.ts";
import { openSource, sourceKind } from "./open-source.ts";
import { runImport } from "./run-import.ts";
import type { CsvSource } from "./sources/csv.ts";

/** Rows read to guess the mapping and count placeholders. */
const SAMPLE_ROWS = 1000;
const PREVIEW_ROWS = 20;

export async function inspectImport(
  source: ImportSource,
  options: { coder?: string } = {},
): Promise<ImportInspection> {
  const kind = sourceKind(source);
  const sheets =
    kind === "xlsx"
      ? await (await import("./sources/xlsx.ts")).listSheets(source.paths[0] as string)
      : [];
  const table = await openSource(source);
  try {
    const sample: { line: number; cells: readonly string[] }[] = [];
    for await (const batch of table.batches()) {
      sample.push(...batch.slice(0, SAMPLE_ROWS - sample.length));
      if (sample.length >= SAMPLE_ROWS) break;
    }
    const rows = sample.map((row) => row.cells);
    const guess = withIdField(
      guessMapping({
        columns: table.columns,
        rows,
        questionTexts: table.questionTexts,
        ...(options.coder ? { coder: options.coder } : {}),
      }),
      table.columns,
      source.idField,
    );
    const csv = kind === "csv" ? (table as CsvSource) : null;
    return {
      kind,
      name: table.name,
      unit: table.unit,
      columns: table.columns,
      encoding: csv?.encoding ?? null,
      delimiter: csv?.delimiter ?? null,
      sheets,
      preview: sample.slice(0, PREVIEW_ROWS),
      sampled: sample.length,
      profiles: profileColumns(table.columns, rows),
      questionTexts: Object.fromEntries(table.questionTexts),
      guess,
      placeholders: detectedPlaceholders(
        table.columns,
        rows,
        guess.questions.map((q) => q.column),
        nonResponseSet(guess.nonResponses),
      ),
      warnings: table.warnings,
    };
  } finally {
    await table.close();
  }
}

/** A Word form's field the user named as the respondent id is the id column. */
function withIdField(
  guess: ImportMapping,
  columns: readonly string[],
  idField: string | undefined,
): ImportMapping {
  const wanted = idField?.trim().toLowerCase();
  const column = wanted ? columns.find((c) => c.trim().toLowerCase() === wanted) : undefined;
  if (!column) return guess;
  const others = guess.idColumn === null || guess.idColumn === column ? [] : [guess.idColumn];
  return {
    ...guess,
    idColumn: column,
    attributeColumns: [...others, ...guess.attributeColumns.filter((c) => c !== column)],
    questions: guess.questions.filter((q) => q.column !== column),
  };
}

export interface ImportRequest {
  readonly source: ImportSource;
  readonly mapping: ImportMapping;
  readonly onConflict: ConflictPolicy;
  readonly decisions?: readonly ConflictDecision[];
  /** Run it and report, then roll it back. */
  readonly dryRun?: boolean;
}

/** Runs imports on a session's open project, one at a time, and cancels them. */
export class ImportJobs {
  private running: AbortController | null = null;

  constructor(
    private readonly session: ProjectSession,
    private readonly onProgress: (progress: ImportProgress) => void = () => {},
  ) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  async run(request: ImportRequest): Promise<ImportReport> {
    if (this.running) {
      throw new CairnError("busy", "an import is already running; wait for it or cancel it");
    }
    const controller = new AbortController();
    this.running = controller;
    try {
      const report = await this.session.exclusive("an import", async (db) => {
        const table = await openSource(request.source);
        try {
          return await runImport(db, table, {
            mapping: request.mapping,
            onConflict: request.onConflict,
            ...(request.decisions ? { decisions: request.decisions } : {}),
            dryRun: request.dryRun ?? false,
            signal: controller.signal,
            onProgress: this.onProgress,
          });
        } finally {
          await table.close();
        }
      });
      if (report.applied) this.session.notifyChanged();
      return report;
    } finally {
      this.running = null;
    }
  }

  /** Stops the running import, if any; it rolls back and reports "cancelled". */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}
