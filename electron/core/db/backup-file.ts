/**
 * The SQLite side of backups: writing a consistent copy of the open project while it is
 * in use, turning the copy into a self-contained file, and reading a backup (which may
 * be encrypted) without changing it.
 */
import Database from "better-sqlite3";
import type { BackupCounts } from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { countBackupContents } from "./backup-counts.ts";
import { unlock } from "./encryption.ts";
import { CAIRN_APPLICATION_ID, probeHeader } from "./header.ts";
import { nativeBinding, type Db } from "./project-file.ts";

/**
 * Pages copied per turn of the event loop (4 MiB at 4 KiB a page): a few milliseconds
 * each, so the app answers between steps; SQLite's default of 100 pages per step makes a
 * 1,000,000-answer project's backup several times slower.
 */
const PAGES_PER_STEP = 1024;

/**
 * Copies the open project to `target` with SQLite's online backup API, in steps. Edits
 * made on the same connection meanwhile are carried into the copy as it goes, so the
 * copy is the project as it stands when the last step ends. Plain projects only: the
 * API refuses to copy an encrypted database (VACUUM INTO, `saveCopy`, does those).
 */
export async function copyOnline(db: Db, target: string): Promise<void> {
  await db.backup(target, { progress: () => PAGES_PER_STEP });
}

/**
 * Makes a fresh copy a self-contained file (rollback journal instead of WAL, so reading
 * it later leaves no -wal or -shm files beside it) and counts what it holds.
 */
export function sealCopy(path: string, password: string | null): BackupCounts {
  const db = openWithKey(path, password);
  try {
    db.pragma("journal_mode = DELETE");
    return countBackupContents(db);
  } finally {
    db.close();
  }
}

export interface BackupFacts {
  /** Whether the file is encrypted (with a password, as its project was). */
  readonly encrypted: boolean;
  readonly userVersion: number;
  readonly counts: BackupCounts | null;
}

/**
 * Reads a backup without changing it: is it a Cairn project, which schema, what it
 * holds. An encrypted backup needs its `password`: `password_required` without one,
 * `wrong_password` with another.
 */
export function readBackupFile(
  path: string,
  password: string | null,
  { count = true } = {},
): BackupFacts {
  const probe = probeHeader(path);
  if (probe.kind === "empty" || probe.kind === "not_sqlite") {
    throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
  }
  if (probe.kind === "sqlite" && probe.applicationId !== CAIRN_APPLICATION_ID) {
    throw new CairnError("not_a_project", `${path} is a SQLite database but not a Cairn project`);
  }
  const encrypted = probe.kind === "encrypted";
  if (encrypted && password === null) {
    throw new CairnError(
      "password_required",
      `${path} was made under a password; enter that password to restore it`,
    );
  }
  const db = new Database(path, { readonly: true, fileMustExist: true, ...nativeBinding() });
  try {
    // Proves the key (wrong_password) and that the file is a Cairn project.
    if (encrypted && password !== null) unlock(db, path, password);
    const userVersion = db.pragma("user_version", { simple: true }) as number;
    return { encrypted, userVersion, counts: count ? countsOrNull(db) : null };
  } catch (error) {
    if (error instanceof CairnError) throw error;
    throw new CairnError("not_a_project", `${path} is not a readable Cairn project file`);
  } finally {
    db.close();
  }
}

/** Whether `path` opens with `password` (null: a plain file), without changing it. */
export function opensWith(path: string, password: string | null): boolean {
  try {
    readBackupFile(path, password, { count: false });
    return true;
  } catch {
    return false;
  }
}

function countsOrNull(db: Db): BackupCounts | null {
  try {
    return countBackupContents(db);
  } catch {
    // A backup damaged past its first pages, or from a schema without these tables.
    return null;
  }
}

/** A connection to a fresh copy, keyed as the project is (encryption.ts). */
function openWithKey(path: string, password: string | null): Db {
  const db = new Database(path, { fileMustExist: true, ...nativeBinding() });
  if (password !== null) {
    try {
      unlock(db, path, password);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}
