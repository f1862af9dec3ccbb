/**
 * Setting, changing or removing a project's password (decision 0017). SQLite3 Multiple
 * Ciphers 2.3 rekeys in place only outside WAL mode, with a fresh salt, and its author
 * warns that a failure part-way through such a rekey can damage the file. So the project
 * itself is never rekeyed: a copy is written (VACUUM INTO), rekeyed on its own
 * connection, checked and flushed, and then renamed over the project in one step. At
 * every moment the project's path names a whole database: the old one or the new one.
 */
import Database from "better-sqlite3";
import { existsSync, renameSync } from "node:fs";
import { basename, dirname } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
// The same flushes as a backup's (they belong together in a small module of their own).
import { syncFolder, syncToDisk } from "./durable-files.ts";
import { applyPassword, keyBytes, unlock, useSqlcipherFormat } from "./encryption.ts";
import {
  closeProjectFile,
  nativeBinding,
  openProjectFile,
  removeProjectFile,
  type Db,
  type OpenedProject,
  type OpenOptions,
} from "./project-file.ts";

export interface PasswordChange {
  /** The project open now: reopened under the new password, or the old one kept. */
  readonly project: OpenedProject | null;
  /** Why the change did not happen (the old file then stands, unchanged). */
  readonly error: unknown;
}

/** The copy being rekeyed; one left by a crash is removed by the next change. */
export function rekeyCopyPath(path: string): string {
  return `${path}.password.tmp`;
}

/**
 * Rewrites the open project under `next` (null: plain). On any failure before the new
 * file is in place, the old file is untouched and open again.
 */
export function changeProjectPassword(
  project: OpenedProject,
  next: string | null,
  options: OpenOptions,
): PasswordChange {
  const { path } = project;
  const copy = rekeyCopyPath(path);
  try {
    writeRekeyedCopy(project.db, copy, project.password, next);
  } catch (error) {
    removeProjectFile(copy);
    return { project, error: asIoError(`could not change the password of ${path}`, error) };
  }
  const reopen = (next: string | null): OpenedProject =>
    openProjectFile(path, { ...options, ...(next === null ? {} : { password: next }) });
  try {
    // Folds the WAL into the file and deletes it: a -wal left beside the new file would
    // be replayed into it.
    closeProjectFile(project.db);
    if (existsSync(`${path}-wal`) || existsSync(`${path}-journal`)) {
      throw new Error("its journal could not be folded back into the file");
    }
    renameSync(copy, path);
  } catch (error) {
    removeProjectFile(copy);
    const failure = asIoError(`could not change the password of ${path}`, error);
    try {
      return { project: reopen(project.password), error: failure };
    } catch {
      return { project: null, error: failure };
    }
  }
  syncFolder(dirname(path));
  try {
    return { project: reopen(next), error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      project: null,
      error: new CairnError(
        "io",
        `the password of ${basename(path)} was changed, but it could not be opened again: ${reason}`,
      ),
    };
  }
}

/** A consistent copy of `db` at `target`, encrypted under `next` (or plain), on disk. */
function writeRekeyedCopy(db: Db, target: string, current: string | null, next: string | null) {
  removeProjectFile(target);
  // Encrypted with the current password, if any: the copy is never plainer than the file.
  db.prepare("VACUUM INTO ?").run(target);
  const copy = new Database(target, { fileMustExist: true, ...nativeBinding() });
  try {
    if (current === null) useSqlcipherFormat(copy);
    else applyPassword(copy, current);
    // Rekeying is a transaction with a rollback journal on this private copy.
    copy.pragma("journal_mode = DELETE");
    const rc = copy.rekey(keyBytes(next));
    if (rc !== 0) throw new Error(`SQLite could not rekey the copy (code ${rc})`);
  } finally {
    copy.close();
  }
  assertOpens(target, next);
  syncToDisk(target);
}

/** The copy must open under the new password before it replaces anything. */
function assertOpens(target: string, password: string | null): void {
  const check = new Database(target, { fileMustExist: true, readonly: true, ...nativeBinding() });
  try {
    if (password !== null) unlock(check, target, password);
    check.prepare("SELECT count(*) FROM sqlite_schema").get();
  } finally {
    check.close();
  }
}

function asIoError(what: string, error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CairnError("io", `${what}: ${reason}; nothing was changed`);
}
