/**
 * Opening and creating project files. A project is one SQLite file (`*.cairn`) in WAL
 * mode with foreign keys on. The connection holds SQLite's EXCLUSIVE lock for as long as
 * the project is open, so a second process (another window, the CLI) is refused with a
 * clear message instead of writing under the first one; the OS drops the lock if the
 * process dies, so a crash never leaves a stale lock behind. A project with a password is
 * encrypted as a whole, WAL included (encryption.ts, decision 0017).
 */
import Database from "better-sqlite3";
import { existsSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { passwordRequired, unlock } from "./encryption.ts";
import { CAIRN_APPLICATION_ID, probeHeader } from "./header.ts";
import { installHistory } from "./history-triggers.ts";
import { checkIntegrity, damagedError, isDamageError } from "./integrity.ts";
import { installSearchIndex } from "./search-index.ts";
import { unpinDeletedCodes } from "./pinned-codes.ts";
import { migrate } from "./migrate.ts";
import type { Migration } from "./migrations.ts";

export type Db = Database.Database;

export interface OpenOptions {
  readonly migrations: readonly Migration[];
  /** Where a project is copied before it is migrated; defaults to beside the file. */
  readonly backupPathFor?: (path: string, fromVersion: number) => string;
  /** The password of an encrypted project (decision 0017). */
  readonly password?: string;
}

export interface OpenedProject {
  readonly db: Db;
  readonly path: string;
  /** Set when the file was migrated from an older schema: the copy made first. */
  readonly backupPath: string | null;
  /** The password the file is encrypted with, or null for a plain file. */
  readonly password: string | null;
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

/**
 * Files this process has open, by device and inode. Checked before anything else touches
 * a file: opening and closing any other descriptor on an open project (even just to
 * read its header, through a symlink or another spelling of its path) would make the OS
 * drop the SQLite lock this process holds on it. (POSIX locks belong to the process.)
 */
const openFiles = new Map<string, Db>();
const keyOfDb = new Map<Db, string>();
/** The password of each open encrypted project: what every copy of it is encrypted with. */
const passwords = new Map<Db, string>();

function fileKey(path: string): string {
  const stat = statSync(path);
  return `${stat.dev}:${stat.ino}`;
}

function assertNotOpenHere(path: string): void {
  if (existsSync(path) && openFiles.has(fileKey(path))) {
    throw new CairnError("locked", `${path} is already open in this Cairn window`);
  }
}

function register(path: string, db: Db, password: string | null): void {
  const key = fileKey(path);
  openFiles.set(key, db);
  keyOfDb.set(db, key);
  if (password !== null) passwords.set(db, password);
}

/**
 * The password an open project was unlocked with, or null for a plain one. A copy made
 * with VACUUM INTO is encrypted with it already; a copy reopened on its own needs it.
 */
export function projectPassword(db: Db): string | null {
  return passwords.get(db) ?? null;
}

export function openProjectFile(path: string, options: OpenOptions): OpenedProject {
  assertNotOpenHere(path);
  const password = assertIsCairnProject(path, options.migrations.length, options.password);
  const db = connect(path, password);
  register(path, db, password);
  try {
    // Before anything writes to it: a damaged file must stay as it is.
    checkIntegrity(db, path);
    const version = readUserVersion(db);
    assertKnownVersion(path, version, options.migrations.length);
    const backupPath =
      version < options.migrations.length ? upgrade(db, path, version, options) : null;
    installHistory(db);
    installSearchIndex(db);
    unpinDeletedCodes(db);
    return { db, path, backupPath, password };
  } catch (error) {
    closeProjectFile(db, { checkpoint: false });
    throw error;
  }
}

/** Backs the file up, then migrates it; on failure the file stays at its old version. */
function upgrade(db: Db, path: string, version: number, options: OpenOptions): string {
  const backupPath = (options.backupPathFor ?? defaultBackupPath)(path, version);
  try {
    // From an encrypted project, encrypted with the same password.
    db.prepare("VACUUM INTO ?").run(backupPath);
  } catch (error) {
    throw asIoError(`could not back ${path} up to ${backupPath} before upgrading it`, error);
  }
  try {
    migrate(db, options.migrations);
  } catch (error) {
    const stillAt = readUserVersion(db);
    // Nothing changed if no step committed: the backup would only be a duplicate.
    if (stillAt === version) rmSync(backupPath, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CairnError(
      "io",
      `could not upgrade ${path} from schema ${version}: ${reason}. The file is still at ` +
        `schema ${stillAt}` +
        (stillAt === version
          ? " and was not changed."
          : `; a copy from before is at ${backupPath}.`),
    );
  }
  return backupPath;
}

export function createProjectFile(path: string, options: OpenOptions): OpenedProject {
  if (existsSync(path)) {
    throw new CairnError("bad_input", `${path} already exists; choose a new file name`);
  }
  markAsCairnProject(path);
  let db: Db | null = null;
  try {
    db = connect(path, null);
    register(path, db, null);
    migrate(db, options.migrations);
    installHistory(db);
    installSearchIndex(db);
    unpinDeletedCodes(db);
    return { db, path, backupPath: null, password: null };
  } catch (error) {
    if (db) closeProjectFile(db, { checkpoint: false });
    removeProjectFile(path);
    throw error instanceof CairnError ? error : asIoError(`could not create ${path}`, error);
  }
}

/** Deletes a project file that this process just created and never handed out. */
export function removeProjectFile(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
}

/**
 * Writes a consistent copy of an open project (the online backup of SQLite, through
 * VACUUM INTO) without closing it; the copy of an encrypted project is encrypted with the
 * same password. The target must not exist yet.
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

export function closeProjectFile(db: Db, { checkpoint = true } = {}): void {
  const key = keyOfDb.get(db);
  try {
    // Fold the WAL back into the file so the project is one self-contained file again.
    if (checkpoint && db.open) db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    if (db.open) db.close();
    if (key !== undefined && openFiles.get(key) === db) openFiles.delete(key);
    keyOfDb.delete(db);
    passwords.delete(db);
  }
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

/**
 * Judges the file from its header before SQLite opens it, and returns the password to
 * open it with: null for a plain file (a password given for one is not needed).
 */
function assertIsCairnProject(
  path: string,
  knownVersion: number,
  password: string | undefined,
): string | null {
  if (!existsSync(path)) throw new CairnError("not_found", `${path} does not exist`);
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new CairnError("not_a_project", `${path} is a folder, not a Cairn project file`);
  }
  if (!stat.isFile()) {
    throw new CairnError("not_a_project", `${path} is not a regular file, not a Cairn project`);
  }
  const probe = probeHeader(path);
  switch (probe.kind) {
    case "empty":
      throw new CairnError("not_a_project", `${path} is an empty file, not a Cairn project`);
    case "not_sqlite":
      throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
    case "encrypted":
      if (password === undefined) throw passwordRequired(path);
      return password;
    case "sqlite":
      if (probe.applicationId !== CAIRN_APPLICATION_ID) {
        throw new CairnError(
          "not_a_project",
          `${path} is a SQLite database but not a Cairn project`,
        );
      }
      assertKnownVersion(path, probe.userVersion, knownVersion);
      return null;
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

function connect(path: string, password: string | null): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 250, ...nativeBinding() });
  } catch (error) {
    throw asIoError(`could not open ${path}`, error);
  }
  try {
    // The key comes first: without it not even the journal mode can be read.
    if (password !== null) unlock(db, path, password);
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    // Take the write lock now, not at the first edit: a second process is turned away
    // at open time, before a user starts working in it.
    db.exec("BEGIN EXCLUSIVE; COMMIT;");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = FULL");
    // 64 MiB of page cache instead of 2: sorting and filtering a 100,000-answer question
    // reads its index pages again for every page of the grid (about twice as fast).
    db.pragma("cache_size = -65536");
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CairnError) throw error;
    if (isSqliteCode(error, "SQLITE_BUSY")) {
      throw new CairnError(
        "locked",
        `${path} is open in another Cairn window or process; close it there first`,
      );
    }
    if (isSqliteCode(error, "SQLITE_NOTADB")) {
      throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
    }
    if (isDamageError(error)) throw damagedError(path, (error as Error).message);
    throw asIoError(`could not open ${path}`, error);
  }
}

/**
 * better-sqlite3 is a native module built for one ABI: the copy npm builds loads in Node
 * (tests, CLI, browser mode), the Electron shell points this variable at a copy built
 * for Electron (docs/decisions/0002-native-module-builds.md).
 */
export function nativeBinding(): { nativeBinding?: string } {
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
