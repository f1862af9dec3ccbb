/**
 * The export benchmark's projects: `answers` answers (10 questions x answers/10
 * respondents, the bench survey's sample texts, every tenth a non-response), three
 * attributes, a 30-code tree (5 themes of 5 codes), two coders, and exactly `segments`
 * segments spread over the answered answers (several per answer, overlapping, now and
 * then a memo). Written in SQL in one transaction, and cached under the system's temp
 * folder keyed by the sizes, the schema and this builder: building is not what the
 * benchmark measures.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import type { Db } from "../electron/core/db/project-file.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { insertBenchSurvey } from "./bench-project.ts";

/** Bumped whenever the build below changes, so an older cached file is not reused. */
const BUILD = 1;
export const EXPORT_QUESTIONS = 10;
const THEMES = 5;
const CODES_PER_THEME = 5;
export const CACHE_DIR = join(tmpdir(), "cairn-bench-export");

export interface BuiltProject {
  readonly file: string;
  /** Seconds it took to build, or null when it came from the cache. */
  readonly buildSeconds: number | null;
}

export function exportBenchProject(answers: number, segments: number): BuiltProject {
  const migrations = bundledMigrations();
  const file = join(
    CACHE_DIR,
    `export-${answers}a-${segments}s-v${migrations.length}.${BUILD}.cairn`,
  );
  if (existsSync(file)) return { file, buildSeconds: null };
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const session = new ProjectSession({ migrations });
  session.create(partial);
  const db = session.db();
  db.transaction(() => {
    insertBenchSurvey(db, EXPORT_QUESTIONS, Math.ceil(answers / EXPORT_QUESTIONS));
    insertAttributes(db);
    insertCodes(db);
    insertSegments(db, segments);
  })();
  session.close();
  renameSync(partial, file);
  return { file, buildSeconds: (performance.now() - started) / 1000 };
}

function insertAttributes(db: Db): void {
  db.exec(`INSERT INTO attributes (id, name, position)
           VALUES (1, 'Country', 1), (2, 'Age group', 2), (3, 'Sector', 3)`);
  db.exec(`INSERT INTO respondent_attributes (respondent_id, attribute_id, value)
           SELECT id, 1, 'Country ' || (id % 25) FROM respondents`);
  db.exec(`INSERT INTO respondent_attributes (respondent_id, attribute_id, value)
           SELECT id, 2, (18 + (id % 5) * 10) || '-' || (27 + (id % 5) * 10) FROM respondents`);
  db.exec(`INSERT INTO respondent_attributes (respondent_id, attribute_id, value)
           SELECT id, 3, CASE id % 3 WHEN 0 THEN 'NGO' WHEN 1 THEN 'Public' ELSE 'Private' END
             FROM respondents`);
}

/** Themes 1..5 at the top; theme t's codes take ids 6 + (t-1)*5 ... */
function insertCodes(db: Db): void {
  const add = db.prepare(
    "INSERT INTO codes (id, parent_id, name, color, position) VALUES (?, ?, ?, ?, ?)",
  );
  const palette = ["#2d6a73", "#b5502c", "#6b4c9a", "#3f7d3a", "#a8326b"];
  for (let t = 1; t <= THEMES; t++) add.run(t, null, `Theme ${t}`, palette[t - 1], t);
  for (let t = 1; t <= THEMES; t++) {
    for (let k = 1; k <= CODES_PER_THEME; k++) {
      const id = THEMES + (t - 1) * CODES_PER_THEME + k;
      add.run(id, t, `Code ${t}.${k}`, palette[(t + k) % palette.length], k);
    }
  }
  db.exec(`INSERT INTO coders (id, name, name_key) VALUES (1, 'Anna', 'anna'), (2, 'Ben', 'ben')`);
}

/** `segments` rows: up to k per answered answer, leaves only, both coders, spans overlapping. */
function insertSegments(db: Db, segments: number): void {
  const answered = db
    .prepare("SELECT count(*) FROM answers WHERE status = 'answered' AND length(text) > 10")
    .pluck()
    .get() as number;
  const perAnswer = Math.max(1, Math.ceil(segments / Math.max(1, answered)));
  const leaves = THEMES * CODES_PER_THEME;
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at)
     SELECT a.id, ${THEMES + 1} + ((a.id * 3 + n.i * 7) % ${leaves}), 1 + ((a.id + n.i) % 2),
            (a.id * 31 + n.i * 17) % (length(a.text) / 2),
            min(length(a.text), (a.id * 31 + n.i * 17) % (length(a.text) / 2) + 8 + (a.id * 7 + n.i * 13) % 40),
            CASE WHEN (a.id + n.i) % 25 = 0 THEN 'Check this passage with the team' ELSE '' END,
            '2026-01-0' || (1 + n.i % 9) || 'T09:00:00.000Z'
       FROM answers a CROSS JOIN n
      WHERE a.status = 'answered' AND length(a.text) > 10
      ORDER BY a.id, n.i
      LIMIT ?`,
  ).run(perAnswer, segments);
}
