/**
 * What changed in the segments since the codebook counts were last taken, so they can
 * be brought up to date from the few respondents a coding action touched instead of
 * counting a million segments again. TEMP triggers on this connection log each segment
 * row that comes or goes as (respondent, code, coder, +1/-1), whoever writes it: a
 * coding action, a merge, an undo. As with the undo history's triggers
 * (db/history-triggers.ts) the file itself holds no trigger.
 *
 * The log is bounded: past LIMIT rows (an import, a merge of large codes) it stops and
 * says so, and the counts are taken again from scratch.
 */
import type { CoderId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

const LIMIT = 20_000;

interface Watch {
  on: boolean;
  logged: number;
  overflowed: boolean;
}

const watches = new WeakMap<Db, Watch>();

export interface CountChange {
  /** Null when the answer was gone by then (deleted with its respondent). */
  readonly respondentId: number | null;
  readonly codeId: number;
  readonly coderId: CoderId;
  readonly delta: 1 | -1;
}

/** Starts logging on this connection (idempotent). */
export function watchCountChanges(db: Db): void {
  let watch = watches.get(db);
  if (!watch) {
    const fresh: Watch = { on: false, logged: 0, overflowed: false };
    db.function("cairn_counts_watch", { deterministic: false }, () => {
      if (!fresh.on) return 0;
      if (fresh.logged >= LIMIT) {
        fresh.overflowed = true;
        return 0;
      }
      fresh.logged++;
      return 1;
    });
    createTriggers(db);
    watches.set(db, fresh);
    watch = fresh;
  }
  watch.on = true;
}

/**
 * The changes logged since the last call, and the log emptied; null when the log is
 * incomplete (not watching yet, or it overflowed), so counts must be taken afresh.
 */
export function takeCountChanges(db: Db): CountChange[] | null {
  const watch = watches.get(db);
  if (!watch?.on) return null;
  const changes = watch.overflowed
    ? null
    : (statement(
        db,
        `SELECT respondent_id AS respondentId, code_id AS codeId, coder_id AS coderId, delta
           FROM temp.cairn_count_changes ORDER BY id`,
      ).all() as CountChange[]);
  statement(db, "DELETE FROM temp.cairn_count_changes").run();
  watch.logged = 0;
  watch.overflowed = false;
  return changes;
}

function createTriggers(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS cairn_count_changes (
             id            INTEGER PRIMARY KEY,
             respondent_id INTEGER,
             code_id       INTEGER NOT NULL,
             coder_id      INTEGER NOT NULL,
             delta         INTEGER NOT NULL
           )`);
  const log = (row: "new" | "old", delta: number) =>
    `INSERT INTO temp.cairn_count_changes (respondent_id, code_id, coder_id, delta)
     VALUES ((SELECT respondent_id FROM main.answers WHERE id = ${row}.answer_id),
             ${row}.code_id, ${row}.coder_id, ${delta});`;
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS cairn_counts_insert AFTER INSERT ON main.segments
    WHEN cairn_counts_watch() BEGIN ${log("new", 1)} END;
    CREATE TEMP TRIGGER IF NOT EXISTS cairn_counts_delete AFTER DELETE ON main.segments
    WHEN cairn_counts_watch() BEGIN ${log("old", -1)} END;
    CREATE TEMP TRIGGER IF NOT EXISTS cairn_counts_update
    AFTER UPDATE OF answer_id, code_id, coder_id ON main.segments
    WHEN (old.answer_id, old.code_id, old.coder_id) IS NOT (new.answer_id, new.code_id, new.coder_id)
     AND cairn_counts_watch()
    BEGIN ${log("old", -1)} ${log("new", 1)} END;`);
}
