/**
 * The fuzz run at benchmark size: the same importer and API cases as the two CI tests
 * (test/integration/fuzz-importers.test.ts, fuzz-api.test.ts), many more of them. Prints
 * the summary, each failure with the seed that repeats it, and the slowest cases.
 * Exits 1 when any case failed.
 *
 *   npm run bench:fuzz                          # 4,000 importer + 10,000 API cases
 *   npm run bench:fuzz -- --cases 1000          # that many of each
 *   npm run bench:fuzz -- --seed 7 --only api   # another run; one half only
 *   npm run bench:fuzz -- --seed S --repeat 123456789   # one failing case again
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fuzzApi } from "../test/helpers/fuzz/api-fuzz.ts";
import { fuzzImporters } from "../test/helpers/fuzz/importer-fuzz.ts";
import { FuzzTally } from "../test/helpers/fuzz/outcome.ts";

const { values } = parseArgs({
  options: {
    cases: { type: "string" },
    seed: { type: "string", default: "20261124" },
    only: { type: "string" },
    repeat: { type: "string", multiple: true },
  },
});
const seed = Number(values.seed);
const importerCases = Number(values.cases ?? 4000);
const apiCases = Number(values.cases ?? 10_000);
const repeat = values.repeat?.map(Number);

const dir = mkdtempSync(join(tmpdir(), "cairn-fuzz-"));
const tally = new FuzzTally();
const slowest: { ms: number; line: string }[] = [];
const onCase = (caseSeed: number, label: string, ms: number) => {
  slowest.push({ ms, line: `${Math.round(ms)} ms  seed ${caseSeed} (${label})` });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
};
const started = performance.now();
try {
  const common = { seed, tally, onCase, ...(repeat ? { only: repeat } : {}) };
  if (values.only !== "api") {
    await fuzzImporters({ ...common, cases: importerCases, dir: join(dir, "importers") });
  }
  if (values.only !== "importers") {
    await fuzzApi({ ...common, cases: apiCases, dir: join(dir, "api") });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const seconds = (performance.now() - started) / 1000;
console.log(`${tally.summary()} (seed ${seed}, ${seconds.toFixed(1)} s)`);
for (const line of tally.failureLines()) console.log(`  FAIL ${line}`);
console.log("slowest cases:");
for (const { line } of slowest) console.log(`  ${line}`);
process.exitCode = tally.failures.length > 0 ? 1 : 0;
