/**
 * Keeps the full-text index (answers_fts, migration 0005) in step with the answers.
 * Words are folded in JavaScript (shared/search/tokenize.ts), so the index is written
 * through an app-defined function that per-connection TEMP triggers call, as the undo
 * history's triggers do: the project file holds no trigger another SQLite tool could
 * not run. A project whose index was never built (made before 0005, or with older
 * folding rules) is indexed on open, in one transaction.
 */
import { FOLD_VERSION, indexWords } from "../../../shared/search/tokenize.ts";
import type { Db } from "./project-file.ts";

/** project_meta: the FOLD_VERSION the index was built with. */
const BUILT_KEY = "search_index_version";

const installed = new WeakSet<Db>();

/**
 * Sets the index up on a freshly opened connection (and builds it if it is missing). A
 * project whose schema has no index yet (opened with older migrations) is left alone.
 */
export function installSearchIndex(db: Db): void {
  if (installed.has(db) || !hasSearchIndex(db)) return;
  db.function("cairn_search_words", { deterministic: true }, (text: unknown) =>
    typeof text === "string" ? indexWords(text) : "",
  );
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS cairn_search_insert AFTER INSERT ON main.answers
    BEGIN
      INSERT INTO answers_fts (rowid, words) VALUES (new.id, cairn_search_words(new.text));
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS cairn_search_delete AFTER DELETE ON main.answers
    BEGIN
      DELETE FROM answers_fts WHERE rowid = old.id;
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS cairn_search_update AFTER UPDATE OF id, text ON main.answers
      WHEN old.text IS NOT new.text OR old.id IS NOT new.id
    BEGIN
      DELETE FROM answers_fts WHERE rowid = old.id;
      INSERT INTO answers_fts (rowid, words) VALUES (new.id, cairn_search_words(new.text));
    END;`);
  installed.add(db);
  if (builtVersion(db) !== String(FOLD_VERSION)) rebuildSearchIndex(db);
}

export function hasSearchIndex(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'answers_fts'").get() !== undefined;
}

/** Indexes every answer again, in one transaction; marks the index built. */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec("INSERT INTO answers_fts (answers_fts) VALUES ('delete-all')");
    db.exec(
      "INSERT INTO answers_fts (rowid, words) SELECT id, cairn_search_words(text) FROM answers",
    );
    db.prepare(
      `INSERT INTO project_meta (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(BUILT_KEY, String(FOLD_VERSION));
  }).immediate();
}

/** Forgets that the index was built (for tests and benchmarks of the rebuild on open). */
export function markSearchIndexStale(db: Db): void {
  db.prepare("DELETE FROM project_meta WHERE key = ?").run(BUILT_KEY);
}

function builtVersion(db: Db): string | null {
  const row = db.prepare("SELECT value FROM project_meta WHERE key = ?").get(BUILT_KEY) as
    { value: string } | undefined;
  return row?.value ?? null;
}
