/**
 * A disk that fills up under a coder: the action that finds it full is refused with one
 * sentence (code io) and changes nothing, the project stays readable, the next action
 * works once there is room, and the file reopens intact with every action that
 * succeeded. Three ways to run out: a real 4 MB disk (tmpfs, when this process may mount
 * one), a file-size limit (`ulimit -f`: EFBIG), and SQLite's own page limit.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { Result } from "../../shared/api/errors.ts";
import { bundleChildren, type ChildBundles } from "../helpers/crash/bundle.ts";
import { invariantFailures } from "../helpers/crash/digest.ts";
import { CRASH_MAPPING, writeCrashFiles, type CrashFiles } from "../helpers/crash/fixtures.ts";
import { mountSmallDisk, startCoreChild, unmount } from "../helpers/crash/storage.ts";
import { fixedClock, snapshot } from "../helpers/project.ts";

const dir = mkdtempSync(join(tmpdir(), "cairn-disk-full-"));
const disk = join(dir, "disk");
const refused = mountSmallDisk(disk, "4m");
if (refused) console.log(`disk-full on a real small disk: skipped (${refused})`);
let files: CrashFiles;
let bundles: ChildBundles;

beforeAll(async () => {
  files = writeCrashFiles(dir);
  bundles = await bundleChildren(join(dir, "bundle"));
});
afterAll(() => {
  if (!refused) unmount(disk);
  rmSync(dir, { recursive: true, force: true });
});

const FULL =
  /^could not save "Memo": the disk is full\. Nothing was changed; free some space and try again\.$/;

function openCore(path: string, create = false): Core {
  const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  if (create) core.session.create(path);
  else core.session.open(path);
  return core;
}

async function surveyProject(path: string): Promise<Core> {
  const core = openCore(path, true);
  const imported = await core.call("import.run", {
    source: { paths: [files.first] },
    mapping: CRASH_MAPPING,
  });
  expect(imported.ok).toBe(true);
  return core;
}

function answerIds(core: Core): number[] {
  return core.session.db().prepare("SELECT id FROM answers ORDER BY id").pluck().all() as number[];
}

/** A long memo on answer `id`: every one needs new pages in the file. */
function memo(id: number, n: number) {
  return {
    target: { answerId: id },
    coder: "Ana",
    text: `note ${n}: ` + "lorem ipsum ".repeat(4000),
  };
}

function savedMemos(core: Core): number {
  return core.session.db().prepare("SELECT count(*) FROM memos").pluck().get() as number;
}

/** Reopens the project as the app does and checks it is whole: every memo that succeeded. */
function expectIntact(path: string, memos: number): void {
  const core = openCore(path);
  try {
    expect(invariantFailures(core.session.db())).toEqual([]);
    expect(savedMemos(core)).toBe(memos);
  } finally {
    core.shutdown();
  }
}

describe.skipIf(refused !== null)("a real disk that fills up (a 4 MB tmpfs)", () => {
  it("refuses the action that finds it full, keeps reading, and works again once there is room", async () => {
    const project = join(disk, "survey.cairn");
    const core = await surveyProject(project);
    const ids = answerIds(core);
    const filler = join(disk, "filler");
    writeFileSync(filler, "");
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(64 * 1024, 1));
    } catch (error) {
      expect((error as { code?: string }).code).toBe("ENOSPC");
    }
    let saved = 0;
    let refusal: Result<unknown> | null = null;
    for (let n = 0; n < ids.length && refusal === null; n++) {
      const result = await core.call("coding.setMemo", memo(ids[n]!, n));
      if (result.ok) saved++;
      else refusal = result;
    }
    expect(refusal).toMatchObject({
      ok: false,
      error: { code: "io", message: expect.stringMatching(FULL) },
    });
    expect(savedMemos(core)).toBe(saved);
    expect((await core.call("answers.list", { questionId: 1 })).ok).toBe(true);

    rmSync(filler);
    expect((await core.call("coding.setMemo", memo(ids[saved]!, saved))).ok).toBe(true);
    core.shutdown();
    expectIntact(project, saved + 1);
  }, 30_000);
});

describe("a file that reaches the size limit (ulimit -f: EFBIG)", () => {
  it("refuses the write with a sentence about the file, and keeps every memo saved before", async () => {
    const project = join(dir, "limited.cairn");
    const setup = await surveyProject(project);
    const ids = answerIds(setup);
    setup.shutdown();
    const limitKb = Math.ceil(statSync(project).size / 1024) + 256;
    const child = startCoreChild(
      bundles,
      { project, home: join(dir, "home-child") },
      { shell: `ulimit -f ${limitKb}; trap '' XFSZ` },
    );
    expect(await child.opened).toEqual({ ok: true, value: "open" });
    let saved = 0;
    let refusal: Result<unknown> | null = null;
    for (let n = 0; n < ids.length && refusal === null; n++) {
      const result = await child.call("coding.setMemo", memo(ids[n]!, n));
      if (result.ok) saved++;
      else refusal = result;
    }
    expect(saved).toBeGreaterThan(0);
    expect(refusal).toEqual({
      ok: false,
      error: {
        code: "io",
        message:
          'could not save "Memo": the disk reported an error writing the project file. Nothing ' +
          "was changed; check the drive (it may be full, read-only or disconnected) and try again.",
      },
    });
    expect((await child.call("answers.list", { questionId: 1 })).ok).toBe(true);
    await child.quit();
    expectIntact(project, saved);
  }, 30_000);
});

describe("a project at SQLite's page limit", () => {
  it("refuses an import with one sentence, changes nothing, and imports once there is room", async () => {
    const project = join(dir, "paged.cairn");
    const core = await surveyProject(project);
    const db = core.session.db();
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);
    const before = snapshot(db);
    const request = { source: { paths: [files.second] }, mapping: CRASH_MAPPING };
    expect(await core.call("import.run", request)).toEqual({
      ok: false,
      error: {
        code: "io",
        message:
          "could not import: the disk is full. Nothing was changed; free some space and try again.",
      },
    });
    expect(snapshot(db)).toBe(before);
    db.pragma("max_page_count = 1073741823");
    expect(await core.call("import.run", request)).toMatchObject({
      ok: true,
      value: { respondents_added: 400 },
    });
    core.shutdown();
  });
});
