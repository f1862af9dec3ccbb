/** Placeholder: the REFI-QDA import owner replaces this file. */
import type { RefiImportReport } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { CodebookEntry } from "../../codebook-file/entries.ts";
import type { Db } from "../../db/project-file.ts";

export interface RefiImportOptions {
  /** When the import runs, as an ISO string (segments without a date get it). */
  readonly now: string;
}

/**
 * Reads a .qdpx into an open project that has no answers yet, in one transaction: a file
 * that cannot be read (or is refused: unsafe zip, external entities...) changes nothing.
 */
export function importRefiProject(
  _db: Db,
  _qdpxPath: string,
  _options: RefiImportOptions,
): Promise<RefiImportReport> {
  return Promise.reject(new CairnError("internal", "REFI-QDA import is not written yet"));
}

export interface RefiCodebook {
  readonly origin: string | null;
  readonly entries: readonly CodebookEntry[];
  /** What was read leniently ("ids that are not GUIDs: c001, c21…"). */
  readonly warnings: readonly string[];
}

/** Reads a .qdc (or a .qdpx's codebook) into codebook entries, with lenient warnings. */
export function readRefiCodebook(
  _path: string,
): Promise<RefiCodebook> {
  return Promise.reject(new CairnError("internal", "REFI-QDA codebook import is not written yet"));
}
