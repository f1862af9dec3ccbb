/**
 * The raw floor bench/tally.ts measures the tallies beside: hand-written GROUP BY
 * queries over covering indexes (distinct respondents per code), timed and explained,
 * and a description of the bench project.
 */
import type { Db } from "../electron/core/db/project-file.ts";

export const FLOOR_ONE = `SELECT s.code_id, count(DISTINCT a.respondent_id)
  FROM answers a JOIN segments s ON s.answer_id = a.id
 WHERE a.question_id = ? GROUP BY s.code_id`;
export const FLOOR_ALL = `SELECT a.question_id, s.code_id, count(DISTINCT a.respondent_id)
  FROM answers a JOIN segments s ON s.answer_id = a.id
 GROUP BY a.question_id, s.code_id`;
/** The same with the answers' covering index outside (SQLite, without ANALYZE, scans the
 * segments and looks each answer up in the table instead). */
export const FLOOR_ALL_BY_ANSWERS = `SELECT a.question_id, s.code_id, count(DISTINCT a.respondent_id)
  FROM answers a CROSS JOIN segments s ON s.answer_id = a.id
 GROUP BY a.question_id, s.code_id`;
/** One question for the respondents of one Country, starting from the attribute's index. */
export const FLOOR_COUNTRY = `SELECT s.code_id, count(DISTINCT a.respondent_id)
  FROM respondent_attributes ra
  JOIN answers a ON a.respondent_id = ra.respondent_id AND a.question_id = ?
  JOIN segments s ON s.answer_id = a.id
 WHERE ra.attribute_id = 1 AND ra.value = ? GROUP BY s.code_id`;

export function timeSql(db: Db, sql: string, params: unknown[], runs: number): number[] {
  const query = db.prepare(sql);
  query.all(...params); // the first run reads the pages in; it is not what is measured
  return Array.from({ length: runs }, () => {
    const began = performance.now();
    query.all(...params);
    return performance.now() - began;
  });
}

export function plan(db: Db, sql: string, params: unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => `    ${r.detail}`).join("\n");
}

export function describeProject(db: Db): void {
  const size = db
    .prepare(
      `SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM segments) AS segments,
              (SELECT count(*) FROM codes) AS codes, (SELECT count(*) FROM coders) AS coders`,
    )
    .get() as Record<string, number>;
  const perQuestion = db
    .prepare(
      `SELECT a.question_id AS q, count(DISTINCT s.code_id) AS codes, count(*) AS segments,
              sum(s.coder_id = 2) AS ben
         FROM answers a JOIN segments s ON s.answer_id = a.id GROUP BY a.question_id`,
    )
    .all() as { q: number; codes: number; segments: number; ben: number }[];
  const n = (x: number | undefined) => (x ?? 0).toLocaleString("en");
  console.log(
    `project: ${n(size.answers)} answers, ${n(size.segments)} segments, ${size.codes} codes, ${size.coders} coders`,
  );
  console.log(
    `  codes used per question: ${perQuestion.map((r) => `Q${r.q} ${r.codes}`).join(", ")}`,
  );
  console.log(
    `  segments per question (second coder's): ${perQuestion.map((r) => `Q${r.q} ${n(r.segments)} (${n(r.ben)})`).join(", ")}`,
  );
}
