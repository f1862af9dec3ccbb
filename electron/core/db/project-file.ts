/**
 * Opening and creating project files. A project is one SQLite file (`*.cairn`) in WAL
 * mode with foreign keys on. The connection holds SQLite's EXCLUSIVE lock for as long as
 * the project is open, so a second process (another window, the CLI) is refused with a
 * clear message instead of writing under the first one; the OS drops the lock if the
 * process dies, so a crash never leaves a stale lock behind.
 */
import Database from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { CAIRN_APPLICATION_ID, probeHeader } from "./header.ts";
import { migrate } from "./migrate.ts";
import type { Migration } from "./migrations.ts";

export type Db = Database.Database;

export interface OpenOptions {
  readonly migrations: readonly Migration[];
  /** Where a project is copied before it is migrated; defaults to beside the file. */
  readonly backupPathFor?: (path: string, fromVersion: number) => string;
}

export interface OpenedProject {
  readonly db: Db;
  readonly path: string;
  /** Set when the file was migrated from an older schema: the copy made first. */
  readonly backupPath: string | null;
}

/** `survey.cairn` migrated from v1 is first copied to `survey.backup-v1.cairn`. */
export function defaultBackupPath(path: string, fromVersion: number): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  const base = join(dirname(path), `${stem}.backup-v${fromVersion}`);
  let candidate = `${base}${ext || ".cairn"}`;
  // Never overwrite an earlier backup: it may hold work the newer file no longer has.
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}${ext || ".cairn"}`;
  return candidate;
}

export function openProjectFile(path: string, options: OpenOptions): OpenedProject {
  assertIsCairnProject(path, options.migrations.length);
  const db = connect(path);
  try {
    const version = readUserVersion(db);
    assertKnownVersion(path, version, options.migrations.length);
    let backupPath: string | null = null;
    if (version < options.migrations.length) {
      backupPath = (options.backupPathFor ?? defaultBackupPath)(path, version);
      db.prepare("VACUUM INTO ?").run(backupPath);
      migrate(db, options.migrations);
    }
    return { db, path, backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function createProjectFile(path: string, options: OpenOptions): OpenedProject {
  if (existsSync(path)) {
    throw new CairnError("bad_input", `${path} already exists; choose a new file name`);
  }
  markAsCairnProject(path);
  const db = connect(path);
  try {
    migrate(db, options.migrations);
    return { db, path, backupPath: null };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Writes a consistent copy of an open project (the online backup of SQLite, through
 * VACUUM INTO) without closing it. The target must not exist yet.
 */
export function saveCopy(db: Db, target: string): void {
  if (existsSync(target)) {
    throw new CairnError("bad_input", `${target} already exists; choose a new file name`);
  }
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } catch (error) {
    throw asIoError(`could not write ${target}`, error);
  }
}

export function closeProjectFile(db: Db): void {
  if (!db.open) return;
  // Fold the WAL back into the file so the project is one self-contained file again.
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/**
 * Creates the file with Cairn's application id written straight into its header, before
 * WAL mode is switched on: in WAL mode the header change could sit in the -wal file, and
 * a crash before the first checkpoint would leave a file that no longer looks like ours.
 */
function markAsCairnProject(path: string): void {
  let db: Db;
  try {
    db = new Database(path, nativeBinding());
  } catch (error) {
    throw asIoError(`could not create ${path}`, error);
  }
  try {
    db.pragma(`application_id = ${CAIRN_APPLICATION_ID}`);
  } finally {
    db.close();
  }
}

function assertIsCairnProject(path: string, knownVersion: number): void {
  if (!existsSync(path)) throw new CairnError("not_found", `${path} does not exist`);
  if (statSync(path).isDirectory()) {
    throw new CairnError("not_a_project", `${path} is a folder, not a Cairn project file`);
  }
  const probe = probeHeader(path);
  switch (probe.kind) {
    case "empty":
      throw new CairnError("not_a_project", `${path} is an empty file, not a Cairn project`);
    case "not_sqlite":
      throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
    case "sqlite":
      if (probe.applicationId !== CAIRN_APPLICATION_ID) {
        throw new CairnError(
          "not_a_project",
          `${path} is a SQLite database but not a Cairn project`,
        );
      }
      assertKnownVersion(path, probe.userVersion, knownVersion);
      return;
  }
}

function assertKnownVersion(path: string, version: number, knownVersion: number): void {
  if (version > knownVersion) {
    throw new CairnError(
      "newer_version",
      `${path} was saved by a newer version of Cairn (schema ${version}; this version ` +
        `knows up to ${knownVersion}). Update Cairn to open it; the file was not changed.`,
    );
  }
}

function connect(path: string): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 250, ...nativeBinding() });
  } catch (error) {
    throw asIoError(`could not open ${path}`, error);
  }
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    // Take the write lock now, not at the first edit: a second process is turned away
    // at open time, before a user starts working in it.
    db.exec("BEGIN EXCLUSIVE; COMMIT;");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = FULL");
    return db;
  } catch (error) {
    db.close();
    if (isSqliteCode(error, "SQLITE_BUSY")) {
      throw new CairnError(
        "locked",
        `${path} is open in another Cairn window or process; close it there first`,
      );
    }
    if (isSqliteCode(error, "SQLITE_NOTADB")) {
      throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
    }
    throw asIoError(`could not open ${path}`, error);
  }
}

/**
 * better-sqlite3 is a native module built for one ABI: the copy npm builds loads in Node
 * (tests, CLI, browser mode), the Electron shell points this variable at a copy built
 * for Electron (docs/decisions/0002-native-module-builds.md).
 */
function nativeBinding(): { nativeBinding?: string } {
  const binding = process.env.CAIRN_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

function readUserVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

function isSqliteCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && String(error.code).startsWith(code);
}

function asIoError(what: string, error: unknown): CairnError {
  const reason = error instanceof Error ? error.message : String(error);
  return new CairnError("io", `${what}: ${reason}`);
}
