/**
 * The SIGKILL harness. For each seed the model replays the action mix in-process and
 * records the digest after each action; then children run the same actions on copies of
 * the model's snapshots and are killed at seeded moments (on "begin k", on "done k", a
 * few milliseconds later, or on a timer from spawn). Each killed file is reopened with
 * the app's own open path and must hold exactly the state after some action j with
 * lastDone < j <= lastBegun + 1: every reported commit present, nothing half-done.
 * The moment a signal lands is up to the OS; the actions and kill points are seeded.
 */
import { spawn } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createCore } from "../../../electron/core/core.ts";
import { fixedClock } from "../project.ts";
import { actionRng } from "./actions.ts";
import { APP_ROOT, bundleChildren, type ChildBundles } from "./bundle.ts";
import { writeCrashFiles, type CrashFiles } from "./fixtures.ts";
import { modelSeed, type SeedModel } from "./model.ts";
import { verifyKilled } from "./verify.ts";

export interface CrashRunOptions {
  readonly dir: string;
  readonly seeds: readonly number[];
  /**
   * Kills that must land per seed. A child can outrun its kill (a timer that fires after
   * the last action); it is checked all the same and another kill is planned in its place,
   * up to three times as many children as kills, so the count never hangs on timing.
   */
  readonly killsPerSeed: number;
  readonly actionsPerSeed?: number;
  readonly snapshotEvery?: number;
  /** Children at a time. */
  readonly parallel?: number;
  readonly log?: (line: string) => void;
}

export interface CrashFailure {
  readonly kill: number;
  readonly seed: number;
  readonly action: string;
  readonly problem: string;
}

export interface CrashReport {
  /** Children killed while still working. */
  readonly kills: number;
  /** Kills after which the project reopened intact, with every reported commit. */
  readonly recovered: number;
  /** Children that finished before their kill came (checked all the same). */
  readonly finished: number;
  readonly failures: readonly CrashFailure[];
  /** Where the kills landed: "before the first action", "import wave 2", "after a commit"... */
  readonly landed: ReadonlyMap<string, number>;
  readonly seconds: number;
  /** Spawn to the child's first "begin", median, in ms. */
  readonly spawnMs: number;
}

type KillTrigger =
  | { readonly on: "begin"; readonly action: number; readonly delayMs: number }
  | { readonly on: "done"; readonly action: number }
  | { readonly on: "timer"; readonly afterMs: number };

export interface KillPlan {
  readonly number: number;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly trigger: KillTrigger;
}

/** Where kill i of a seed lands: spread over the whole run, some on a timer from spawn. */
function planKill(model: SeedModel, every: number, index: number, number: number): KillPlan {
  const rng = actionRng(model.seed, 100_000 + index);
  const roll = rng();
  const target = Math.floor(rng() * model.actions);
  const from = Math.floor(target / every) * every;
  const to = Math.min(model.actions, target + 2);
  if (roll < 0.15) {
    const from0 = Math.floor((rng() * model.actions) / every) * every;
    return {
      number,
      seed: model.seed,
      from: from0,
      to: model.actions,
      trigger: { on: "timer", afterMs: Math.floor(rng() * 160) },
    };
  }
  if (roll < 0.35)
    return { number, seed: model.seed, from, to, trigger: { on: "done", action: target } };
  const delayMs = rng() < 0.5 ? 0 : Math.floor(rng() * 6);
  return { number, seed: model.seed, from, to, trigger: { on: "begin", action: target, delayMs } };
}

interface ChildRun {
  readonly lastBegun: number;
  readonly lastDone: number;
  readonly killed: boolean;
  readonly outcomes: ReadonlyMap<number, string>;
  readonly firstBeginMs: number | null;
  readonly stderr: string;
  readonly exitCode: number | null;
}

function runChild(
  bundles: ChildBundles,
  plan: KillPlan,
  project: string,
  home: string,
  files: CrashFiles,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        bundles.loader,
        bundles.crash,
        JSON.stringify({ project, home, seed: plan.seed, from: plan.from, to: plan.to, files }),
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, CAIRN_APP_ROOT: APP_ROOT, ...env },
      },
    );
    let lastBegun = plan.from - 1;
    let lastDone = plan.from - 1;
    let killed = false;
    let firstBeginMs: number | null = null;
    let stderr = "";
    const outcomes = new Map<number, string>();
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill("SIGKILL");
    };
    const { trigger } = plan;
    const timer = trigger.on === "timer" ? setTimeout(kill, trigger.afterMs) : null;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const [word, k, outcome] = line.split(" ");
      const action = Number(k);
      if (word === "begin") {
        lastBegun = action;
        firstBeginMs ??= performance.now() - started;
        if (trigger.on === "begin" && trigger.action === action) {
          if (trigger.delayMs === 0) kill();
          else setTimeout(kill, trigger.delayMs);
        }
      } else if (word === "done") {
        lastDone = action;
        outcomes.set(action, outcome ?? "");
        if (trigger.on === "done" && trigger.action === action) kill();
      }
    });
    child.on("close", (exitCode) => {
      if (timer) clearTimeout(timer);
      resolve({ lastBegun, lastDone, killed, outcomes, firstBeginMs, stderr, exitCode });
    });
  });
}

/** What the kill interrupted, for the tally of where kills landed. */
function landing(model: SeedModel, run: ChildRun): string {
  if (run.lastBegun < run.lastDone + 1)
    return run.lastDone < 0 ? "before the first action" : "between actions";
  return model.kinds[run.lastBegun] ?? "?";
}

export async function runCrashHarness(options: CrashRunOptions): Promise<CrashReport> {
  const started = performance.now();
  const { dir } = options;
  const actions = options.actionsPerSeed ?? 40;
  const every = options.snapshotEvery ?? 4;
  const log = options.log ?? (() => {});
  const bundles = await bundleChildren(join(dir, "bundle"));
  const files = writeCrashFiles(dir);
  const base = join(dir, "base.cairn");
  const creator = createCore({
    shell: "browser",
    userDataDir: join(dir, "home-model"),
    now: fixedClock,
  });
  creator.session.create(base);
  creator.shutdown();
  await warmUp(bundles, dir, base, files);

  const failures: CrashFailure[] = [];
  const landed = new Map<string, number>();
  const spawnTimes: number[] = [];
  let kills = 0;
  let recovered = 0;
  let finished = 0;
  let number = 0;
  for (const seed of options.seeds) {
    const model = await modelSeed(seed, { dir, base, files, actions, snapshotEvery: every });
    let landedForSeed = 0;
    let inFlight = 0;
    let planned = 0;
    const nextPlan = (): KillPlan | undefined => {
      const wanted = options.killsPerSeed - landedForSeed - inFlight;
      if (wanted <= 0 || planned >= options.killsPerSeed * 3) return undefined;
      inFlight++;
      return planKill(model, every, planned++, ++number);
    };
    const worker = async () => {
      for (let plan = nextPlan(); plan; plan = nextPlan()) {
        const project = join(dir, `kill-${plan.number}.cairn`);
        copyFileSync(model.snapshots.get(plan.from) as string, project);
        const run = await runChild(
          bundles,
          plan,
          project,
          join(dir, `home-${plan.number % 4}`),
          files,
        );
        if (run.firstBeginMs !== null) spawnTimes.push(run.firstBeginMs);
        const where = run.killed ? landing(model, run) : "finished first";
        landed.set(where, (landed.get(where) ?? 0) + 1);
        inFlight--;
        if (run.killed) {
          kills++;
          landedForSeed++;
        } else finished++;
        const problems = childProblems(model, plan, run);
        problems.push(
          ...verifyKilled(project, join(dir, "home-check"), model, run.lastDone, run.lastBegun),
        );
        if (problems.length === 0 && run.killed) recovered++;
        for (const problem of problems) {
          const failure = {
            kill: plan.number,
            seed,
            action: `${run.lastBegun} (${model.kinds[run.lastBegun] ?? "none"})`,
            problem,
          };
          failures.push(failure);
          log(
            `crash harness: kill ${failure.kill}, seed ${seed}, action ${failure.action}: ${problem}`,
          );
        }
        for (const suffix of ["", "-wal", "-shm", "-journal"])
          rmSync(project + suffix, { force: true });
      }
    };
    await Promise.all(Array.from({ length: options.parallel ?? 2 }, worker));
  }
  spawnTimes.sort((a, b) => a - b);
  return {
    kills,
    recovered,
    finished,
    failures,
    landed,
    seconds: (performance.now() - started) / 1000,
    spawnMs: spawnTimes[Math.floor(spawnTimes.length / 2)] ?? 0,
  };
}

/** One child run to the end, writing V8's code cache that every later child loads. */
async function warmUp(
  bundles: ChildBundles,
  dir: string,
  base: string,
  files: CrashFiles,
): Promise<void> {
  const project = join(dir, "warm-up.cairn");
  copyFileSync(base, project);
  const plan: KillPlan = {
    number: 0,
    seed: 0,
    from: 0,
    to: 12,
    trigger: { on: "timer", afterMs: 60_000 },
  };
  const run = await runChild(bundles, plan, project, join(dir, "home-warm-up"), files, {
    CRASH_WRITE_CODE_CACHE: "1",
  });
  if (run.exitCode !== 0) throw new Error(`crash harness: the warm-up child failed: ${run.stderr}`);
}

/** A child that failed on its own, or answered differently from the model. */
function childProblems(model: SeedModel, plan: KillPlan, run: ChildRun): string[] {
  const problems: string[] = [];
  if (!run.killed && run.exitCode !== 0)
    problems.push(`child exited with ${run.exitCode}: ${run.stderr.trim()}`);
  for (const [k, outcome] of run.outcomes) {
    if (outcome !== model.outcomes[k]) {
      problems.push(
        `action ${k} (${model.kinds[k]}) answered ${outcome}, the model ${model.outcomes[k]}`,
      );
    }
  }
  void plan;
  return problems;
}

export function describeReport(report: CrashReport, seeds: readonly number[]): string {
  const where = [...report.landed]
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${what} ${n}`)
    .join(", ");
  return (
    `crash harness: ${report.kills} kills, ${report.recovered} recovered with nothing lost, ` +
    `${report.failures.length} failures (seeds ${seeds[0]}–${seeds.at(-1)}; ` +
    `${report.finished} children finished before their kill, checked too) in ${report.seconds.toFixed(1)} s; ` +
    `spawn to first action ${Math.round(report.spawnMs)} ms; kills landed in: ${where}`
  );
}
