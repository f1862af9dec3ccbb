/**
 * The integrity check every project gets when it is opened: a damaged file is refused
 * with code `damaged` (and never written to), so the app can offer the latest good
 * backup instead (decision 0018).
 *
 * Opening runs SQLite's `quick_check` (every b-tree page of every table, index and the
 * search index; not whether each index agrees with its table): 0.2 s for 100,000
 * answers, about 3 s for 1,000,000, where the full `integrity_check` takes 0.3 s and
 * 3.6 s. `cairn check` runs the full one.
 */
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import { CairnError } from "../../../shared/api/errors.ts";
import { unlock } from "./encryption.ts";
import { nativeBinding, type Db } from "./project-file.ts";

export type IntegrityDepth = "quick" | "full";

/** Throws CairnError("damaged", ...) when SQLite finds the file damaged. */
export function checkIntegrity(db: Db, path: string): void {
  const [first] = integrityProblems(db, "quick", 1);
  if (first !== undefined) throw damagedError(path, first);
}

/**
 * What SQLite finds wrong with the file, at most `max` problems; empty when it is sound.
 * A file too damaged to be checked at all answers with the error SQLite raised.
 */
export function integrityProblems(db: Db, depth: IntegrityDepth, max = 100): string[] {
  const pragma = depth === "full" ? "integrity_check" : "quick_check";
  let rows: Record<string, string>[];
  try {
    rows = db.pragma(`${pragma}(${Math.max(1, Math.floor(max))})`) as Record<string, string>[];
  } catch (error) {
    if (isDamageError(error)) return [(error as Error).message];
    throw error;
  }
  const problems = rows.map((row) => Object.values(row)[0] ?? "");
  return problems.length === 1 && problems[0] === "ok" ? [] : problems;
}

/** The one message a damaged project gets, wherever the damage shows. */
export function damagedError(path: string, problem: string): CairnError {
  return new CairnError(
    "damaged",
    `${path} is damaged (SQLite found: ${problem}); it was not changed. Restore its ` +
      "latest backup with File › Restore from backup.",
  );
}

/** SQLITE_CORRUPT (and its extended codes): the file's pages do not hold together. */
export function isDamageError(error: unknown): boolean {
  return (
    error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_CORRUPT")
  );
}

/**
 * The full check of a project file that is not open (`cairn check`), read-only: the file
 * is never written, whatever it holds. An encrypted file needs its password.
 */
export function checkProjectFile(path: string, password: string | null, max = 100): string[] {
  // A read-only connection cannot fold a WAL into the file, so it is the one for a file
  // with unsaved pages in its -wal; but it leaves an empty -wal and -shm behind, which
  // a read-write connection (closing as the last) removes, writing nothing.
  const walPages = (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  const db = new Database(path, {
    readonly: walPages,
    fileMustExist: true,
    timeout: 250,
    ...nativeBinding(),
  });
  try {
    if (password !== null) unlock(db, path, password);
    if (!walPages) db.pragma("query_only = ON");
    return integrityProblems(db, "full", max);
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_BUSY")) {
      throw new CairnError(
        "locked",
        `${path} is open in another Cairn window or process; close it there first`,
      );
    }
    throw error;
  } finally {
    db.close();
  }
}
