/**
 * Opens a second coder's file to read their work back (agreement/coder-merge.ts). The
 * file is the coder's: it is opened read-only on its own connection and never migrated.
 * A file from an older Cairn (the project was upgraded after the hand-over) is read
 * through a migrated temporary copy, which is deleted afterwards.
 */
import Database from "better-sqlite3";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { passwordRequired, unlock } from "./encryption.ts";
import { CAIRN_APPLICATION_ID, probeHeader } from "./header.ts";
import { bundledMigrations } from "./migrations.ts";
import {
  closeProjectFile,
  nativeBinding,
  openProjectFile,
  projectPassword,
  type Db,
} from "./project-file.ts";
import { schemaVersion } from "./meta.ts";

/**
 * Runs `read` on the coder file at `path`, read-only, at the schema of `project`. The
 * connection is closed (and any temporary copy removed) when `read` returns or throws.
 */
export function readCoderFile<T>(project: Db, path: string, read: (file: Db) => T): T {
  const name = basename(path);
  // A copy prepared from a protected project is protected with the project's password.
  const password = assertCairnFile(project, path, name);
  const file = openReadOnly(path, name, password);
  try {
    const projectVersion = schemaVersion(project);
    const version = schemaVersion(file);
    if (version > projectVersion) {
      throw new CairnError(
        "newer_version",
        `${name} was saved by a newer version of Cairn (schema ${version}; this project is ` +
          `at schema ${projectVersion}). Open the project in that version to merge it.`,
      );
    }
    if (version === projectVersion) return read(file);
    return readMigratedCopy(file, projectVersion, password, read);
  } finally {
    file.close();
  }
}

/** Reads an older file through a temporary copy brought to the project's schema. */
function readMigratedCopy<T>(
  file: Db,
  version: number,
  password: string | null,
  read: (file: Db) => T,
): T {
  const dir = mkdtempSync(join(tmpdir(), "cairn-merge-"));
  try {
    const copyPath = join(dir, "coder.cairn");
    file.prepare("VACUUM INTO ?").run(copyPath);
    const { db } = openProjectFile(copyPath, {
      migrations: bundledMigrations().slice(0, version),
      backupPathFor: () => join(dir, "before-upgrade.cairn"),
      ...(password === null ? {} : { password }),
    });
    try {
      return read(db);
    } finally {
      closeProjectFile(db, { checkpoint: false });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns the password to read the file with: the project's, or null for a plain file. */
function assertCairnFile(project: Db, path: string, name: string): string | null {
  if (!existsSync(path)) throw new CairnError("not_found", `${path} does not exist`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new CairnError("not_a_project", `${name} is not a Cairn project file`);
  // Opening the project's own file a second time would drop this process's lock on it.
  const own = statSync(project.name);
  if (own.dev === stat.dev && own.ino === stat.ino) {
    throw new CairnError(
      "bad_input",
      `${name} is the open project itself; choose the file the second coder sent back`,
    );
  }
  const probe = probeHeader(path);
  if (probe.kind === "encrypted") {
    const password = projectPassword(project);
    if (password === null) throw passwordRequired(path);
    return password;
  }
  if (probe.kind !== "sqlite" || probe.applicationId !== CAIRN_APPLICATION_ID) {
    throw new CairnError("not_a_project", `${name} is not a Cairn project file`);
  }
  return null;
}

function openReadOnly(path: string, name: string, password: string | null): Db {
  let db: Db;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      timeout: 250,
      ...nativeBinding(),
    });
  } catch (error) {
    throw new CairnError("io", `could not open ${name}: ${messageOf(error)}`);
  }
  try {
    // A wrong key (the file is under another password) is a clear "not right" message.
    if (password !== null) unlock(db, path, password);
    // The first read finds out whether another Cairn holds the file.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CairnError) throw error;
    if (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_BUSY")) {
      throw new CairnError(
        "locked",
        `${name} is open in Cairn (here or in another window); close it there first`,
      );
    }
    throw new CairnError("io", `could not read ${name}: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
