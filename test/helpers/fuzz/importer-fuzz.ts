/**
 * The importers' fuzz run: every kind of file the app imports (CSV, TSV, xlsx, docx
 * answers; a REFI-QDA project; a REFI codebook; codebook CSV/xlsx files), mutated from a
 * valid seed and fed through the API as the app feeds it. Each case must import correctly
 * (the report agrees with the project afterwards) or be refused clearly with the project
 * unchanged, within the time limit.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Result } from "../../../shared/api/errors.ts";
import type { RefiImportReport } from "../../../shared/api/export-api.ts";
import type { CodebookImportReport } from "../../../shared/api/codebook-api.ts";
import type { ImportInspection } from "../../../shared/import/inspection.ts";
import type { ImportReport } from "../../../shared/import/mapping.ts";
import type { Db } from "../../../electron/core/db/project-file.ts";
import { coreValue } from "../core.ts";
import { FuzzFixture } from "./fixture.ts";
import { importerCase } from "./importer-cases.ts";
import type { FuzzTally } from "./outcome.ts";
import { Prng, caseSeed } from "./prng.ts";
import {
  EXTENSION,
  IMPORTER_KINDS,
  buildSeeds,
  type ImporterKind,
  type SeedFiles,
} from "./seeds.ts";
import { accepted, count, judged, problem, refusal, type Verdict } from "./verdict.ts";

export interface ImporterRun extends FuzzRun {
  /** Only these kinds (all of them by default), in turn. */
  readonly kinds?: readonly ImporterKind[];
  /** Seeds to use instead of the built ones (a real REFI-QDA file). */
  readonly seeds?: Partial<SeedFiles>;
  /** Report failures without their detail: the seed's text may be sensitive. */
  readonly redact?: boolean;
}

export interface FuzzRun {
  readonly seed: number;
  readonly cases: number;
  /** A temporary folder the run may fill; nothing is written outside it. */
  readonly dir: string;
  readonly tally: FuzzTally;
  /** Only these case seeds (to repeat a failure), when given. */
  readonly only?: readonly number[];
  /** Told of every case as it ends (the benchmark lists the slowest). */
  readonly onCase?: (seed: number, label: string, ms: number) => void;
}

/**
 * Feeds `run.cases` mutated files, the kinds in turn, to a project that starts empty for
 * every case, and counts what each came to in `run.tally`.
 */
export async function fuzzImporters(run: ImporterRun): Promise<void> {
  const cases = join(run.dir, "cases");
  mkdirSync(cases, { recursive: true });
  let seeds: SeedFiles | undefined;
  const fixture = await FuzzFixture.create(run.dir, async (core, path) => {
    seeds = { ...(await buildSeeds(core, run.dir)), ...run.seeds };
    coreValue(await core.call("project.create", { path }));
  });
  const kinds = run.kinds ?? IMPORTER_KINDS;
  try {
    for (let index = 0; index < run.cases; index++) {
      const seed = caseSeed(run.seed, index);
      if (run.only && !run.only.includes(seed)) continue;
      const kind = kinds[index % kinds.length] as ImporterKind;
      const made = await importerCase(new Prng(seed), kind, seeds!);
      const file = join(cases, `case-${seed}${EXTENSION[kind]}`);
      writeFileSync(file, made.bytes);
      const started = performance.now();
      const judgedCase = await judged(() => importOne(fixture, kind, file, seed));
      run.onCase?.(seed, made.label, performance.now() - started);
      const verdict = run.redact === true ? redacted(judgedCase) : judgedCase;
      count(run.tally, run.tally.importers, seed, made.label, verdict);
      fixture.restore();
    }
  } finally {
    fixture.shutdown();
  }
}

function redacted(verdict: Verdict): Verdict {
  return verdict.kind === "problem" ? problem(verdict.problem, "(detail withheld)") : verdict;
}

function importOne(
  fixture: FuzzFixture,
  kind: ImporterKind,
  file: string,
  seed: number,
): Promise<Verdict> {
  switch (kind) {
    case "qdpx":
      return importRefiProject(fixture, file, seed);
    case "qdc":
    case "codebook-csv":
    case "codebook-xlsx":
      return importCodebook(fixture, file);
    default:
      return importAnswers(fixture, file);
  }
}

const countOf = (db: Db, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function mismatch(what: string, reported: number, found: number): Verdict | null {
  return reported === found
    ? null
    : problem("wrong", `report says ${reported} ${what}, project has ${found}`);
}

async function importAnswers(fixture: FuzzFixture, file: string): Promise<Verdict> {
  const { core } = fixture;
  const before = fixture.digest();
  const db = core.session.db();
  const counts = { answers: countOf(db, "answers"), respondents: countOf(db, "respondents") };
  const source = { paths: [file] };
  const inspected = (await core.call("import.inspect", {
    source,
    coder: "Fuzz",
  })) as Result<ImportInspection>;
  if (!inspected.ok) return refusal(fixture, before, inspected.error);
  const ran = (await core.call("import.run", {
    source,
    mapping: inspected.value.guess,
  })) as Result<ImportReport>;
  if (!ran.ok) return refusal(fixture, before, ran.error);
  const report = ran.value;
  if (!report.applied) return fixture.digest() === before ? accepted : changedAnyway();
  return (
    mismatch("answers added", report.answers_added, countOf(db, "answers") - counts.answers) ??
    mismatch(
      "respondents added",
      report.respondents_added,
      countOf(db, "respondents") - counts.respondents,
    ) ??
    sound(db)
  );
}

function changedAnyway(): Verdict {
  return problem("changed", "an import not applied changed the project");
}

function sound(db: Db): Verdict {
  const check = db.pragma("quick_check", { simple: true });
  return check === "ok" ? accepted : problem("wrong", `quick_check: ${String(check)}`);
}

async function importCodebook(fixture: FuzzFixture, file: string): Promise<Verdict> {
  const before = fixture.digest();
  const db = fixture.core.session.db();
  const codes = countOf(db, "codes");
  const result = (await fixture.core.call("codebook.import", {
    path: file,
  })) as Result<CodebookImportReport>;
  if (!result.ok) return refusal(fixture, before, result.error);
  return mismatch("codes created", result.value.created, countOf(db, "codes") - codes) ?? sound(db);
}

/** refi.import makes a new project and opens it; a refusal leaves no file behind. */
async function importRefiProject(
  fixture: FuzzFixture,
  file: string,
  seed: number,
): Promise<Verdict> {
  const { core } = fixture;
  const before = fixture.digest();
  const project = join(file, "..", `case-${seed}.cairn`);
  const result = (await core.call("refi.import", { path: file, project })) as Result<{
    report: RefiImportReport;
  }>;
  if (!result.ok) {
    if (existsSync(project)) {
      return problem("changed", "a refused import left its project file");
    }
    return refusal(fixture, before, result.error);
  }
  const { report } = result.value;
  const db = core.session.db();
  return (
    mismatch("answers", report.answers, countOf(db, "answers")) ??
    mismatch("respondents", report.respondents, countOf(db, "respondents")) ??
    mismatch("codes", report.codes, countOf(db, "codes")) ??
    mismatch("segments", report.segments, countOf(db, "segments")) ??
    sound(db)
  );
}
