/**
 * Builds the tally benchmark's project from the coding benchmarks' one (10 questions x N
 * respondents, about 1.1 segments per answer, 2 coders, Country with 25 values): its 30
 * codes give way to 200 in a realistic tree (20 themes of 9 codes, half of the themes
 * with a sub-theme holding 3 codes, so 3 levels), and every segment gets one of them;
 * the second coder double-codes half the answers of some questions and shares the work
 * on the others.
 * Each question draws from its own share of the codebook (from 38 codes for Q1 to all
 * 200 for Q10) with a few codes used often and many rarely, as answers to open questions
 * are coded. Done in SQL on a copy of the cached file; kept under .scratch/bench/ while
 * the schema and this builder stay the same. Also the figures the definitions give, in
 * plain SQL, to check the engine's numbers against.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import type { Db } from "../electron/core/db/project-file.ts";
import type { Tally } from "../shared/api/tally-api.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { codingBenchProject, QUESTIONS } from "./coding-project.ts";
import { random } from "./stats.ts";

/** Bumped whenever the build below changes, so an older cached file is not reused. */
const BUILD = 2;
export const THEMES = 20;
const CODES_PER_THEME = 9;
/** Segments pick their code through this many slots per question (a 12-bit hash). */
const SLOTS = 4096;

export interface BenchCode {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly position: number;
}

/**
 * The codebook: themes 1..20 are the top level; theme t's codes follow. In even themes
 * the sixth code is a sub-theme holding the seventh to ninth.
 */
export function benchCodes(): BenchCode[] {
  const codes: BenchCode[] = [];
  for (let t = 1; t <= THEMES; t++) {
    codes.push({ id: t, parentId: null, name: `Theme ${t}`, position: t });
  }
  for (let t = 1; t <= THEMES; t++) {
    const first = THEMES + 1 + (t - 1) * CODES_PER_THEME;
    for (let k = 1; k <= CODES_PER_THEME; k++) {
      const nested = t % 2 === 0 && k > 6;
      codes.push({
        id: first + k - 1,
        parentId: nested ? first + 5 : t,
        name: nested ? `Code ${t}.6.${k - 6}` : `Code ${t}.${k}`,
        position: nested ? k - 6 : k,
      });
    }
  }
  return codes;
}

/** The project for `respondents` x 10 answers with 200 codes, built if not cached yet. */
export function tallyBenchProject(respondents: number): string {
  const source = codingBenchProject(respondents);
  const migrations = bundledMigrations();
  const file = join(dirname(source), `tally-${respondents}-v${migrations.length}.${BUILD}.cairn`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  copyFileSync(source, partial);
  const started = performance.now();
  const session = new ProjectSession({ migrations });
  session.openFile(partial);
  const db = session.db();
  // The old codes go while segments still point at them; the new ones take their ids.
  db.pragma("foreign_keys = OFF");
  db.transaction(() => {
    db.exec("DELETE FROM codes");
    const addCode = db.prepare(
      "INSERT INTO codes (id, parent_id, name, color, position) VALUES (?, ?, ?, ?, ?)",
    );
    const codes = benchCodes();
    for (const code of codes) {
      addCode.run(code.id, code.parentId, code.name, color(code.id), code.position);
    }
    db.exec(
      "CREATE TEMP TABLE bench_pick (q INTEGER, slot INTEGER, code_id INTEGER, PRIMARY KEY (q, slot))",
    );
    const addPick = db.prepare("INSERT INTO bench_pick VALUES (?, ?, ?)");
    for (let q = 1; q <= QUESTIONS; q++) {
      for (const [slot, codeId] of questionSlots(q, codes).entries()) addPick.run(q, slot, codeId);
    }
    db.exec(
      `UPDATE segments SET code_id = (
         SELECT p.code_id FROM bench_pick p
          WHERE p.q = (SELECT a.question_id FROM answers a WHERE a.id = segments.answer_id)
            AND p.slot = ((segments.id * 2654435761) & 4294967295) >> 20)`,
    );
    db.exec("DROP TABLE bench_pick");
    // The coding project gives Ben segments only in even questions (answer ids that are
    // multiples of 4): there he codes half the answers again. In odd questions the two
    // share the work instead, Ben taking every fourth answer, so one coder's tally
    // differs from everyone's in every question.
    db.exec(
      `UPDATE segments SET coder_id = 2
        WHERE coder_id = 1 AND ((segments.id * 2654435761) & 4294967295) >> 30 = 0
          AND (SELECT a.question_id % 2 FROM answers a WHERE a.id = segments.answer_id) = 1`,
    );
    const broken = db.prepare("PRAGMA foreign_key_check").all();
    if (broken.length > 0) throw new Error(`tally bench project: ${broken.length} broken keys`);
  })();
  db.pragma("foreign_keys = ON");
  session.close();
  renameSync(partial, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${file} in ${seconds} s`);
  return file;
}

/**
 * Question q's SLOTS slots, each holding a code: the question uses 20 + 18q codes of its
 * own random choice, weighted by rank (Zipf, s = 0.8). Mostly leaves; a sub-theme or a
 * theme itself sometimes, as coders code a passage with the broader node.
 */
function questionSlots(q: number, codes: readonly BenchCode[]): number[] {
  const next = random(1000 + q);
  const parents = new Set(codes.map((c) => c.parentId));
  const weightOf = (c: BenchCode) => (parents.has(c.id) ? 0.15 : 1);
  const order = codes
    .map((code) => ({ code, key: next() }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.code)
    .slice(0, Math.min(codes.length, 20 + 18 * q));
  const weights = order.map((code, rank) => weightOf(code) / (rank + 1) ** 0.8);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const slots: number[] = [];
  let cumulative = 0;
  order.forEach((code, i) => {
    cumulative += weights[i] ?? 0;
    const until = Math.round((cumulative / total) * SLOTS);
    while (slots.length < until) slots.push(code.id);
  });
  while (slots.length < SLOTS) slots.push(order[0]?.id ?? 1);
  return slots;
}

function color(i: number): string {
  const palette = ["#2d6a73", "#b5502c", "#6b4c9a", "#3f7d3a", "#a8326b", "#8a6d1f"];
  return palette[i % palette.length] ?? "#2d6a73";
}

/** A node's respondents and segments in some scope, as the tally must give them. */
export interface Expected {
  readonly respondents: number;
  readonly segments: number;
}

export interface ReferenceScope {
  readonly questionId: number;
  readonly coderId?: number;
  readonly country?: string;
}

/**
 * The figures by the definitions, in plain SQL (slow and obvious: every segment joined
 * to every ancestor of its code), to check the engine's numbers against.
 */
export function referenceCounts(db: Db, scope: ReferenceScope): Map<number, Expected> {
  const rows = db
    .prepare(
      `WITH RECURSIVE up(code_id, ancestor) AS (
         SELECT id, id FROM codes
         UNION ALL
         SELECT up.code_id, c.parent_id FROM up JOIN codes c ON c.id = up.ancestor
          WHERE c.parent_id IS NOT NULL)
       SELECT up.ancestor AS codeId, count(DISTINCT a.respondent_id) AS respondents,
              count(*) AS segments
         FROM answers a
         JOIN segments s ON s.answer_id = a.id
         JOIN up ON up.code_id = s.code_id
        WHERE a.question_id = :q
          AND (:coder IS NULL OR s.coder_id = :coder)
          AND (:country IS NULL OR a.respondent_id IN (
                SELECT ra.respondent_id FROM respondent_attributes ra
                  JOIN attributes t ON t.id = ra.attribute_id
                 WHERE t.name = 'Country' AND ra.value = :country))
        GROUP BY up.ancestor`,
    )
    .all({ q: scope.questionId, coder: scope.coderId ?? null, country: scope.country ?? null });
  return new Map(
    (rows as (Expected & { codeId: number })[]).map((r) => [
      r.codeId,
      { respondents: r.respondents, segments: r.segments },
    ]),
  );
}

/** The codebook in tree order: each node before its children, siblings by position. */
function treeOrder(): number[] {
  const codes = benchCodes();
  const order: number[] = [];
  const visit = (parentId: number | null) => {
    for (const code of codes
      .filter((c) => c.parentId === parentId)
      .sort((a, b) => a.position - b.position)) {
      order.push(code.id);
      visit(code.id);
    }
  };
  visit(null);
  return order;
}

/**
 * Where the engine's figures for the scope's question differ from the reference, as a
 * few readable lines: counts, both percentages, the codes listed and their order.
 */
export function differences(
  got: Tally,
  scope: ReferenceScope,
  expected: Map<number, Expected>,
): string[] {
  const question = got.questions.find((q) => q.questionId === scope.questionId);
  const codes = question?.codes ?? [];
  const found: string[] = [];
  const close = (a: number | null, b: number | null) =>
    a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-12);
  for (const code of codes) {
    const want = expected.get(code.codeId);
    if (!want || want.respondents !== code.nRespondents || want.segments !== code.nSegments) {
      found.push(
        `code ${code.codeId}: ${code.nRespondents}/${code.nSegments}, expected ${want?.respondents ?? 0}/${want?.segments ?? 0}`,
      );
    }
    const answered = question?.answered ?? 0;
    if (!close(code.pctOfAnswered, answered ? code.nRespondents / answered : null)) {
      found.push(`code ${code.codeId}: pctOfAnswered ${code.pctOfAnswered}`);
    }
    const siblings = codes
      .filter((c) => c.parentId === code.parentId)
      .reduce((sum, c) => sum + c.nSegments, 0);
    if (!close(code.pctOfSegments, siblings ? code.nSegments / siblings : null)) {
      found.push(`code ${code.codeId}: pctOfSegments ${code.pctOfSegments}`);
    }
  }
  const listed = new Set(codes.map((c) => c.codeId as number));
  for (const id of expected.keys()) if (!listed.has(id)) found.push(`code ${id} missing`);
  const order = treeOrder().filter((id) => listed.has(id));
  if (order.join() !== codes.map((c) => c.codeId).join()) found.push("codes not in tree order");
  return found;
}

/**
 * What one new segment of `codeId` should add to its node and each ancestor: a segment,
 * and a respondent where the answer had nothing in that subtree yet (`had`).
 */
export function expectedDeltas(
  codeId: number,
  had: ReadonlySet<number>,
): Map<number, [number, number]> {
  const parents = new Map(benchCodes().map((c) => [c.id, c.parentId]));
  const deltas = new Map<number, [number, number]>();
  for (let id: number | null | undefined = codeId; id; id = parents.get(id)) {
    deltas.set(id, [had.has(id) ? 0 : 1, 1]);
  }
  return deltas;
}

function figures(t: Tally, questionId: number): Map<number, [number, number]> {
  const question = t.questions.find((q) => q.questionId === questionId);
  return new Map((question?.codes ?? []).map((c) => [c.codeId, [c.nRespondents, c.nSegments]]));
}

/** Whether every node of the question moved by exactly `want` (others not at all). */
export function moved(
  before: Tally,
  after: Tally,
  questionId: number,
  want: Map<number, [number, number]>,
): boolean {
  const a = figures(before, questionId);
  const b = figures(after, questionId);
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const [r0, s0] = a.get(id) ?? [0, 0];
    const [r1, s1] = b.get(id) ?? [0, 0];
    const [dr, ds] = want.get(id) ?? [0, 0];
    if (r1 - r0 !== dr || s1 - s0 !== ds) return false;
  }
  const answered = (t: Tally) => t.questions.find((q) => q.questionId === questionId)?.answered;
  return answered(before) === answered(after);
}
