/**
 * When the project file itself refuses a write (the disk is full, the file became
 * read-only, the drive went away), an edit or an undo fails through no fault of its
 * own: the user gets a sentence about the file, and the undo history is kept, since
 * the same step will replay once the file can be written again.
 */
import { CairnError } from "../../../shared/api/errors.ts";

/** SQLite's result codes for a file that cannot be written now: what happened, what to do. */
const STORAGE_FAILURES: readonly (readonly [prefix: string, what: string, remedy: string])[] = [
  ["SQLITE_FULL", "the disk is full", "free some space and try again"],
  ["SQLITE_READONLY", "the project file is read-only", "make it writable and try again"],
  ["SQLITE_IOERR", "the disk reported an error writing the project file", "check the drive"],
  ["SQLITE_CANTOPEN", "the project file cannot be reached", "reconnect its drive and try again"],
  ["SQLITE_NOMEM", "the computer ran out of memory", "close other programs and try again"],
  ["SQLITE_BUSY", "another program is writing the project file", "try again in a moment"],
];

export interface StorageFailure {
  readonly what: string;
  readonly remedy: string;
}

function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/** What kept the file from being written, or null when the failure is not the file's. */
export function storageFailureOf(error: unknown): StorageFailure | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  const found = STORAGE_FAILURES.find(([prefix]) => code.startsWith(prefix));
  return found ? { what: found[1], remedy: found[2] } : null;
}

/** The error to report for `doing` ('save "Apply Safety"') refused by the file. */
export function storageError(doing: string, failure: StorageFailure): CairnError {
  return new CairnError(
    "io",
    `could not ${doing}: ${failure.what}. Nothing was changed; ${failure.remedy}.`,
  );
}
