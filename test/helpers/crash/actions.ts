/**
 * The crash harness's user: a seeded random mix of what coders do, each action one call
 * of the app's API (so one committed transaction, or a refusal that changes nothing).
 * Action k's choices depend only on (seed, k) and the project's state before it, so the
 * model and a child that starts from the model's snapshot of that state do exactly the
 * same thing: the sequence of states is deterministic.
 */
import type { Core } from "../../../electron/core/core.ts";
import type { Db } from "../../../electron/core/db/project-file.ts";
import type { ReviewItem } from "../../../shared/api/contract.ts";
import type { Result } from "../../../shared/api/errors.ts";
import { CRASH_MAPPING, type CrashFiles } from "./fixtures.ts";

export const CODERS = ["Ana", "Ben"] as const;
const CODE_PATHS = [
  ["Safety"],
  ["Safety", "Risk assessment"],
  ["Funding"],
  ["Cooperation", "Police"],
  ["Cooperation", "Courts"],
  ["Training"],
];

type Rng = () => number;

/** mulberry32 over a hash of (seed, k): action k's own random stream. */
export function actionRng(seed: number, k: number): Rng {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(k + 1, 0xc2b2ae35)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(rng() * items.length)];
}

interface Call {
  readonly kind: string;
  readonly name: string;
  readonly input: unknown;
}

interface PlanContext {
  readonly core: Core;
  readonly db: Db;
  readonly rng: Rng;
  readonly files: CrashFiles;
}

type Planner = (context: PlanContext) => Call | null | Promise<Call | null>;

const ids = (db: Db, sql: string, ...params: unknown[]): number[] =>
  db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];

const planners: readonly (readonly [weight: number, kind: string, plan: Planner])[] = [
  [30, "code", planCode],
  [8, "uncode", planUncode],
  [4, "adjust", planAdjust],
  [4, "create code", ({ rng }) => call("codes.create", { path: [...pick(rng, CODE_PATHS)!] })],
  [4, "merge codes", planMerge],
  [9, "undo", () => call("history.undo", {})],
  [4, "redo", () => call("history.redo", {})],
  [7, "memo", planMemo],
  [6, "mark done", planDone],
  [3, "review start", planReviewStart],
  [8, "review decide", planReviewDecide],
  [2, "import wave 2", ({ files }) => importCall(files.second)],
  [1, "import conflict", ({ files }) => importCall(files.conflicting)],
];
const TOTAL_WEIGHT = planners.reduce((sum, [weight]) => sum + weight, 0);

function call(name: string, input: unknown): Call {
  return { kind: name, name, input };
}

function importCall(path: string): Call {
  return call("import.run", { source: { paths: [path] }, mapping: CRASH_MAPPING });
}

/** What action k does on this state: the first is always the first wave's import. */
export async function planAction(
  core: Core,
  seed: number,
  k: number,
  files: CrashFiles,
): Promise<Call> {
  if (k === 0) return { ...importCall(files.first), kind: "import wave 1" };
  const context = { core, db: core.session.db(), rng: actionRng(seed, k), files };
  for (let attempt = 0; attempt < 8; attempt++) {
    let roll = context.rng() * TOTAL_WEIGHT;
    for (const [weight, kind, plan] of planners) {
      roll -= weight;
      if (roll >= 0) continue;
      const planned = await plan(context);
      if (planned) return { ...planned, kind };
      break;
    }
  }
  return { ...call("history.undo", {}), kind: "undo" };
}

/** Runs action k; what it answered (a refusal is fine, as long as it is deterministic). */
export async function runAction(
  core: Core,
  seed: number,
  k: number,
  files: CrashFiles,
): Promise<{ kind: string; result: Result<unknown> }> {
  const planned = await planAction(core, seed, k, files);
  return { kind: planned.kind, result: await core.call(planned.name, planned.input) };
}

function planCode({ db, rng }: PlanContext): Call | null {
  const answer = pick(
    rng,
    db
      .prepare("SELECT id, length(text) AS length FROM answers WHERE status = 'answered'")
      .all() as { id: number; length: number }[],
  );
  if (!answer) return null;
  // length() counts code points; the API counts UTF-16 units: stay inside the shorter.
  const start = Math.floor(rng() * Math.max(1, answer.length - 2));
  const end = Math.min(answer.length, start + 1 + Math.floor(rng() * 20));
  const whole = rng() < 0.2;
  return call("coding.apply", {
    answerId: answer.id,
    code: { path: [...pick(rng, CODE_PATHS)!] },
    coder: pick(rng, CODERS)!,
    ...(whole ? {} : { start, end }),
  });
}

function planUncode({ db, rng }: PlanContext): Call | null {
  const id = pick(rng, ids(db, "SELECT id FROM segments ORDER BY id"));
  return id === undefined ? null : call("coding.remove", { segmentIds: [id] });
}

function planAdjust({ db, rng }: PlanContext): Call | null {
  const segment = pick(
    rng,
    db
      .prepare(
        `SELECT s.id, s.start, s."end", length(a.text) AS length
         FROM segments s JOIN answers a ON a.id = s.answer_id ORDER BY s.id`,
      )
      .all() as { id: number; start: number; end: number; length: number }[],
  );
  if (!segment) return null;
  const start = Math.max(0, segment.start - 2);
  const end = Math.min(segment.length, segment.end + 3);
  return end > start ? call("coding.adjust", { segmentId: segment.id, start, end }) : null;
}

function planMerge({ db, rng }: PlanContext): Call | null {
  const codes = ids(db, "SELECT id FROM codes ORDER BY id");
  const source = pick(rng, codes);
  const target = pick(
    rng,
    codes.filter((id) => id !== source),
  );
  if (source === undefined || target === undefined) return null;
  return call("codes.merge", { sourceIds: [source], targetId: target });
}

function planMemo({ db, rng }: PlanContext): Call | null {
  const coder = pick(rng, CODERS)!;
  const text = rng() < 0.2 ? "" : `memo ${Math.floor(rng() * 1000)} — ✓`;
  if (rng() < 0.5) {
    const segmentId = pick(rng, ids(db, "SELECT id FROM segments ORDER BY id"));
    if (segmentId !== undefined)
      return call("coding.setMemo", { target: { segmentId }, coder, text });
  }
  const answerId = pick(rng, ids(db, "SELECT id FROM answers ORDER BY id"));
  return answerId === undefined
    ? null
    : call("coding.setMemo", { target: { answerId }, coder, text });
}

function planDone({ db, rng }: PlanContext): Call | null {
  const questionId = pick(rng, ids(db, "SELECT id FROM questions ORDER BY id"));
  if (questionId === undefined) return null;
  return call("coding.markDone", {
    coder: pick(rng, CODERS)!,
    questionId,
    done: rng() < 0.85,
  });
}

function coderIds(db: Db): [number, number] | null {
  const [a, b] = CODERS.map(
    (name) => db.prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as number,
  );
  return a === undefined || b === undefined ? null : [a, b];
}

function planReviewStart({ db }: PlanContext): Call | null {
  const coders = coderIds(db);
  return coders ? call("review.start", { coderIds: coders }) : null;
}

async function planReviewDecide({ core, db, rng }: PlanContext): Promise<Call | null> {
  const reviewId = db.prepare("SELECT id FROM reviews ORDER BY id DESC LIMIT 1").pluck().get() as
    number | undefined;
  if (reviewId === undefined) return null;
  const listed = await core.call("review.items", { reviewId, offset: 0, limit: 200 });
  const item = listed.ok ? pick(rng, listed.value as readonly ReviewItem[]) : undefined;
  if (!item) return null;
  return call("review.decide", {
    reviewId,
    answerId: item.answerId,
    codeId: item.codeId,
    decision: pick(rng, ["a", "b", "both", "neither"] as const)!,
    comment: rng() < 0.3 ? "settled in the meeting" : "",
  });
}
