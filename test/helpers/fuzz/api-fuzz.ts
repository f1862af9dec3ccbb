/**
 * The API boundary's fuzz run: every contract entry, in turn, gets random and hostile
 * input through `core.call` (which validates with the contract's zod schemas), on a copy
 * of the sample project. Each case must answer a Result (ok, or refused with a code other
 * than "internal" and one sentence) within the time limit; a refusal, a read or a file
 * written elsewhere leaves the project as it was.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { api, type ApiName } from "../../../shared/api/contract.ts";
import type { Result } from "../../../shared/api/errors.ts";
import type { Preferences } from "../../../shared/api/contract.ts";
import { coreValue } from "../core.ts";
import { apiInput, type Sandbox } from "./api-inputs.ts";
import { API_EFFECTS, FUZZED_API_NAMES } from "./api-plan.ts";
import { FuzzFixture } from "./fixture.ts";
import type { FuzzRun } from "./importer-fuzz.ts";
import { Prng, caseSeed } from "./prng.ts";
import type { Schema } from "./schema-values.ts";
import { EXTENSION, buildSeeds, type SeedFiles } from "./seeds.ts";
import { accepted, count, judged, problem, refusal, type Verdict } from "./verdict.ts";

export async function fuzzApi(run: FuzzRun): Promise<void> {
  const sandboxDir = join(run.dir, "sandbox");
  mkdirSync(sandboxDir, { recursive: true });
  let seeds: SeedFiles | undefined;
  const fixture = await FuzzFixture.create(sandboxDir, async (core, path) => {
    seeds = await buildSeeds(core, join(run.dir));
    coreValue(await core.call("project.create", { path, sample: true }));
  });
  const sandbox = prepareSandbox(sandboxDir, seeds!, fixture.path);
  const preferences = coreValue<Preferences>(await fixture.core.call("preferences.get", {}));
  try {
    for (let index = 0; index < run.cases; index++) {
      const seed = caseSeed(run.seed, index);
      if (run.only && !run.only.includes(seed)) continue;
      const name = FUZZED_API_NAMES[index % FUZZED_API_NAMES.length] as ApiName;
      const { input, mode } = apiInput(
        new Prng(seed),
        api[name].input as unknown as Schema,
        sandbox.hints,
      );
      const started = performance.now();
      const verdict = await judged(() => callOne(fixture, name, input));
      run.onCase?.(seed, `${name}: ${mode} input`, performance.now() - started);
      count(run.tally, run.tally.api, seed, `${name}: ${mode} input`, verdict);
      if (name === "preferences.set") await fixture.core.call("preferences.set", preferences);
      sandbox.tidy();
      fixture.restore();
    }
  } finally {
    fixture.shutdown();
  }
}

async function callOne(fixture: FuzzFixture, name: ApiName, input: unknown): Promise<Verdict> {
  const before = fixture.digest();
  const result = (await fixture.core.call(name, input)) as Result<unknown>;
  if (!result.ok) return refusal(fixture, before, result.error);
  const effect = API_EFFECTS[name];
  if ((effect === "read" || effect === "writes a file") && fixture.digest() !== before) {
    return problem("changed", `${name} (${effect}) changed the project`);
  }
  return accepted;
}

/**
 * The sandbox folder: the seed files (answers, questionnaires in a folder, REFI-QDA,
 * codebooks), the fixture, and `new/` for files a case creates, emptied after each case.
 * Seed files a case overwrote are written again, so every case finds the same folder.
 */
function prepareSandbox(dir: string, seeds: SeedFiles, fixturePath: string) {
  const files = join(dir, "files");
  const questionnaires = join(dir, "questionnaires");
  const created = join(dir, "new");
  mkdirSync(files, { recursive: true });
  mkdirSync(questionnaires, { recursive: true });
  const written = Object.entries(seeds).map(([kind, bytes]) => {
    const path = join(files, `seed-${kind}${EXTENSION[kind as keyof SeedFiles]}`);
    writeFileSync(path, bytes);
    return { path, bytes, mtime: statSync(path).mtimeMs };
  });
  writeFileSync(join(questionnaires, "R1.docx"), seeds.docx);
  const tidy = () => {
    rmSync(created, { recursive: true, force: true });
    mkdirSync(created);
    for (const file of written) {
      const changed = (() => {
        try {
          return statSync(file.path).mtimeMs !== file.mtime;
        } catch {
          return true;
        }
      })();
      if (changed) {
        rmSync(file.path, { recursive: true, force: true });
        writeFileSync(file.path, file.bytes);
        file.mtime = statSync(file.path).mtimeMs;
      }
    }
  };
  tidy();
  const paths = [
    ...written.map((file) => file.path),
    questionnaires,
    fixturePath,
    dir,
    join(created, "copy.cairn"),
    join(created, "export.xlsx"),
    join(created, "export.csv"),
    join(created, "export.qdpx"),
    join(created, "export.qdc"),
    join(created, "coder copy.cairn"),
    join(created, "missing", "deep", "file.csv"),
  ];
  const hints: Sandbox = { dir, paths };
  return { hints, tidy };
}
