/**
 * When the project file itself refuses a write (the disk is full, the file became
 * read-only, the drive went away), an edit or an undo fails through no fault of its
 * own: the user gets one sentence about the file, and the undo history is kept, since
 * the same step will replay once the file can be written again. SQLite rolls the
 * transaction back, so nothing of the refused change is in the file
 * (docs/decisions/0020-crash-safety.md).
 */
import { accessSync, constants, statfsSync } from "node:fs";
import { dirname } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";

export interface StorageFailure {
  readonly what: string;
  readonly remedy: string;
}

const FULL: StorageFailure = { what: "the disk is full", remedy: "free some space and try again" };
const READ_ONLY: StorageFailure = {
  what: "the project file has become read-only",
  remedy: "make it writable again (or reconnect its drive) and try again",
};
const UNREACHABLE: StorageFailure = {
  what: "the project file cannot be reached",
  remedy: "reconnect its drive and try again",
};
const DISK_ERROR: StorageFailure = {
  what: "the disk reported an error writing the project file",
  remedy: "check the drive (it may be full, read-only or disconnected) and try again",
};

/** SQLite's result codes for a file that cannot be written now, by prefix. */
const STORAGE_FAILURES: readonly (readonly [prefix: string, failure: StorageFailure])[] = [
  ["SQLITE_FULL", FULL],
  ["SQLITE_READONLY", READ_ONLY],
  ["SQLITE_IOERR", DISK_ERROR],
  ["SQLITE_CANTOPEN", UNREACHABLE],
  [
    "SQLITE_NOMEM",
    { what: "the computer ran out of memory", remedy: "close other programs and try again" },
  ],
  [
    "SQLITE_BUSY",
    { what: "another program is writing the project file", remedy: "try again in a moment" },
  ],
];

/** Node's own codes for the same failures (a copy or export written with fs). */
const SYSTEM_FAILURES: Readonly<Record<string, StorageFailure>> = {
  ENOSPC: FULL,
  EDQUOT: FULL,
  EFBIG: {
    what: "the file has grown past the size this drive allows",
    remedy: "move the project to another drive and try again",
  },
  EROFS: READ_ONLY,
};

function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

/**
 * What kept the file from being written, or null when the failure is not the file's.
 * SQLite says only "disk I/O error" for a drive that went read-only or full under it;
 * given the project's `path`, the file and its drive are asked which it was.
 */
export function storageFailureOf(error: unknown, path?: string): StorageFailure | null {
  const code = errorCode(error);
  if (code === null) return null;
  if (code in SYSTEM_FAILURES) return SYSTEM_FAILURES[code] ?? null;
  if (!code.startsWith("SQLITE_")) return null;
  const found = STORAGE_FAILURES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? null;
  return found === DISK_ERROR && path !== undefined ? diagnose(path) : found;
}

/** Why a file that SQLite failed to write cannot be written: the likeliest reason first. */
function diagnose(path: string): StorageFailure {
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EROFS" || code === "EACCES" || code === "EPERM") return READ_ONLY;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EIO") return UNREACHABLE;
  }
  try {
    if (statfsSync(dirname(path)).bavail === 0) return FULL;
  } catch {
    return UNREACHABLE;
  }
  return DISK_ERROR;
}

/** The error to report for `doing` ('save "Apply Safety"') refused by the file. */
export function storageError(doing: string, failure: StorageFailure): CairnError {
  return new CairnError(
    "io",
    `could not ${doing}: ${failure.what}. Nothing was changed; ${failure.remedy}.`,
  );
}
