import Database from "better-sqlite3";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import { CAIRN_APPLICATION_ID } from "../../electron/core/db/header.ts";
import type { Migration } from "../../electron/core/db/migrations.ts";
import { appMigrations, fileHash, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

function expectCairnError(action: () => unknown, code: CairnError["code"], message: RegExp) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CairnError);
    expect((error as CairnError).code).toBe(code);
    expect((error as CairnError).message).toMatch(message);
    return;
  }
  throw new Error("expected the action to fail");
}

describe("project files", () => {
  const tempDir = useTempDir();

  it("a new project is a STRICT, WAL-mode SQLite file marked as Cairn's, at the latest schema", () => {
    const path = join(tempDir(), "members.cairn");
    const session = newSession();
    const summary = session.create(path);
    expect(summary.schemaVersion).toBe(appMigrations().length);
    expect(summary.name).toBe("members");
    const db = session.db();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("application_id", { simple: true })).toBe(CAIRN_APPLICATION_ID);
    const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    // The search index is an FTS5 virtual table; FTS5 keeps its own (non-STRICT) tables.
    const fts = all.filter((t) => t.name.startsWith("answers_fts"));
    expect(fts.map((t) => t.name).sort()).toEqual(
      [
        "answers_fts",
        "answers_fts_config",
        "answers_fts_data",
        "answers_fts_docsize",
        "answers_fts_idx",
      ].sort(),
    );
    const tables = all.filter((t) => !fts.includes(t));
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        "answers",
        "attributes",
        "coders",
        "codes",
        "done_marks",
        "history_ops",
        "history_steps",
        "memos",
        "populations",
        "project_meta",
        "questions",
        "respondent_attributes",
        "respondents",
        "review_decisions",
        "reviews",
        "segments",
      ].sort(),
    );
    for (const table of tables) expect(table.sql, table.name).toMatch(/STRICT/);
    session.close();
  });

  it("reopens a closed project with everything in it, as one file without a WAL beside it", () => {
    const path = join(tempDir(), "demo.cairn");
    const session = newSession();
    session.create(path, { sample: true });
    const before = session.summary();
    session.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = newSession();
    expect(again.open(path)).toEqual(before);
    again.close();
  });

  it("refuses to create a project over an existing file", () => {
    const path = join(tempDir(), "keep.txt");
    writeFileSync(path, "precious notes");
    expectCairnError(() => newSession().create(path), "bad_input", /already exists/);
    expect(fileHash(path)).toBe(fileHash(path));
  });

  describe("files that are not Cairn projects are refused and left untouched", () => {
    it.each([
      [
        "a text file",
        (p: string) => writeFileSync(p, "respondent,answer\n1,hello\n"),
        /not a Cairn project file/,
      ],
      ["an empty file", (p: string) => writeFileSync(p, ""), /empty file/],
      [
        "another program's SQLite database",
        (p: string) => {
          const db = new Database(p);
          db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
          db.close();
        },
        /SQLite database but not a Cairn project/,
      ],
    ])("%s", (_label, make, message) => {
      const path = join(tempDir(), "input.cairn");
      make(path);
      const hash = fileHash(path);
      expectCairnError(() => newSession().open(path), "not_a_project", message);
      expect(fileHash(path)).toBe(hash);
      expect(existsSync(`${path}-wal`)).toBe(false);
    });

    it("a folder", () => {
      const path = join(tempDir(), "folder.cairn");
      mkdirSync(path);
      expectCairnError(() => newSession().open(path), "not_a_project", /is a folder/);
    });

    it("a named pipe, which must not hang the app", () => {
      const path = join(tempDir(), "pipe.cairn");
      execFileSync("mkfifo", [path]);
      expectCairnError(() => newSession().open(path), "not_a_project", /not a regular file/);
    });

    it("a missing file", () => {
      expectCairnError(
        () => newSession().open(join(tempDir(), "gone.cairn")),
        "not_found",
        /does not exist/,
      );
    });
  });

  it("refuses a project saved by a newer Cairn and leaves it untouched", () => {
    const path = join(tempDir(), "future.cairn");
    const session = newSession();
    session.create(path);
    session.db().pragma(`user_version = ${appMigrations().length + 1}`);
    session.close();
    const hash = fileHash(path);
    expectCairnError(
      () => newSession().open(path),
      "newer_version",
      /newer version of Cairn.*not changed/,
    );
    expect(fileHash(path)).toBe(hash);
  });

  it("backs a project up before migrating it to a newer schema", () => {
    const path = join(tempDir(), "survey.cairn");
    const v1 = appMigrations();
    const older = newSession(v1);
    older.create(path, { sample: true });
    const respondentsBefore = older.summary().respondents;
    older.close();

    const v2: Migration[] = [
      ...v1,
      {
        version: v1.length + 1,
        name: "9999_add_notes.sql",
        sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;",
      },
    ];
    const newer = newSession(v2);
    const summary = newer.open(path);
    expect(summary.schemaVersion).toBe(v2.length);
    expect(summary.respondents).toBe(respondentsBefore);
    newer.close();

    const backup = join(tempDir(), `survey.backup-v${v1.length}.cairn`);
    expect(existsSync(backup)).toBe(true);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma("user_version", { simple: true })).toBe(v1.length);
    expect(copy.pragma("application_id", { simple: true })).toBe(CAIRN_APPLICATION_ID);
    expect((copy.prepare("SELECT count(*) AS n FROM respondents").get() as { n: number }).n).toBe(
      respondentsBefore,
    );
    copy.close();
  });

  it("a migration that fails leaves the project at its last whole version, with a clear message", () => {
    const dir = tempDir();
    const path = join(dir, "survey.cairn");
    const v1 = appMigrations();
    const creator = newSession(v1);
    creator.create(path);
    creator.close();
    const broken: Migration[] = [
      ...v1,
      {
        version: v1.length + 1,
        name: "9999_broken.sql",
        sql: "CREATE TABLE x (a INT) STRICT; SELEC oops;",
      },
    ];
    expectCairnError(
      () => newSession(broken).open(path),
      "io",
      new RegExp(`could not upgrade .* from schema ${v1.length}: .*syntax error.*was not changed`),
    );
    // No partial step, and no pointless backup of a file that did not change.
    expect(readdirSync(dir)).toEqual(["survey.cairn"]);
    const reopened = newSession(v1);
    expect(reopened.open(path).schemaVersion).toBe(v1.length);
    expect(
      reopened.db().prepare("SELECT 1 FROM sqlite_schema WHERE name = 'x'").get(),
    ).toBeUndefined();
    reopened.close();
  });

  it("writes a consistent copy with Save a copy as, and never overwrites a file", () => {
    const dir = tempDir();
    const session = newSession();
    session.create(join(dir, "a.cairn"), { sample: true });
    const copyPath = session.saveCopy(join(dir, "copy.cairn"));
    expectCairnError(() => session.saveCopy(copyPath), "bad_input", /already exists/);
    const original = session.summary();
    session.close();
    const copy = newSession();
    expect({ ...copy.open(copyPath), path: "" }).toEqual({ ...original, path: "" });
    copy.close();
  });
});

describe("one writer at a time", () => {
  const tempDir = useTempDir();

  it("a second process opening an open project is refused with a clear message", () => {
    const path = join(tempDir(), "shared.cairn");
    const session = newSession();
    session.create(path, { sample: true });

    const child = spawnSync(process.execPath, ["bin/cairn.mjs", "show", path], {
      encoding: "utf8",
      env: { ...process.env, CAIRN_HOME: tempDir() },
    });
    expect(child.status).toBe(1);
    expect(child.stderr.trim()).toBe(
      `cairn show: ${path} is open in another Cairn window or process; close it there first`,
    );

    session.close();
    const after = spawnSync(process.execPath, ["bin/cairn.mjs", "show", path, "--json"], {
      encoding: "utf8",
      env: { ...process.env, CAIRN_HOME: tempDir() },
    });
    expect(after.status).toBe(0);
  });

  it("a second window of the same process is refused too", () => {
    const path = join(tempDir(), "shared.cairn");
    const first = newSession();
    first.create(path);
    expectCairnError(() => newSession().open(path), "locked", /already open in this Cairn window/);
    first.close();
  });

  it("opening an open project again through a symlink keeps it locked for other processes", () => {
    const path = join(tempDir(), "real.cairn");
    const link = join(tempDir(), "link.cairn");
    const first = newSession();
    first.create(path);
    symlinkSync(path, link);
    expectCairnError(() => newSession().open(link), "locked", /already open in this Cairn window/);
    // The same session asked for the same file by another name: it is simply the one open.
    expect(first.open(link).path).toBe(path);

    const other = spawnSync(process.execPath, ["bin/cairn.mjs", "show", path], {
      encoding: "utf8",
      env: { ...process.env, CAIRN_HOME: tempDir() },
    });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/open in another Cairn window or process/);
    first.close();
  });

  it("the lock goes with a process that dies, so a crash never locks a project out", () => {
    const path = join(tempDir(), "crash.cairn");
    const creator = newSession();
    creator.create(path);
    creator.close();
    const script = `
      import { register } from "tsx/esm/api";
      register();
      const { newSession } = await import("./test/helpers/project.ts");
      newSession().open(${JSON.stringify(path)});
      process.kill(process.pid, "SIGKILL");
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(child.signal).toBe("SIGKILL");
    const session = newSession();
    expect(session.open(path).path).toBe(path);
    session.close();
  });
});
