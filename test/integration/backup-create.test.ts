import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BackupListing } from "../../shared/api/safety-api.ts";
import type { Core } from "../../electron/core/core.ts";
import { ProjectBackups } from "../../electron/core/backup/backup-service.ts";
import { probeHeader } from "../../electron/core/db/header.ts";
import { coreValue } from "../helpers/core.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { addCode, expectRefusal, sampleCore, tickingClock } from "./backup-project.ts";

const SAMPLE_COUNTS = {
  respondents: 18,
  questions: 14,
  answers: 252,
  codes: 33,
  segments: 155,
  coders: 1,
};

describe("backing up the open project", () => {
  const tempDir = useTempDir();
  let core: Core | null = null;
  afterEach(() => core?.shutdown());

  it("'Back up now' writes a complete project beside it, named by time and reason, with its counts", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    const info = coreValue<{ path: string; file: string }>(await core.call("backup.create", {}));
    const folder = join(tempDir(), "survey.cairn-backups");
    expect(info).toMatchObject({
      path: join(folder, "survey 2026-11-24T09-00-02Z manual.cairn"),
      file: "survey 2026-11-24T09-00-02Z manual.cairn",
      createdAt: "2026-11-24T09:00:02.000Z",
      reason: "manual",
      counts: SAMPLE_COUNTS,
      encrypted: true,
    });
    // Only the backup and its sidecar: no partial file, no -wal or -shm beside it.
    expect(readdirSync(folder).sort()).toEqual([info.file, `${info.file}.json`]);
    expect(JSON.parse(readFileSync(`${info.path}.json`, "utf8"))).toEqual({
      createdAt: "2026-11-24T09:00:02.000Z",
      reason: "manual",
      counts: SAMPLE_COUNTS,
    });
    // The copy opens on its own as the same project.
    const copy = newSession();
    expect(copy.open(info.path).respondents).toBe(18);
    copy.close();
  });

  it("the list is newest first, and a backup whose sidecar is lost is listed without counts", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    const first = await core.backups.create("manual");
    await addCode(core, "Trust");
    const second = await core.backups.create("manual");
    rmSync(`${first.path}.json`);
    writeFileSync(join(tempDir(), "survey.cairn-backups", "notes.txt"), "not a backup");
    const listing = coreValue<BackupListing>(await core.call("backup.list", {}));
    expect(listing.project).toBe(opened.path);
    expect(listing.folder).toBe(join(tempDir(), "survey.cairn-backups"));
    expect(listing.settings).toEqual({ keep: 10, intervalMinutes: 10 });
    expect(listing.backups.map((b) => [b.file, b.counts?.codes ?? null])).toEqual([
      [second.file, 34],
      [first.file, null],
    ]);
    expect(listing.backups[1]).toMatchObject({
      reason: "manual",
      createdAt: "2026-11-24T09:00:02.000Z",
    });
  });

  it("automatic backups beyond the number kept go oldest first; the user's own never do", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    coreValue(await core.call("backup.settings", { keep: 2 }));
    const manual = await core.backups.create("manual");
    const automatic = [];
    for (let i = 0; i < 4; i++)
      automatic.push(await core.backups.create(i === 0 ? "open" : "timer"));
    const migration = await core.backups.create("migration");
    const files = core.backups.list().backups.map((b) => b.file);
    expect(files).toEqual([migration.file, automatic[3]?.file, automatic[2]?.file, manual.file]);
    // Keeping fewer takes effect at once; the setting lives in the project.
    expect(coreValue(await core.call("backup.settings", { keep: 1, intervalMinutes: 30 }))).toEqual(
      {
        keep: 1,
        intervalMinutes: 30,
      },
    );
    expect(core.backups.list().backups.map((b) => b.reason)).toEqual([
      "migration",
      "timer",
      "manual",
    ]);
    core.session.close();
    core.session.open(opened.path);
    expect(core.backups.list().settings).toEqual({ keep: 1, intervalMinutes: 30 });
  });

  it("backs up on its own shortly after opening and after a stretch of edits, not during an import", async () => {
    const dir = tempDir();
    const session = newSession();
    const backups = new ProjectBackups({
      session,
      automatic: true,
      now: tickingClock(),
      afterOpenMs: 20,
      retryMs: 20,
      intervalMs: 60,
    });
    try {
      const path = join(dir, "survey.cairn");
      session.create(path, { sample: true });
      // Opening returns before the backup is made.
      expect(existsSync(join(dir, "survey.cairn-backups"))).toBe(false);
      await until(() => backups.list().backups.length === 1);
      expect(backups.list().backups[0]?.reason).toBe("open");

      // A long operation holds the project: the timed backup waits for it.
      let release = () => {};
      const importing = session.exclusive(
        "an import",
        () => new Promise<void>((done) => (release = done)),
      );
      backups.noteEdited();
      backups.noteEdited();
      await sleep(150);
      expect(backups.list().backups.length).toBe(1);
      release();
      await importing;
      await until(() => backups.list().backups.length === 2);
      expect(backups.list().backups.map((b) => b.reason)).toEqual(["timer", "open"]);
      await sleep(150);
      // Two edits, one backup: no edit since, no further backup.
      expect(backups.list().backups.length).toBe(2);
    } finally {
      backups.stop();
      session.close();
    }
  });

  it("a failed automatic backup (the disk refuses) never stops the work and shows on the next list", async () => {
    const dir = tempDir();
    // A file where the backups folder should be: every backup fails, as on a full disk.
    writeFileSync(join(dir, "survey.cairn-backups"), "in the way");
    const session = newSession();
    const backups = new ProjectBackups({
      session,
      automatic: true,
      now: tickingClock(),
      afterOpenMs: 10,
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      session.create(join(dir, "survey.cairn"), { sample: true });
      await until(() => backups.list().lastError !== undefined);
      expect(backups.list().lastError?.message).toMatch(/could not back .*survey\.cairn up/);
      expect(session.summary().respondents).toBe(18);
      await expectRefusal(backups.create("manual"), "io", /could not back/);
      rmSync(join(dir, "survey.cairn-backups"));
      await backups.create("manual");
      expect(backups.list().lastError).toBeUndefined();
    } finally {
      console.warn = warn;
      backups.stop();
      session.close();
    }
  });

  it("nothing to back up without an open project", async () => {
    const session = newSession();
    const backups = new ProjectBackups({ session, automatic: false });
    await expectRefusal(backups.create("manual"), "no_project", /no project is open/);
    expect(() => backups.list()).toThrow(/no project is open/);
    expect(basename(backups.list(join(tempDir(), "gone.cairn")).folder)).toBe("gone.cairn-backups");
  });

  it("an encrypted project's backups are encrypted with its password", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    coreValue(await core.call("project.setPassword", { password: "correct horse" }));
    const info = await core.backups.create("manual");
    expect(probeHeader(info.path).kind).toBe("encrypted");
    expect(info.counts).toEqual(SAMPLE_COUNTS);
    expect(core.backups.list().backups[0]).toMatchObject({ file: info.file, encrypted: true });
    const copy = newSession();
    await expectRefusal(() => copy.open(info.path), "password_required", /password/);
    expect(copy.open(info.path, { password: "correct horse" }).respondents).toBe(18);
    copy.close();
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await sleep(10);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
