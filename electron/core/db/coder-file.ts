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
import { CAIRN_APPLICATION_ID, probeHeader } from "./header.ts";
import { bundledMigrations } from "./migrations.ts";
import { closeProjectFile, nativeBinding, openProjectFile, type Db } from "./project-file.ts";
import { schemaVersion } from "./meta.ts";

/**
 * Runs `read` on the coder file at `path`, read-only, at the schema of `project`. The
 * connection is closed (and any temporary copy removed) when `read` returns or throws.
 */
export function readCoderFile<T>(project: Db, path: string, read: (file: Db) => T): T {
  const name = basename(path);
  assertCairnFile(project, path, name);
  const projectVersion = schemaVersion(project);
  const version = fileVersion(path);
  if (version > projectVersion) {
    throw new CairnError(
      "newer_version",
      `${name} was saved by a newer version of Cairn (schema ${version}; this project is ` +
        `at schema ${projectVersion}). Open the project in that version to merge it.`,
    );
  }
  const file = openReadOnly(path, name);
  try {
    if (version === projectVersion) return read(file);
    return readMigratedCopy(file, projectVersion, read);
  } finally {
    file.close();
  }
}

/** Reads an older file through a temporary copy brought to the project's schema. */
function readMigratedCopy<T>(file: Db, version: number, read: (file: Db) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "cairn-merge-"));
  try {
    const copyPath = join(dir, "coder.cairn");
    file.prepare("VACUUM INTO ?").run(copyPath);
    const { db } = openProjectFile(copyPath, {
      migrations: bundledMigrations().slice(0, version),
      backupPathFor: () => join(dir, "before-upgrade.cairn"),
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

function assertCairnFile(project: Db, path: string, name: string): void {
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
  if (probe.kind !== "sqlite" || probe.applicationId !== CAIRN_APPLICATION_ID) {
    throw new CairnError("not_a_project", `${name} is not a Cairn project file`);
  }
}

function fileVersion(path: string): number {
  const probe = probeHeader(path);
  return probe.kind === "sqlite" ? probe.userVersion : 0;
}

function openReadOnly(path: string, name: string): Db {
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
    // The first read finds out whether another Cairn holds the file.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
    return db;
  } catch (error) {
    db.close();
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
