/**
 * A project file that becomes read-only while a coder works (a USB drive remounted
 * read-only after an error, a network share whose rights changed): the next action is
 * refused with one sentence, the project stays readable, nothing is corrupted, and the
 * work so far reopens intact. Linux refuses `mount -o remount,ro` while a file is open
 * for writing, and chmod does not stop an open descriptor, so the child runs with a
 * small LD_PRELOAD shim (read-only-shim.c, built here with gcc) that turns the file's
 * writes into EROFS from a chosen moment, as the kernel does. Also: opening a project
 * whose file is read-only for this user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import { APP_ROOT, bundleChildren, type ChildBundles } from "../helpers/crash/bundle.ts";
import { invariantFailures } from "../helpers/crash/digest.ts";
import { CRASH_MAPPING, writeCrashFiles } from "../helpers/crash/fixtures.ts";
import { startCoreChild } from "../helpers/crash/storage.ts";
import { fileHash, fixedClock } from "../helpers/project.ts";

const dir = mkdtempSync(join(tmpdir(), "cairn-read-only-"));
const shim = join(dir, "read-only-shim.so");
const noShim = buildShim();
if (noShim) console.log(`read-only mid-session: skipped (${noShim})`);
let bundles: ChildBundles;

beforeAll(async () => {
  bundles = await bundleChildren(join(dir, "bundle"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildShim(): string | null {
  if (process.platform !== "linux") return "the shim needs Linux";
  const source = fileURLToPath(new URL("../helpers/crash/read-only-shim.c", import.meta.url));
  try {
    execFileSync("gcc", ["-shared", "-fPIC", "-O2", "-o", shim, source, "-ldl"], { stdio: "pipe" });
    return null;
  } catch (error) {
    return `gcc could not build the shim: ${String(error).split("\n")[0]}`;
  }
}

function openCore(path: string, create = false): Core {
  const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  if (create) core.session.create(path);
  else core.session.open(path);
  return core;
}

/** A project with the first wave imported; closed, so a child can open it. */
async function surveyProject(path: string): Promise<number[]> {
  const core = openCore(path, true);
  const files = writeCrashFiles(dir);
  expect(
    (await core.call("import.run", { source: { paths: [files.first] }, mapping: CRASH_MAPPING }))
      .ok,
  ).toBe(true);
  const ids = core.session.db().prepare("SELECT id FROM answers ORDER BY id").pluck().all();
  core.shutdown();
  return ids as number[];
}

function code(answerId: number) {
  return { answerId, code: { path: ["Safety"] }, coder: "Ana", start: 0, end: 5 };
}

describe.skipIf(noShim !== null)("a project file that becomes read-only mid-session", () => {
  it("refuses the next action with one sentence and keeps the work so far", async () => {
    const project = join(dir, "survey.cairn");
    const ids = await surveyProject(project);
    const trigger = join(dir, "read-only-now");
    const child = startCoreChild(
      bundles,
      { project, home: join(dir, "home-child") },
      { env: { LD_PRELOAD: shim, CAIRN_RO_PREFIX: project, CAIRN_RO_TRIGGER: trigger } },
    );
    expect(await child.opened).toEqual({ ok: true, value: "open" });
    for (const id of ids.slice(0, 3))
      expect((await child.call("coding.apply", code(id))).ok).toBe(true);

    writeFileSync(trigger, "");
    const readOnly =
      "the project file has become read-only. Nothing was changed; make it writable again " +
      "(or reconnect its drive) and try again.";
    expect(await child.call("coding.apply", code(ids[3]!))).toEqual({
      ok: false,
      error: { code: "io", message: `could not save "Apply Safety": ${readOnly}` },
    });
    expect(await child.call("history.undo", {})).toEqual({
      ok: false,
      error: { code: "io", message: `could not undo "Apply Safety": ${readOnly}` },
    });
    const listed = await child.call("answers.list", { questionId: 1 });
    expect(listed.ok).toBe(true);
    const { exitCode } = await child.quit();
    expect(exitCode).toBe(0);

    rmSync(trigger);
    const core = openCore(project);
    try {
      const db = core.session.db();
      expect(invariantFailures(db)).toEqual([]);
      expect(db.prepare("SELECT answer_id FROM segments ORDER BY answer_id").pluck().all()).toEqual(
        ids.slice(0, 3),
      );
    } finally {
      core.shutdown();
    }
  }, 30_000);
});

describe.skipIf(process.platform === "win32")(
  "opening a project whose file is read-only for this user",
  () => {
    it("is refused with one sentence, and the file is not changed", async (ctx) => {
      const project = join(dir, "shared.cairn");
      await surveyProject(project);
      chmodSync(project, 0o444);
      chmodSync(dir, 0o755);
      // Root may write any file: the check runs as nobody (uid 65534), as a colleague would.
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const unreachable = whyNobodyCannotRun(asNobody);
      if (unreachable) {
        console.log(`read-only file for another user: skipped (${unreachable})`);
        ctx.skip();
      }
      const child = startCoreChild(
        bundles,
        { project, home: join(dir, "home-nobody") },
        { options: asNobody },
      );
      const before = fileHash(project);
      const opened = await child.opened;
      await child.quit();
      // One line naming the file (the wording is the open path's: db/project-file.ts).
      expect(opened).toMatchObject({
        ok: false,
        error: { code: "io", message: expect.stringMatching(`^could not open ${project}`) },
      });
      expect(fileHash(project)).toBe(before);
    });
  },
);

/**
 * Why the other user cannot start a child here, or null: a checkout inside a folder only
 * root may enter (a fresh `mktemp -d`) keeps nobody from loading Cairn's modules at all.
 */
function whyNobodyCannotRun(user: { uid?: number; gid?: number }): string | null {
  if (user.uid === undefined) return null;
  const paths = [bundles.loader, bundles.core, join(APP_ROOT, "node_modules", "better-sqlite3")];
  const probe = spawnSync(
    process.execPath,
    ["-e", `for (const p of ${JSON.stringify(paths)}) require("fs").accessSync(p)`],
    { ...user, stdio: "pipe" },
  );
  return probe.status === 0 ? null : `uid ${user.uid} cannot read this checkout's files`;
}
