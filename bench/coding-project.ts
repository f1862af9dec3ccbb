/**
 * Builds the coding benchmarks' project: 10 questions x N respondents (1,000,000 answers
 * for N = 100,000) with about as many coded segments as answers, spread over 30 codes in
 * 5 categories and 2 coders, overlapping within answers. Generated in SQL so the million
 * rows take seconds, not minutes; the file is kept under .scratch/bench/ and reused while
 * the schema stays the same, because building it is not what the benchmarks measure.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectAnswerStatus } from "../shared/answers/status.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { sampleData } from "../electron/core/services/sample-project.ts";

export const QUESTIONS = 10;
const CATEGORIES = 5;
const CODES_PER_CATEGORY = 5;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The project for `respondents` x 10 answers, built if it is not cached yet. */
export function codingBenchProject(respondents: number): string {
  const migrations = bundledMigrations();
  const dir = join(ROOT, ".scratch", "bench");
  const file = join(dir, `coding-${respondents}-v${migrations.length}.cairn`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const session = new ProjectSession({ migrations });
  session.create(partial);
  const db = session.db();
  const texts = sampleData()
    .respondents.flatMap((r) => Object.values(r.answers))
    .filter((text) => text.trim().length > 40);
  db.transaction(() => {
    db.exec("CREATE TEMP TABLE bench_texts (i INTEGER PRIMARY KEY, text TEXT, status TEXT)");
    const addText = db.prepare("INSERT INTO bench_texts VALUES (?, ?, ?)");
    texts.forEach((text, i) => addText.run(i, text, detectAnswerStatus(text)));
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO questions (id, position, label, text) SELECT i, i, 'Q' || i, 'Question ' || i || '?' FROM n`,
    ).run(QUESTIONS);
    db.exec("INSERT INTO attributes (id, name, position) VALUES (1, 'Country', 1)");
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO respondents (id, external_id, position) SELECT i, 'R' || i, i FROM n`,
    ).run(respondents);
    db.exec(`INSERT INTO respondent_attributes (respondent_id, attribute_id, value)
             SELECT id, 1, 'Country ' || (id % 25) FROM respondents`);
    // Every tenth answer of a respondent is a non-response, as in real exports.
    db.prepare(
      `INSERT INTO answers (respondent_id, question_id, text, status)
       SELECT r.id, q.id,
              CASE WHEN (r.id + q.id) % 10 = 0 THEN 'n/a' ELSE t.text END,
              CASE WHEN (r.id + q.id) % 10 = 0 THEN 'non_response' ELSE t.status END
         FROM respondents r CROSS JOIN questions q
         JOIN bench_texts t ON t.i = (r.id * 7 + q.id * 13) % ?
        ORDER BY r.id, q.id`,
    ).run(texts.length);
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
    db.exec(
      `INSERT INTO coders (id, name, name_key) VALUES (1, 'Anna', 'anna'), (2, 'Ben', 'ben')`,
    );
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
  })();
  session.close();
  renameSync(partial, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${file} in ${seconds} s`);
  return file;
}

function color(i: number): string {
  const palette = ["#2d6a73", "#b5502c", "#6b4c9a", "#3f7d3a", "#a8326b", "#8a6d1f"];
  return palette[i % palette.length] ?? "#2d6a73";
}
