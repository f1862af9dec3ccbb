/**
 * The crash harness at benchmark size: `npm run bench:crash -- --kills 2000 [--seeds 50]
 * [--parallel 2]`. Prints the kills, the failures (each with its seed and action) and the
 * time; exits 1 when a kill lost or damaged anything. See test/helpers/crash/runner.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeReport, runCrashHarness } from "../test/helpers/crash/runner.ts";

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench:crash: --${name} takes a whole number`);
    process.exit(2);
  }
  return value;
}

const kills = flag("kills", 2000);
const seedCount = flag("seeds", Math.max(1, Math.round(kills / 20)));
const first = flag("first-seed", 1);
const seeds = Array.from({ length: seedCount }, (_, i) => first + i);
const dir = mkdtempSync(join(tmpdir(), "cairn-bench-crash-"));
try {
  const report = await runCrashHarness({
    dir,
    seeds,
    killsPerSeed: Math.ceil(kills / seedCount),
    parallel: flag("parallel", 2),
    log: (line) => console.log(line),
  });
  console.log(describeReport(report, seeds));
  process.exitCode = report.failures.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
