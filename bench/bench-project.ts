/**
 * What the benchmarks' project builders share: a project file kept under .scratch/bench/
 * and reused while the schema and its builder stay the same (building it is not what
 * the benchmarks measure), and a survey of sample texts generated in SQL.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectAnswerStatus } from "../shared/answers/status.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import type { Db } from "../electron/core/db/project-file.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { sampleData } from "../electron/core/services/sample-project.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The cached project `<name>-v<migrations><suffix>.cairn`, made by `build` in one
 * transaction if it is not there yet. The file appears whole or not at all.
 */
export function cachedBenchProject(name: string, suffix: string, build: (db: Db) => void): string {
  const migrations = bundledMigrations();
  const dir = join(ROOT, ".scratch", "bench");
  const file = join(dir, `${name}-v${migrations.length}${suffix}.cairn`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const session = new ProjectSession({ migrations });
  session.create(partial);
  const db = session.db();
  db.transaction(() => build(db))();
  session.close();
  renameSync(partial, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${file} in ${seconds} s`);
  return file;
}

/**
 * Questions 1..`questions`, respondents 1..`respondents`, and an answer from each to
 * each, its text one of the sample project's longer answers. Every tenth answer is a
 * non-response, as in real exports: nothing to code there.
 */
export function insertBenchSurvey(db: Db, questions: number, respondents: number): void {
  const texts = sampleData()
    .respondents.flatMap((r) => Object.values(r.answers))
    .filter((text) => text.trim().length > 40);
  db.exec("CREATE TEMP TABLE bench_texts (i INTEGER PRIMARY KEY, text TEXT, status TEXT)");
  const addText = db.prepare("INSERT INTO bench_texts VALUES (?, ?, ?)");
  texts.forEach((text, i) => addText.run(i, text, detectAnswerStatus(text)));
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO questions (id, position, label, text) SELECT i, i, 'Q' || i, 'Question ' || i || '?' FROM n`,
  ).run(questions);
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO respondents (id, external_id, position) SELECT i, 'R' || i, i FROM n`,
  ).run(respondents);
  db.prepare(
    `INSERT INTO answers (respondent_id, question_id, text, status)
     SELECT r.id, q.id,
            CASE WHEN (r.id + q.id) % 10 = 0 THEN 'n/a' ELSE t.text END,
            CASE WHEN (r.id + q.id) % 10 = 0 THEN 'non_response' ELSE t.status END
       FROM respondents r CROSS JOIN questions q
       JOIN bench_texts t ON t.i = (r.id * 7 + q.id * 13) % ?
      ORDER BY r.id, q.id`,
  ).run(texts.length);
  db.exec("DROP TABLE bench_texts");
}
