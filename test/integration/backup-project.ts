/**
 * What the backup tests share: a core on the sample project, a clock that moves one
 * second per reading (so backups have distinct times), the codes a project holds, and a
 * damaged copy of a project file.
 */
import Database from "better-sqlite3";
import { copyFileSync, openSync, closeSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import { createCore, type Core } from "../../electron/core/core.ts";
import { integrityProblems } from "../../electron/core/db/integrity.ts";
import { coreValue } from "../helpers/core.ts";

/** A clock starting at 2026-11-24 09:00:00 UTC that moves on a second each time it is read. */
export function tickingClock(): () => Date {
  let now = Date.parse("2026-11-24T09:00:00.000Z");
  return () => new Date((now += 1000));
}

/** A core (no automatic backups) with the sample project open at `dir`/survey.cairn. */
export function sampleCore(dir: string, now = tickingClock()): { core: Core; path: string } {
  const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now });
  const path = join(dir, "survey.cairn");
  core.session.create(path, { sample: true });
  return { core, path };
}

export async function addCode(core: Core, name: string): Promise<void> {
  coreValue(await core.call("codes.create", { path: [name] }));
}

/** The top-level code names of the open project. */
export function codeNames(core: Core): string[] {
  return (
    core.session
      .db()
      .prepare("SELECT name FROM codes WHERE parent_id IS NULL")
      .pluck()
      .all() as string[]
  ).sort();
}

export async function expectRefusal(
  work: Promise<unknown> | (() => unknown),
  code: CairnError["code"],
  message: RegExp,
): Promise<void> {
  let failure: unknown = null;
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(CairnError);
  expect((failure as CairnError).code).toBe(code);
  expect((failure as CairnError).message).toMatch(message);
}

const PAGE = 4096;

/**
 * Overwrites one b-tree page in the middle of a (closed) project file with noise, chosen
 * among the pages whose damage SQLite's quick check reports (a free page's would not be).
 * Returns the problem SQLite reports.
 */
export function damageMiddlePage(path: string, scratchDir: string): string {
  const pages = readFileSync(path).length / PAGE;
  const scratch = join(scratchDir, "damage-probe.cairn");
  const middle = Math.floor(pages / 2);
  for (let offset = 0; offset < pages / 2; offset++) {
    for (const page of [middle + offset, middle - offset]) {
      if (page < 2 || page >= pages) continue;
      copyFileSync(path, scratch);
      overwritePage(scratch, page);
      const problems = problemsOf(scratch);
      for (const suffix of ["", "-wal", "-shm"]) rmSync(scratch + suffix, { force: true });
      if (problems.length > 0) {
        overwritePage(path, page);
        return problems[0] as string;
      }
    }
  }
  throw new Error(`no page of ${path} could be damaged visibly`);
}

function overwritePage(path: string, page: number): void {
  const noise = Buffer.alloc(PAGE - 16, 0xa5);
  const fd = openSync(path, "r+");
  try {
    // Page numbers are 1-based; keep the first 16 bytes so the page's type still reads.
    writeSync(fd, noise, 0, noise.length, (page - 1) * PAGE + 16);
  } finally {
    closeSync(fd);
  }
}

function problemsOf(path: string): string[] {
  const db = new Database(path);
  try {
    return integrityProblems(db, "quick", 5);
  } finally {
    db.close();
  }
}
