/**
 * Writes a mapped table into a project, merging by respondent id: new respondents and
 * questions are added, an answer with the same text is kept (and gains any new coder's
 * codes), and an answer whose text differs is a conflict the user settles. The whole
 * import is one transaction: cancelled, failed or stopped by an unsettled conflict,
 * the project is exactly as before.
 *
 * This module owns that transaction; the mapping is checked first (column-plan.ts) and
 * each row is written by an ImportWriter (import-writer.ts).
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { ImportProgress } from "../../../shared/import/inspection.ts";
import type {
  ConflictDecision,
  ConflictPolicy,
  ImportMapping,
  ImportReport,
} from "../../../shared/import/mapping.ts";
import { clearHistory } from "../coding/history.ts";
import type { Db } from "../db/project-file.ts";
import { planColumns } from "./column-plan.ts";
import { ImportWriter } from "./import-writer.ts";
import type { TableSource } from "./sources/table.ts";

export interface ImportOptions {
  readonly mapping: ImportMapping;
  readonly onConflict: ConflictPolicy;
  /** Per-conflict choices from a previous attempt; they win over `onConflict`. */
  readonly decisions?: readonly ConflictDecision[];
  /** Do everything and report, then roll back. */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly now?: () => Date;
}

export async function runImport(
  db: Db,
  source: TableSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const plan = planColumns(source, options.mapping, db);
  db.exec("BEGIN IMMEDIATE");
  try {
    const writer = new ImportWriter(db, source, plan, options);
    for await (const batch of source.batches()) {
      if (options.signal?.aborted) throw cancelled();
      for (const row of batch) writer.write(row);
      options.onProgress?.({ rows: writer.rows, ...source.progress() });
      // Let progress events and a click on Cancel through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw cancelled();
    const report = writer.report();
    if (report.applied && !options.dryRun) {
      // Undo steps recorded before the import would replay onto data it changed.
      clearHistory(db);
      db.exec("COMMIT");
      return report;
    }
    db.exec("ROLLBACK");
    return { ...report, applied: false };
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function cancelled(): CairnError {
  return new CairnError("cancelled", "the import was cancelled; the project is unchanged");
}
