/**
 * The SQL that turns a fresh copy of a project into a clean file for a second coder
 * (agreement/coder-copy.ts): nobody's coding, notes, history or name stays in it, only
 * the codebook and the answers. Runs on the copy's own connection, never on the project.
 */
import type { QuestionId } from "../../../shared/domain.ts";
import type { MetaKey } from "./meta.ts";
import type { Db } from "./project-file.ts";

/** project_meta: the coder the file was prepared for. */
const PREPARED_FOR_KEY: MetaKey = "prepared_for";

/**
 * Tables of coded work, children before parents (a review refers to coders). Tables a
 * later migration adds (reviews) are skipped where the schema lacks them.
 */
const WORK_TABLES = [
  "review_decisions",
  "reviews",
  "segments",
  "memos",
  "done_marks",
  "history_ops",
  "history_steps",
  "coders",
] as const;

/** project_meta rows that belong to the people who used the project, not to the survey. */
const PERSONAL_META = ["pinned_codes", PREPARED_FOR_KEY] as const;

/** Deletes every segment, memo, done mark, review, undo step, pin and coder. */
export function deleteCodingWork(db: Db): void {
  for (const table of WORK_TABLES) {
    if (tableExists(db, table)) db.prepare(`DELETE FROM ${table}`).run();
  }
  const keys = PERSONAL_META.map(() => "?").join(", ");
  db.prepare(`DELETE FROM project_meta WHERE key IN (${keys})`).run(...PERSONAL_META);
}

/**
 * Deletes the questions not kept (their answers go with them, by cascade) and numbers
 * the rest 1..n again in their order, so "question 2" means the same in the copy's
 * lists and on its command line. Returns how many answers went.
 */
export function keepOnlyQuestions(db: Db, keep: readonly QuestionId[]): number {
  const kept = new Set<number>(keep);
  const all = db.prepare("SELECT id FROM questions ORDER BY position").pluck().all() as number[];
  const answersBefore = countAnswers(db);
  const remove = db.prepare("DELETE FROM questions WHERE id = ?");
  for (const id of all) if (!kept.has(id)) remove.run(id);
  const left = all.filter((id) => kept.has(id));
  // Positions are UNIQUE: move them all out of the way first, then number them.
  const offset = all.length + 1;
  db.prepare("UPDATE questions SET position = position + ?").run(offset);
  const place = db.prepare("UPDATE questions SET position = ? WHERE id = ?");
  left.forEach((id, index) => place.run(index + 1, id));
  return answersBefore - countAnswers(db);
}

/** What the copy holds: questions, answers with text to code, codes. */
export function copyCounts(db: Db): { questions: number; answers: number; codes: number } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM questions) AS questions,
              (SELECT count(*) FROM answers WHERE status = 'answered') AS answers,
              (SELECT count(*) FROM codes) AS codes`,
    )
    .get() as { questions: number; answers: number; codes: number };
}

function countAnswers(db: Db): number {
  return db.prepare("SELECT count(*) FROM answers").pluck().get() as number;
}

function tableExists(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}
