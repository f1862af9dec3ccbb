/**
 * What the crash harness compares: a canonical digest of a project's content (every
 * table of the file, the undo history included, the search index by its words), and the
 * app's own invariants, which must hold in any state a crash can leave behind.
 */
import { createHash } from "node:crypto";
import type { Db } from "../../../electron/core/db/project-file.ts";

/** Tables whose content is derived (the search index's storage) or SQLite's own. */
function contentTables(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'answers_fts%' AND name <> 'sqlite_stat1'
         ORDER BY name`,
      )
      .pluck()
      .all() as string[]
  ).concat(["answers_fts"]);
}

/** One hash of every row of every content table, in a stable order. */
export function contentDigest(db: Db): string {
  const hash = createHash("sha256");
  for (const table of contentTables(db)) {
    const rows =
      table === "answers_fts"
        ? db.prepare("SELECT rowid, words FROM answers_fts ORDER BY rowid").raw().all()
        : db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).raw().all();
    hash.update(`${table}\u0000${JSON.stringify(rows)}\u0000`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The rows a user sees (no undo history): undo then redo must bring them back. */
export function dataDigest(db: Db): string {
  const hash = createHash("sha256");
  for (const table of contentTables(db)) {
    if (table.startsWith("history_") || table === "answers_fts") continue;
    hash.update(
      `${table}\u0000${JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).raw().all())}`,
    );
  }
  return hash.digest("hex").slice(0, 16);
}

/** Every broken promise, in words; empty when the project is sound. */
export function invariantFailures(db: Db): string[] {
  const failures: string[] = [];
  const integrity = db.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") failures.push(`integrity_check: ${String(integrity)}`);
  const foreign = db.pragma("foreign_key_check") as unknown[];
  if (foreign.length > 0) failures.push(`foreign_key_check: ${JSON.stringify(foreign[0])}`);
  try {
    db.exec("INSERT INTO answers_fts (answers_fts) VALUES ('integrity-check')");
  } catch (error) {
    failures.push(`search index: ${(error as Error).message}`);
  }
  // Offsets are UTF-16 code units, end exclusive: JavaScript's own string lengths.
  const segments = db
    .prepare(
      `SELECT s.id, s.start, s."end", a.text FROM segments s JOIN answers a ON a.id = s.answer_id`,
    )
    .all() as { id: number; start: number; end: number; text: string }[];
  const outside = segments
    .filter((s) => s.start < 0 || s.end <= s.start || s.end > s.text.length)
    .map((s) => s.id);
  if (outside.length > 0) failures.push(`segments outside their answer: ${outside.join(", ")}`);
  // One coder's segments of one code on one answer never overlap (touching ones merge).
  const overlapping = db
    .prepare(
      `SELECT a.id, b.id FROM segments a JOIN segments b
         ON a.answer_id = b.answer_id AND a.code_id = b.code_id AND a.coder_id = b.coder_id
        AND a.id < b.id AND a.start <= b."end" AND b.start <= a."end"`,
    )
    .raw()
    .all();
  if (overlapping.length > 0) {
    failures.push(`overlapping segments: ${JSON.stringify(overlapping.slice(0, 3))}`);
  }
  return failures;
}
