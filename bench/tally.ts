/**
 * Tally benchmark, core side: on a project of 1,000,000 answers, about as many segments
 * and 200 codes, how long the frequency panel's figures take through the API (one
 * question cold and warm, all questions, with an attribute filter, one coder) beside the
 * raw floor measured in the same run: one hand-written GROUP BY over covering indexes
 * (distinct respondents per code, for one question and for all). Then the live update:
 * the tally of the question right after one coding action and its undo, with the
 * numbers checked to move by exactly what the action changed. Prints figures and
 * OK/MISMATCH; passes or fails nothing.
 *
 *   npm run bench:tally               # 100,000 respondents x 10 questions
 *   npm run bench:tally -- 1000       # a small project, for a quick look
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiName } from "../shared/api/contract.ts";
import type { Tally, TallyScope } from "../shared/api/tally-api.ts";
import { createCore } from "../electron/core/core.ts";
import type { Db } from "../electron/core/db/project-file.ts";
import { timed } from "./bench-core.ts";
import {
  describeProject,
  FLOOR_ALL,
  FLOOR_ALL_BY_ANSWERS,
  FLOOR_COUNTRY,
  FLOOR_ONE,
  plan,
  timeSql,
} from "./tally-floors.ts";
import { percentile, random } from "./stats.ts";
import {
  benchCodes,
  differences,
  expectedDeltas,
  moved,
  referenceCounts,
  tallyBenchProject,
  type ReferenceScope,
} from "./tally-project.ts";
import { QUESTIONS } from "./coding-project.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const big = respondents >= 100_000;
const RUNS = big ? 15 : 40;
const REOPENS = big ? 3 : 5;
const LIVE = 50;
/** The question the panel shows: a middle one, using 110 of the 200 codes. */
const Q = 5;
const COUNTRY = "Country 3";

// As benchCore (bench-core.ts) does, but on a copy of the tally project.
const home = mkdtempSync(join(tmpdir(), "cairn-bench-home-"));
const file = join(home, "bench.cairn");
copyFileSync(tallyBenchProject(respondents), file);
const core = createCore({ shell: "browser", userDataDir: home });
async function call<T = unknown>(name: ApiName, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
/** One line per target, repeated at the end. */
const verdicts: string[] = [];
const tally = (scope: TallyScope) => call<Tally>("tally.get", scope);

function summary(values: readonly number[], digits = 1): string {
  const f = (p: number) => percentile(values, p).toFixed(digits);
  return `p50 ${f(50)} ms, p95 ${f(95)} ms (${values.length})`;
}
function ratio(values: readonly number[], floor: number): string {
  return `${(percentile(values, 50) / floor).toFixed(2)} x floor`;
}
function line(label: string, values: readonly number[], floor?: number): void {
  console.log(`${label}: ${summary(values)}${floor ? `, ${ratio(values, floor)}` : ""}`);
}

function check(label: string, got: Tally, scope: ReferenceScope, db: Db): void {
  const found = differences(got, scope, referenceCounts(db, scope));
  console.log(
    `  check ${label} against plain SQL: ${found.length === 0 ? "OK" : `MISMATCH ${found.slice(0, 5).join("; ")}`}`,
  );
}

async function reopen(): Promise<void> {
  await call("project.close", {});
  await call("project.open", { path: file });
}

/** The scope's tally taken again and again, after a first call that is not measured. */
async function repeat(scope: TallyScope, runs = RUNS): Promise<number[]> {
  await tally(scope);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(() => tally(scope)))[1]);
  return times;
}

function timeOnce(sql: string, params: unknown[]): number {
  const query = core.session.db().prepare(sql);
  const began = performance.now();
  query.all(...params);
  return performance.now() - began;
}

/**
 * The first tally after opening the project (nothing cached, SQLite's page cache empty)
 * in cycles beside the floor on a freshly opened project too, cold and then warm, so that
 * each ratio compares runs made a moment apart: on a busy machine the timings drift.
 */
async function coldBesideFloor(
  label: string,
  scope: TallyScope,
  sqls: readonly string[],
  params: unknown[],
): Promise<void> {
  const floorCold: number[] = [];
  const floorWarm: number[] = [];
  const cold: number[] = [];
  const ratios: number[] = [];
  const coldRatios: number[] = [];
  for (let i = 0; i < REOPENS; i++) {
    await reopen();
    // Cold: the first plan on a fresh connection; warm: the fastest plan run again.
    floorCold.push(timeOnce(sqls[0]!, params));
    floorWarm.push(Math.min(...sqls.map((sql) => timeOnce(sql, params))));
    await reopen();
    cold.push((await timed(() => tally(scope)))[1]);
    ratios.push(cold[i]! / floorWarm[i]!);
    coldRatios.push(cold[i]! / floorCold[i]!);
  }
  const r = percentile(ratios, 50);
  const rCold = percentile(coldRatios, 50);
  verdicts.push(
    `${label} cold within 1.5 x floor: ${r <= 1.5 ? "met" : "NOT met"} (${r.toFixed(2)} x, ` +
      `${percentile(cold, 50).toFixed(1)} ms vs ${percentile(floorWarm, 50).toFixed(1)} ms; ` +
      `cold vs cold ${rCold.toFixed(2)} x)`,
  );
  console.log(
    `tally.get ${label}, cold (first call after reopening): ${summary(cold)}; ` +
      `floor in the same cycles: cold ${summary(floorCold)}, warm ${summary(floorWarm)}; ` +
      `tally cold / floor warm, median of cycles: ${r.toFixed(2)} [1.5 x: ${r <= 1.5 ? "met" : "NOT met"}]; ` +
      `tally cold / floor cold (both first on a fresh connection): ${rCold.toFixed(2)}`,
  );
}

async function apiFigures(
  db: () => Db,
  floorOne: number,
  floorAll: number,
  floorCountry: number,
): Promise<void> {
  const one = { questionId: Q } as TallyScope;
  const [first, coldMs] = await timed(() => tally(one));
  line(`tally.get Q${Q}, first call after open`, [coldMs], floorOne);
  check(`Q${Q}`, first, { questionId: Q }, db());
  line(`tally.get Q${Q}, repeated (warm)`, await repeat(one), floorOne);
  const others: number[] = [];
  for (let q = 1; q <= QUESTIONS; q++) {
    if (q !== Q) others.push((await timed(() => tally({ questionId: q } as TallyScope)))[1]);
  }
  line(`tally.get of each other question, first call`, others, floorOne);
  await coldBesideFloor(`Q${Q}`, one, [FLOOR_ONE], [Q]);
  await coldBesideFloor("all questions", {}, [FLOOR_ALL_BY_ANSWERS, FLOOR_ALL], []);
  line(`tally.get all questions, repeated (warm)`, await repeat({}), floorAll);

  const filtered = { questionId: Q, attributes: [{ name: "Country", values: [COUNTRY] }] };
  const [byCountry, filteredMs] = await timed(() => tally(filtered as TallyScope));
  line(`tally.get Q${Q}, Country = ${COUNTRY}, first call`, [filteredMs], floorCountry);
  check(`Q${Q} Country = ${COUNTRY}`, byCountry, { questionId: Q, country: COUNTRY }, db());
  line(
    `tally.get Q${Q}, Country = ${COUNTRY}, repeated`,
    await repeat(filtered as TallyScope),
    floorCountry,
  );
  await coldBesideFloor(
    `Q${Q} Country = ${COUNTRY}`,
    filtered as TallyScope,
    [FLOOR_COUNTRY],
    [Q, COUNTRY],
  );
  // Counted afresh on a connection whose pages are read in: another country each time.
  const countries: number[] = [];
  for (let c = 4; c < 4 + Math.min(RUNS, 20); c++) {
    const other = { questionId: Q, attributes: [{ name: "Country", values: [`Country ${c}`] }] };
    countries.push((await timed(() => tally(other as TallyScope)))[1]);
  }
  line(`tally.get Q${Q}, another Country each time, first call`, countries, floorCountry);
  const coder = { questionId: Q, coderId: 1 } as TallyScope;
  const [anna, annaMs] = await timed(() => tally(coder));
  line(`tally.get Q${Q}, one coder (Anna), first call`, [annaMs], floorOne);
  check(`Q${Q} Anna`, anna, { questionId: Q, coderId: 1 }, db());
  line(`tally.get Q${Q}, one coder (Anna), repeated`, await repeat(coder), floorOne);
  line(`tally.get Q${Q}, all coders, repeated`, await repeat(one), floorOne);
}

async function liveUpdate(db: Db): Promise<void> {
  const one = { questionId: Q } as TallyScope;
  const answers = db
    .prepare(
      "SELECT id, length(text) AS length FROM answers WHERE question_id = ? AND status = 'answered' AND length(text) > 30",
    )
    .all(Q) as { id: number; length: number }[];
  const codesIn = db.prepare("SELECT DISTINCT code_id FROM segments WHERE answer_id = ?").pluck();
  const codes = benchCodes();
  const parents = new Map(codes.map((c) => [c.id, c.parentId]));
  const leaves = codes.filter((c) => !codes.some((d) => d.parentId === c.id)).map((c) => c.id);
  const next = random(17);
  const applyMs: number[] = [];
  const afterApply: number[] = [];
  const undoMs: number[] = [];
  const afterUndo: number[] = [];
  let mismatches = 0;
  let before = await tally(one);
  for (let i = 0; i < LIVE; i++) {
    const answer = answers[Math.floor(next() * answers.length)]!;
    const present = new Set(codesIn.all(answer.id) as number[]);
    const had = new Set<number>();
    for (const id of present) {
      for (let up: number | null | undefined = id; up; up = parents.get(up)) had.add(up);
    }
    const free = leaves.filter((id) => !present.has(id));
    const codeId = free[Math.floor(next() * free.length)]!;
    const start = Math.floor(next() * (answer.length - 20));
    const [applied, ms] = await timed(() =>
      call<{ segmentId: number }>("coding.apply", {
        answerId: answer.id,
        code: { id: codeId },
        coder: "Anna",
        start,
        end: start + 10,
      }),
    );
    applyMs.push(ms);
    const [after, tallyMs] = await timed(() => tally(one));
    afterApply.push(tallyMs);
    if (!moved(before, after, Q, expectedDeltas(codeId, had))) mismatches++;
    // Half taken back by removing the segment, half by undo (the history's own writes).
    const [, takeMs] = await timed(() =>
      i % 2 === 0
        ? call("coding.remove", { segmentIds: [applied.segmentId] })
        : call("history.undo", {}),
    );
    undoMs.push(takeMs);
    const [back, backMs] = await timed(() => tally(one));
    afterUndo.push(backMs);
    if (!moved(before, back, Q, new Map())) mismatches++;
    before = back;
  }
  line(`coding.apply (the action itself)`, applyMs);
  line(`tally.get Q${Q} right after coding.apply`, afterApply);
  line(`coding.remove / history.undo (the action itself)`, undoMs);
  line(`tally.get Q${Q} right after remove/undo`, afterUndo);
  const live = [...afterApply, ...afterUndo];
  verdicts.push(
    `live update under 50 ms: ${percentile(live, 95) < 50 ? "met" : "NOT met"} (${summary(live)})`,
  );
  console.log(
    `live update (tally after one action), all ${live.length}: ${summary(live)} ` +
      `[target < 50 ms: ${percentile(live, 95) < 50 ? "met at p95" : percentile(live, 50) < 50 ? "met at p50 only" : "NOT met"}]`,
  );
  console.log(
    `  numbers moved by exactly the action (code and its ancestors, +1/-1): ${mismatches === 0 ? "OK" : `MISMATCH in ${mismatches} of ${2 * LIVE}`}`,
  );

  // The Frequencies view (all questions) and a filtered panel after an action.
  const all: number[] = [];
  const filtered: number[] = [];
  const scope = { questionId: Q, attributes: [{ name: "Country", values: [COUNTRY] }] };
  // The Frequencies view and the filtered panel are open: their figures were taken.
  await tally({});
  await tally(scope as TallyScope);
  for (let i = 0; i < 10; i++) {
    const answer = answers[Math.floor(next() * answers.length)]!;
    await call("coding.apply", { answerId: answer.id, code: { id: leaves[i]! }, coder: "Anna" });
    all.push((await timed(() => tally({})))[1]);
    filtered.push((await timed(() => tally(scope as TallyScope)))[1]);
    await call("history.undo", {});
  }
  line(`tally.get all questions right after coding.apply`, all);
  line(`tally.get Q${Q} Country = ${COUNTRY} right after coding.apply`, filtered);
}

try {
  await call("project.open", { path: file });
  const db = () => core.session.db();
  describeProject(db());
  const floorOneMs = timeSql(db(), FLOOR_ONE, [Q], RUNS);
  const floorAllMs = timeSql(db(), FLOOR_ALL, [], Math.ceil(RUNS / 2));
  const floorCountryMs = timeSql(db(), FLOOR_COUNTRY, [Q, COUNTRY], RUNS);
  line(`floor, Q${Q} (GROUP BY code, distinct respondents)`, floorOneMs);
  console.log(plan(db(), FLOOR_ONE, [Q]));
  line(`floor, all questions (GROUP BY question, code)`, floorAllMs);
  console.log(plan(db(), FLOOR_ALL, []));
  const floorAllByAnswersMs = timeSql(db(), FLOOR_ALL_BY_ANSWERS, [], Math.ceil(RUNS / 2));
  line(`floor, all questions, answers' index outside (CROSS JOIN)`, floorAllByAnswersMs);
  console.log(plan(db(), FLOOR_ALL_BY_ANSWERS, []));
  line(`floor, Q${Q} Country = ${COUNTRY}`, floorCountryMs);
  console.log(plan(db(), FLOOR_COUNTRY, [Q, COUNTRY]));
  const floorOne = percentile(floorOneMs, 50);
  // The floor is the faster of the two plans: the engine may choose either.
  const floorAll = Math.min(percentile(floorAllMs, 50), percentile(floorAllByAnswersMs, 50));

  let available = true;
  try {
    await tally({ questionId: 1 } as TallyScope);
    await reopen();
  } catch (error) {
    available = false;
    console.log(`tally.get not available: ${(error as Error).message}`);
  }
  if (available) {
    await apiFigures(db, floorOne, floorAll, percentile(floorCountryMs, 50));
    await liveUpdate(db());
    console.log(`targets:\n  ${verdicts.join("\n  ")}`);
  }
} finally {
  core.shutdown();
  rmSync(home, { recursive: true, force: true });
}
