/**
 * Exports: one entry point for every format, run as a job that reports progress and can
 * be cancelled. An export only reads the project, and writes its file beside the target
 * first, renaming it in at the end, so a failure or a cancel leaves nothing at the path.
 */
import type {
  ExportProgress,
  ExportReport,
  ExportRequest,
} from "../../../shared/api/export-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Db } from "../db/project-file.ts";
import { writeQdc } from "../refi/export/qdc-export.ts";
import { writeQdpx } from "../refi/export/qdpx-export.ts";
import type { ProjectSession } from "../services/project-session.ts";
import { writeCsvExport } from "./spreadsheet/csv-export.ts";
import { writeWorkbookExport } from "./spreadsheet/workbook-export.ts";

export interface ExportContext {
  /** Aborted by `export.cancel`: stop at the next batch and throw CairnError("cancelled"). */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: ExportProgress) => void;
  /** When the export runs, as an ISO string (dates in headers, REFI's dateTimes). */
  readonly now: string;
}

export async function runExport(
  db: Db,
  request: ExportRequest,
  context: ExportContext,
): Promise<ExportReport> {
  switch (request.format) {
    case "xlsx":
      return writeWorkbookExport(db, request, context);
    case "csv":
      return writeCsvExport(db, request, context);
    case "qdpx":
      return writeQdpx(db, request, context);
    case "qdc":
      return writeQdc(db, request, context);
  }
}

/** The one export that may run at a time in a session, and how to cancel it. */
export class ExportJobs {
  private running: AbortController | null = null;

  constructor(
    private readonly session: ProjectSession,
    private readonly onProgress: (progress: ExportProgress) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(request: ExportRequest): Promise<ExportReport> {
    if (this.running) {
      throw new CairnError("busy", "an export is already running; wait for it or cancel it");
    }
    const controller = new AbortController();
    this.running = controller;
    try {
      // Exclusive: no edit lands halfway through, so every sheet tells the same story.
      return await this.session.exclusive("an export", (db) =>
        runExport(db, request, {
          signal: controller.signal,
          onProgress: this.onProgress,
          now: this.now().toISOString(),
        }),
      );
    } finally {
      this.running = null;
    }
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}
