/**
 * Builds the agreement benchmark's project: N respondents x 5 questions (100,000 answers
 * for N = 20,000), the tally benchmark's 200-code tree (20 themes, sub-themes, 3 levels),
 * and two coders who have both marked every question done. Anna codes each answered
 * answer with 1 or 2 codes (1.5 on average; a few common codes, many rare ones, now and
 * then a sub-theme itself); Ben copies each of her codes 80% of the time, on a passage
 * whose ends move by up to 3 characters, and otherwise picks another code; now and then
 * he adds one of his own. Inserted with plain SQL in one transaction; cached under
 * .scratch/bench/ while the schema and this builder stay the same. Also the pooled
 * counts by the definitions in plain SQL, to check the engine's figures against.
 */
import type { Db } from "../electron/core/db/project-file.ts";
import { cachedBenchProject, insertBenchSurvey } from "./bench-project.ts";
import { random } from "./stats.ts";
import { benchCodes, type BenchCode } from "./tally-project.ts";

/** Bumped whenever the build below changes, so an older cached file is not reused. */
const BUILD = 1;
export const AGREEMENT_QUESTIONS = 5;
const COPY = 0.8;
const EXTRA = 0.1;
const JITTER = 3;

/** The project for `respondents` x 5 answers, built if it is not cached yet. */
export function agreementBenchProject(respondents: number): string {
  return cachedBenchProject(`agreement-${respondents}`, `.${BUILD}`, (db) => {
    insertSurvey(db, respondents);
    insertCoding(db);
  });
}

function insertSurvey(db: Db, respondents: number): void {
  insertBenchSurvey(db, AGREEMENT_QUESTIONS, respondents);
  const addCode = db.prepare(
    "INSERT INTO codes (id, parent_id, name, color, position) VALUES (?, ?, ?, ?, ?)",
  );
  for (const code of benchCodes()) {
    addCode.run(code.id, code.parentId, code.name, "#2d6a73", code.position);
  }
  db.exec(`INSERT INTO coders (id, name, name_key) VALUES (1, 'Anna', 'anna'), (2, 'Ben', 'ben')`);
  db.exec(`INSERT INTO done_marks (coder_id, question_id, answer_id, marked_at)
           SELECT c.id, q.id, NULL, '2026-01-01T00:00:00Z' FROM coders c CROSS JOIN questions q`);
}

/** Codes drawn by rank (Zipf, s = 1): leaves mostly, a sub-theme now and then. */
function codePicker(codes: readonly BenchCode[], next: () => number): () => number {
  const parents = new Set(codes.map((c) => c.parentId));
  const usable = codes.filter((c) => c.parentId !== null);
  const weights = usable.map((c, rank) => (parents.has(c.id) ? 0.1 : 1) / (rank + 1));
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return usable[lo]!.id;
  };
}

function insertCoding(db: Db): void {
  const next = random(2026);
  const pick = codePicker(benchCodes(), next);
  const answers = db
    .prepare("SELECT id, length(text) AS length FROM answers WHERE status = 'answered' ORDER BY id")
    .raw()
    .all() as [number, number][];
  const add = db.prepare(
    `INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
     VALUES (?, ?, ?, ?, ?, '', '2026-01-01T00:00:00Z')`,
  );
  const jitter = (at: number) => at + Math.round((next() * 2 - 1) * JITTER);
  for (const [answerId, length] of answers) {
    const anna = new Set<number>();
    const ben = new Set<number>();
    const count = next() < 0.5 ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const codeId = pick();
      if (anna.has(codeId)) continue;
      anna.add(codeId);
      const start = Math.floor(next() * (length / 2));
      const end = Math.min(length, start + 10 + Math.floor(next() * (length - start)));
      add.run(answerId, codeId, 1, start, end);
      const benCode = next() < COPY ? codeId : pick();
      if (ben.has(benCode)) continue;
      ben.add(benCode);
      const benStart = Math.max(0, Math.min(length - 1, jitter(start)));
      const benEnd = Math.max(benStart + 1, Math.min(length, jitter(end)));
      add.run(answerId, benCode, 2, benStart, benEnd);
    }
    if (next() < EXTRA) {
      const codeId = pick();
      if (!ben.has(codeId)) add.run(answerId, codeId, 2, 0, Math.min(length, 25));
    }
  }
}

export interface PooledCounts {
  readonly units: number;
  readonly both: number;
  readonly aOnly: number;
  readonly bOnly: number;
  readonly neither: number;
}

/**
 * The pooled answer-level counts by decision 0015, in plain SQL: every answered answer
 * (both coders marked every question done) times the codes as applied (leaves, and nodes
 * with segments of their own), each (answer, code) pair by who coded it.
 */
export function referencePooled(db: Db): PooledCounts {
  const answers = db
    .prepare("SELECT count(*) FROM answers WHERE status = 'answered'")
    .pluck()
    .get() as number;
  const nodes = db
    .prepare(
      `SELECT count(*) FROM codes c
        WHERE NOT EXISTS (SELECT 1 FROM codes k WHERE k.parent_id = c.id)
           OR EXISTS (SELECT 1 FROM segments s WHERE s.code_id = c.id AND s.coder_id IN (1, 2))`,
    )
    .pluck()
    .get() as number;
  const pairs = db
    .prepare(
      `SELECT sum(a AND b) AS both, sum(a AND NOT b) AS aOnly, sum(b AND NOT a) AS bOnly
         FROM (SELECT max(s.coder_id = 1) AS a, max(s.coder_id = 2) AS b
                 FROM segments s JOIN answers x ON x.id = s.answer_id
                WHERE s.coder_id IN (1, 2) AND x.status = 'answered'
                GROUP BY s.answer_id, s.code_id)`,
    )
    .get() as { both: number; aOnly: number; bOnly: number };
  const units = answers * nodes;
  return { units, ...pairs, neither: units - pairs.both - pairs.aOnly - pairs.bOnly };
}
