/**
 * Every copy Cairn writes of a protected project is protected with the same password (a
 * saved copy, a second coder's copy, the copy made before a schema upgrade); an export is
 * plain because the user asked for a file to read elsewhere (decision 0017).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Core } from "../../electron/core/core.ts";
import { createCore } from "../../electron/core/core.ts";
import { probeHeader } from "../../electron/core/db/header.ts";
import type { Migration } from "../../electron/core/db/migrations.ts";
import { coreValue } from "../helpers/core.ts";
import { appMigrations, fixedClock, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { afterEach } from "vitest";

const tempDir = useTempDir();
const PASSWORD = "Fjord 'harbour' — 7 gulls";
/** Words from the sample project's first answer. */
const ANSWER_WORDS = "trauma-informed and survivor-led";

let core: Core | null = null;
afterEach(() => {
  core?.shutdown();
  core = null;
});

/** The sample project, protected, open in a core as the window has it. */
async function protectedSample(dir: string): Promise<Core> {
  core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  coreValue(await core.call("project.create", { path: join(dir, "sample.cairn"), sample: true }));
  coreValue(await core.call("project.setPassword", { password: PASSWORD }));
  return core;
}

/** Opens a copy with the password, as another Cairn would, and counts what it holds. */
function openCopy(path: string, password?: string): { respondents: number; prepared: string } {
  const session = newSession();
  const summary = session.open(path, password === undefined ? {} : { password });
  session.close();
  return { respondents: summary.respondents, prepared: summary.preparedFor ?? "" };
}

function plainText(path: string, text: string): boolean {
  return readFileSync(path).includes(Buffer.from(text, "utf8"));
}

describe("copies of a protected project", () => {
  it("a saved copy and a second coder's copy need the same password", async () => {
    const dir = tempDir();
    const app = await protectedSample(dir);
    const saved = join(dir, "saved.cairn");
    coreValue(await app.call("project.saveCopy", { path: saved }));
    const forBen = join(dir, "ben.cairn");
    coreValue(await app.call("coders.prepareCopy", { path: forBen, coder: "Ben" }));
    for (const copy of [saved, forBen]) {
      expect(probeHeader(copy)).toEqual({ kind: "encrypted" });
      expect(plainText(copy, ANSWER_WORDS)).toBe(false);
      expect(() => openCopy(copy)).toThrow(/is protected by a password/);
    }
    expect(openCopy(saved, PASSWORD)).toEqual({ respondents: 18, prepared: "" });
    expect(openCopy(forBen, PASSWORD)).toEqual({ respondents: 18, prepared: "Ben" });
  });

  it("an export is plain: the user asked for a file to open elsewhere", async () => {
    const dir = tempDir();
    const app = await protectedSample(dir);
    const csv = join(dir, "segments.csv");
    coreValue(await app.call("export.run", { format: "csv", path: csv, table: "segments" }));
    expect(readFileSync(csv, "utf8")).toMatch(/respondent/i);
  });

  it("the copy kept before a schema upgrade is protected like the project", () => {
    const dir = tempDir();
    const path = join(dir, "survey.cairn");
    const v1 = appMigrations();
    const older = newSession(v1);
    older.create(path, { sample: true });
    older.setPassword(undefined, PASSWORD);
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
    const summary = newer.open(path, { password: PASSWORD });
    expect(summary).toMatchObject({ schemaVersion: v2.length, encrypted: true });
    newer.close();
    const backup = join(dir, `survey.backup-v${v1.length}.cairn`);
    expect(probeHeader(backup)).toEqual({ kind: "encrypted" });
    expect(plainText(backup, ANSWER_WORDS)).toBe(false);
    const reader = newSession(v1);
    expect(reader.open(backup, { password: PASSWORD }).schemaVersion).toBe(v1.length);
    reader.close();
  });
});
