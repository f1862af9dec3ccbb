/**
 * Crash safety, proven: a coder's app killed at any moment (SIGKILL: no handler, no
 * flush, as a power cut or the OOM killer) reopens intact, with every action it had
 * reported as committed and nothing half-done. 200 kills over ten seeds, two children
 * at a time; `npm run bench:crash -- --kills 2000` runs more (bench/crash.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeReport, runCrashHarness } from "../helpers/crash/runner.ts";

const dir = mkdtempSync(join(tmpdir(), "cairn-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe("a coder's app killed at a random moment", () => {
  it("reopens intact after each of 200 kills, with every reported commit and nothing half-done", async () => {
    const report = await runCrashHarness({
      dir,
      seeds: SEEDS,
      killsPerSeed: 20,
      log: (line) => console.log(line),
    });
    console.log(describeReport(report, SEEDS));
    expect(report.failures).toEqual([]);
    expect(report.kills).toBeGreaterThanOrEqual(200);
    expect(report.recovered).toBe(report.kills);
    // Kills landed before the first commit, mid-import and between actions alike.
    expect(report.landed.get("import wave 1") ?? 0).toBeGreaterThan(0);
    expect(report.landed.get("between actions") ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
