import { closeSync, existsSync, openSync, readdirSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BackupListing } from "../../shared/api/safety-api.ts";
import { createCore } from "../../electron/core/core.ts";
import { coreValue } from "../helpers/core.ts";
import { cairnInProcess, cairnJson } from "../helpers/cli.ts";
import { fileHash, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import {
  addCode,
  codeNames,
  damageMiddlePage,
  expectRefusal,
  sampleCore,
  tickingClock,
} from "./backup-project.ts";

describe("a damaged project file", () => {
  const tempDir = useTempDir();

  /** The sample project with one backup (holding "Trust"), then damaged on disk. */
  async function damagedProject() {
    const dir = tempDir();
    const { core, path } = sampleCore(dir);
    await addCode(core, "Trust");
    const backup = await core.backups.create("manual");
    core.shutdown();
    const problem = damageMiddlePage(path, dir);
    return { dir, path, backup, problem, hash: fileHash(path) };
  }

  it("is refused on open with what SQLite found, and is left exactly as it was", async () => {
    const { path, problem, hash } = await damagedProject();
    const session = newSession();
    await expectRefusal(
      () => session.open(path),
      "damaged",
      new RegExp(
        `^${escape(path)} is damaged \\(SQLite found: ${escape(problem)}\\); it was not changed\\. ` +
          "Restore its latest backup with File › Restore from backup\\.$",
      ),
    );
    expect(session.isOpen).toBe(false);
    expect(fileHash(path)).toBe(hash);
  });

  it("a file whose first page is damaged (the schema itself) is refused the same way", () => {
    const dir = tempDir();
    const { core, path } = sampleCore(dir);
    core.shutdown();
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, 100);
    closeSync(fd);
    const hash = fileHash(path);
    expect(() => newSession().open(path)).toThrow(
      /is damaged \(SQLite found: database disk image is malformed\)/,
    );
    expect(fileHash(path)).toBe(hash);
  });

  it("lists its backups and takes the latest back, keeping the damaged file renamed beside it", async () => {
    const { dir, path, backup, hash } = await damagedProject();
    const core = createCore({
      shell: "browser",
      userDataDir: join(dir, "home"),
      now: tickingClock(),
    });
    try {
      const listing = coreValue<BackupListing>(await core.call("backup.list", { project: path }));
      expect(listing.backups.map((b) => b.path)).toEqual([backup.path]);
      expect(listing.backups[0]?.counts?.codes).toBe(34);

      const report = coreValue<{ keptAs: string; summary: { path: string } }>(
        await core.call("backup.restore", { backup: backup.path, project: path }),
      );
      expect(report.summary.path).toBe(path);
      expect(report.keptAs).toBe(join(dir, "survey.damaged-2026-11-24T09-00-01Z.cairn"));
      expect(fileHash(report.keptAs)).toBe(hash);
      expect(codeNames(core)).toContain("Trust");
      expect(core.session.isOpen).toBe(true);
    } finally {
      core.shutdown();
    }
  });

  it("cairn check runs SQLite's full check: ok for a sound project, the problems and exit 1 for a damaged one", async () => {
    const { dir, path, backup, problem, hash } = await damagedProject();
    expect(await cairnJson("check", backup.path)).toEqual({
      path: backup.path,
      ok: true,
      problems: [],
    });

    const damaged = await cairnInProcess("check", path, "--json");
    expect(damaged.status).toBe(1);
    const report = JSON.parse(damaged.stdout) as { ok: boolean; problems: string[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(problem);
    expect(damaged.stderr).toMatch(/^cairn check: .* is damaged \(\d+ problems?; the first: /);
    expect(fileHash(path)).toBe(hash);
    expect(readdirSync(dir).filter((f) => f.startsWith("survey.cairn-"))).toEqual([
      "survey.cairn-backups",
    ]);

    // cairn backups lists what a damaged project has; cairn restore takes one back.
    const listed = await cairnJson<{ backups: { path: string }[] }>("backups", path);
    expect(listed.backups.map((b) => b.path)).toEqual([backup.path]);
    const restored = await cairnJson<{ path: string; restored: string; kept_as: string }>(
      "restore",
      path,
      backup.path,
    );
    expect(restored.path).toBe(path);
    expect(restored.restored).toBe(backup.path);
    expect(restored.kept_as).toMatch(/survey\.damaged-.*Z\.cairn$/);
    expect(existsSync(restored.kept_as)).toBe(true);
    expect(await cairnJson("check", path)).toEqual({ path, ok: true, problems: [] });
  });
});

describe("the backup commands", () => {
  const tempDir = useTempDir();

  it("back up, list and restore a project, in snake_case JSON", async () => {
    const path = join(tempDir(), "survey.cairn");
    expect((await cairnInProcess("demo", path)).status).toBe(0);
    const made = await cairnJson<Record<string, unknown>>("backup", path);
    expect(Object.keys(made)).toEqual([
      "path",
      "file",
      "created_at",
      "reason",
      "bytes",
      "counts",
      "encrypted",
    ]);
    expect(made).toMatchObject({ reason: "manual", encrypted: true, counts: { answers: 252 } });

    const listing = await cairnJson<Record<string, unknown>>("backups", path);
    expect(listing).toEqual({
      project: path,
      folder: join(tempDir(), "survey.cairn-backups"),
      settings: { keep: 10, interval_minutes: 10 },
      backups: [made],
    });

    const restored = await cairnJson<{ kept_as: string }>("restore", path, made.path as string);
    expect(restored).toEqual({
      path,
      restored: made.path,
      kept_as: expect.stringMatching(/before-restore( \d+)?\.cairn$/),
    });
    const text = await cairnInProcess("backups", path);
    expect(text.stdout).toMatch(
      /^2 backups in .*survey\.cairn-backups \(keeping 10 automatic ones/,
    );

    const usage = await cairnInProcess("restore", path);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/expected FILE and BACKUP/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
