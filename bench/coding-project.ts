/**
 * Builds the coding benchmarks' project: 10 questions x N respondents (1,000,000 answers
 * for N = 100,000) with about as many coded segments as answers, spread over 30 codes in
 * 5 categories and 2 coders, overlapping within answers. Generated in SQL so the million
 * rows take seconds, not minutes; the file is kept under .scratch/bench/ and reused while
 * the schema stays the same, because building it is not what the benchmarks measure.
 */
import type { Db } from "../electron/core/db/project-file.ts";
import { cachedBenchProject, insertBenchSurvey } from "./bench-project.ts";

export const QUESTIONS = 10;
const CATEGORIES = 5;
const CODES_PER_CATEGORY = 5;

/** The project for `respondents` x 10 answers, built if it is not cached yet. */
export function codingBenchProject(respondents: number): string {
  return cachedBenchProject(`coding-${respondents}`, "", (db) => {
    insertBenchSurvey(db, QUESTIONS, respondents);
    db.exec("INSERT INTO attributes (id, name, position) VALUES (1, 'Country', 1)");
    db.exec(`INSERT INTO respondent_attributes (respondent_id, attribute_id, value)
             SELECT id, 1, 'Country ' || (id % 25) FROM respondents`);
    insertCoding(db);
  });
}

function insertCoding(db: Db): void {
  let codeId = 0;
  for (let c = 1; c <= CATEGORIES; c++) {
    const category = ++codeId;
    db.prepare(
      "INSERT INTO codes (id, parent_id, name, color, position) VALUES (?, NULL, ?, ?, ?)",
    ).run(category, `Theme ${c}`, color(category), c);
    for (let k = 1; k <= CODES_PER_CATEGORY; k++) {
      const id = ++codeId;
      db.prepare(
        "INSERT INTO codes (id, parent_id, name, color, position) VALUES (?, ?, ?, ?, ?)",
      ).run(id, category, `Code ${c}.${k}`, color(id), k);
    }
  }
  db.exec(`INSERT INTO coders (id, name, name_key) VALUES (1, 'Anna', 'anna'), (2, 'Ben', 'ben')`);
  // Two segments on most answered answers, overlapping each other, different codes
  // and coders: about 1.1 segments per answer overall.
  const codes = CATEGORIES * (CODES_PER_CATEGORY + 1);
  db.prepare(
    `INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
     SELECT id, 1 + (id % ?), 1, 0, min(length(text), 20 + id % 30), '', '2026-01-01T00:00:00Z'
       FROM answers WHERE status = 'answered'`,
  ).run(codes);
  db.prepare(
    `INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
     SELECT id, 1 + ((id + 7) % ?), 2, 10, min(length(text), 35 + id % 20), '', '2026-01-01T00:00:00Z'
       FROM answers WHERE status = 'answered' AND id % 4 = 0 AND length(text) > 12`,
  ).run(codes);
}

function color(i: number): string {
  const palette = ["#2d6a73", "#b5502c", "#6b4c9a", "#3f7d3a", "#a8326b", "#8a6d1f"];
  return palette[i % palette.length] ?? "#2d6a73";
}
