/**
 * Encryption overhead (decision 0017): the import and tally benchmarks' workloads run on
 * a plain and on a password-protected project in the same run, and the ratio encrypted /
 * plain printed for each. The import is `cairn import` of the import benchmark's CSV
 * (bench/import-survey.ts) into an empty project, as its own process under time(1); the
 * tally is the tally benchmark's project (bench/tally-project.ts) through the API: open,
 * first tally of a question and of all questions after opening, the same warm, and a
 * coding action followed by the tally it changes. Both in rounds plain, encrypted,
 * encrypted, plain (means of two). Prints figures; passes or fails nothing.
 *
 *   npm run bench:encryption               # 100,000 respondents (1,000,000 answers)
 *   npm run bench:encryption -- 10000      # a quicker look
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TallyScope } from "../shared/api/tally-api.ts";
import { createCore } from "../electron/core/core.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { timed } from "./bench-core.ts";
import { questionColumns, writeCsv } from "./import-survey.ts";
import { percentile, random } from "./stats.ts";
import { benchCodes, tallyBenchProject } from "./tally-project.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const PASSWORD = "correct horse 'battery' staple";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/cairn.mjs");
const WARM_RUNS = 15;
const ACTIONS = 30;
const Q = 5;

type Variant = "plain" | "encrypted";
/**
 * Plain, encrypted, encrypted, plain, and the mean of each variant's two runs: the machine
 * warms up (JIT, the OS's file cache) and other work on it comes and goes.
 */
const ROUNDS: readonly Variant[] = ["plain", "encrypted", "encrypted", "plain"];
/** Rows of the table: what was measured, in milliseconds, plain and encrypted. */
const rows: { label: string; plain: number; encrypted: number }[] = [];

function row(label: string, figures: Record<Variant, number>): void {
  rows.push({ label, ...figures });
  const ratio = figures.encrypted / figures.plain;
  console.log(
    `${label}: plain ${figures.plain.toFixed(1)} ms, encrypted ${figures.encrypted.toFixed(1)} ms, ` +
      `ratio ${ratio.toFixed(2)}`,
  );
}

/** An empty project, protected or not; what `cairn new` and `cairn password` would write. */
function emptyProject(path: string, variant: Variant): void {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.create(path);
  if (variant === "encrypted") session.setPassword(undefined, PASSWORD);
  session.close();
}

/** `cairn import` as its own process: wall seconds and peak RSS from time(1). */
function cairnImport(project: string, csv: string, variant: Variant): number {
  const columns = questionColumns();
  const args = [BIN, "import", project, csv, "--json", "--id-column", "Respondent"];
  args.push("--attribute-columns", "Country,Organisation type");
  args.push("--question-columns", columns.join(","));
  const env = { ...process.env, CAIRN_PASSWORD: variant === "encrypted" ? PASSWORD : "" };
  const result = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", process.execPath, ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const match = /TIME ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    throw new Error(`cairn import (${variant}) failed (${result.status}):\n${result.stderr}`);
  }
  console.log(`  ${variant} import: peak RSS ${(Number(match[2]) / 1024).toFixed(0)} MiB`);
  return Number(match[1]) * 1000;
}

async function importOverhead(dir: string): Promise<void> {
  const csv = join(dir, "survey.csv");
  await writeCsv(csv, respondents);
  console.log(
    `import: ${respondents.toLocaleString("en")} respondents x 10 questions, ` +
      `${(statSync(csv).size / 1024 / 1024).toFixed(0)} MiB of CSV, cairn import in its own process`,
  );
  const seconds: Record<Variant, number> = { plain: 0, encrypted: 0 };
  for (const [round, variant] of ROUNDS.entries()) {
    const project = join(dir, `import-${round}.cairn`);
    emptyProject(project, variant);
    seconds[variant] += cairnImport(project, csv, variant) / 2;
    rmSync(project, { force: true });
  }
  row("cairn import (whole process)", seconds);
}

interface TallyFigures {
  open: number;
  coldOne: number;
  coldAll: number;
  warmOne: number;
  warmAll: number;
  applyAndTally: number;
}

async function tallyFigures(file: string, variant: Variant, home: string): Promise<TallyFigures> {
  const core = createCore({ shell: "browser", userDataDir: home });
  const call = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const result = await core.call(name as never, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const open = () =>
    variant === "encrypted"
      ? call("project.unlock", { path: file, password: PASSWORD })
      : call("project.open", { path: file });
  const tally = (scope: TallyScope) => call("tally.get", scope);
  const one = { questionId: Q } as TallyScope;
  try {
    const [, openMs] = await timed(open);
    const [, coldOne] = await timed(() => tally(one));
    await call("project.close", {});
    await open();
    const [, coldAll] = await timed(() => tally({}));
    const warm = async (scope: TallyScope): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) times.push((await timed(() => tally(scope)))[1]);
      return percentile(times, 50);
    };
    const warmOne = await warm(one);
    const warmAll = await warm({});
    const applyAndTally = await codingActions(call, tally);
    return {
      open: openMs,
      coldOne,
      coldAll,
      warmOne,
      warmAll,
      applyAndTally,
    };
  } finally {
    core.shutdown();
  }
}

/** The live update: a coding action (a write through the WAL) and the tally it changes. */
async function codingActions(
  call: (name: string, input: unknown) => Promise<unknown>,
  tally: (scope: TallyScope) => Promise<unknown>,
): Promise<number> {
  const page = (await call("answers.list", { questionId: Q, offset: 0, limit: 4 * ACTIONS })) as {
    rows: { answerId: number; status: string; text: string }[];
  };
  const answers = page.rows.filter((r) => r.status === "answered" && r.text.length > 10);
  const codes = benchCodes();
  const leaves = codes.filter((c) => !codes.some((d) => d.parentId === c.id)).map((c) => c.id);
  const next = random(17);
  const times: number[] = [];
  for (const answer of answers.slice(0, ACTIONS)) {
    const codeId = leaves[Math.floor(next() * leaves.length)]!;
    const [, ms] = await timed(async () => {
      await call("coding.apply", {
        answerId: answer.answerId,
        code: { id: codeId },
        coder: "Anna",
      });
      await tally({ questionId: Q } as TallyScope);
    });
    times.push(ms);
    await call("history.undo", {});
  }
  return percentile(times, 50);
}

async function tallyOverhead(dir: string): Promise<void> {
  const source = tallyBenchProject(respondents);
  const files: Record<Variant, string> = {
    plain: join(dir, "tally-plain.cairn"),
    encrypted: join(dir, "tally-encrypted.cairn"),
  };
  copyFileSync(source, files.plain);
  copyFileSync(source, files.encrypted);
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(files.encrypted);
  const [, setMs] = await timed(async () => session.setPassword(undefined, PASSWORD));
  session.close();
  console.log(
    `tally: ${respondents.toLocaleString("en")} respondents x 10 questions ` +
      `(${(statSync(source).size / 1024 / 1024).toFixed(0)} MiB); setting its password took ` +
      `${(setMs / 1000).toFixed(1)} s`,
  );
  const runs: Record<Variant, TallyFigures[]> = { plain: [], encrypted: [] };
  for (const [round, variant] of ROUNDS.entries()) {
    const home = join(dir, `home-${round}`);
    runs[variant].push(await tallyFigures(files[variant], variant, home));
  }
  const mean = (variant: Variant, key: keyof TallyFigures) =>
    runs[variant].reduce((sum, run) => sum + run[key], 0) / runs[variant].length;
  const pick = (key: keyof TallyFigures) => ({
    plain: mean("plain", key),
    encrypted: mean("encrypted", key),
  });
  row("project open (key derivation included)", pick("open"));
  row(`tally.get Q${Q}, first call after open`, pick("coldOne"));
  row("tally.get all questions, first call after open", pick("coldAll"));
  row(`tally.get Q${Q}, warm (p50)`, pick("warmOne"));
  row("tally.get all questions, warm (p50)", pick("warmAll"));
  row("coding.apply + tally.get (p50)", pick("applyAndTally"));
}

function printTable(): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log(`\n${"".padEnd(width)}  plain (ms)  encrypted (ms)  encrypted / plain`);
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(width)}  ${r.plain.toFixed(1).padStart(10)}  ` +
        `${r.encrypted.toFixed(1).padStart(14)}  ${(r.encrypted / r.plain).toFixed(2).padStart(17)}`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), "cairn-bench-encryption-"));
try {
  await importOverhead(dir);
  await tallyOverhead(dir);
  printTable();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
