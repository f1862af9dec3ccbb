/**
 * Bad input, across the app: every file the app imports (answers as CSV, TSV, xlsx and
 * docx; a REFI-QDA project; a REFI codebook; codebook CSV and xlsx files), broken in the
 * ways real files break (bytes flipped, cut off, zip entries repeated or missing, the XML
 * inside mangled, hostile cells, CSVs made up by fast-check). Each case imports correctly
 * (the report agrees with the project) or is refused with one clear sentence and the
 * project untouched; never a crash, an internal error or a hang. Seeded: a failure
 * prints the seed that repeats it (`npm run bench:fuzz -- --seed S --repeat <case seed>`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fuzzImporters } from "../helpers/fuzz/importer-fuzz.ts";
import { FuzzTally } from "../helpers/fuzz/outcome.ts";
import type { ImporterKind } from "../helpers/fuzz/seeds.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const CASES = Number(process.env.CAIRN_FUZZ_CASES ?? 500);
const SEED = Number(process.env.CAIRN_FUZZ_SEED ?? 20_261_124);
const SAMPLES = join(import.meta.dirname, "../../../shared/refi/samples");

describe("a user who imports a damaged or hostile file", () => {
  it("gets a correct import or one clear sentence, and a project left as it was", async () => {
    const tally = new FuzzTally();
    await fuzzImporters({ seed: SEED, cases: CASES, dir: tempDir(), tally });
    console.log(tally.summary());
    expect(tally.failureLines()).toEqual([]);
    // Both outcomes happen: the mutations are neither all harmless nor all fatal.
    expect(tally.importers.accepted).toBeGreaterThan(CASES / 10);
    expect(tally.importers.refused).toBeGreaterThan(CASES / 10);
  }, 180_000);

  it("the same with real REFI-QDA projects and codebooks (NVivo, ATLAS.ti) as the seeds", async (context) => {
    const samples = existsSync(SAMPLES)
      ? readdirSync(SAMPLES).filter((name) => /\.(qdpx|qdc)$/.test(name))
      : [];
    if (samples.length === 0) {
      context.skip(`no REFI-QDA samples in ${SAMPLES} (see ../shared/README.md)`);
    }
    const tally = new FuzzTally();
    for (const [index, name] of samples.entries()) {
      // The NVivo sample's text is sensitive: failures are reported without detail.
      const kind: ImporterKind = name.endsWith(".qdc") ? "qdc" : "qdpx";
      const seeds = { [kind]: readFileSync(join(SAMPLES, name)) };
      const dir = join(tempDir(), `sample-${index}`);
      const run = { seed: SEED + index, cases: 12, dir, tally, kinds: [kind], seeds };
      await fuzzImporters({ ...run, redact: true });
    }
    console.log(tally.summary());
    expect(tally.failureLines()).toEqual([]);
  }, 180_000);
});
