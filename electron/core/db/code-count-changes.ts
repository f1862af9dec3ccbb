/**
 * What changed in the segments since each reader of counts (the codebook counts, the
 * tallies) last looked, so they can be brought up to date from the few respondents a
 * coding action touched instead of counting a million segments again. TEMP triggers on
 * this connection log each segment row that comes or goes as (respondent, question,
 * code, coder, +1/-1), whoever writes it: a coding action, a merge, an undo. As with the
 * undo history's triggers (db/history-triggers.ts) the file itself holds no trigger.
 *
 * Several readers share the log: each keeps a cursor (the last row it read), and rows
 * every reader has read are deleted. The log is bounded: past LIMIT rows (an import, a
 * merge of large codes) it stops and starts a new epoch; a reader whose last look was
 * in an earlier epoch is told its log is incomplete, and counts again from scratch. A
 * reader far behind the others is told the same, so that it does not hold the log.
 */
import type { CoderId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

const LIMIT = 20_000;

interface Reader {
  cursor: number;
  epoch: number;
}

interface Log {
  logged: number;
  overflowed: boolean;
  epoch: number;
  readonly readers: Map<string, Reader>;
}

const logs = new WeakMap<Db, Log>();

export interface CountChange {
  /** Null when the answer was gone by then (deleted with its respondent). */
  readonly respondentId: number | null;
  readonly questionId: number | null;
  readonly codeId: number;
  readonly coderId: CoderId;
  readonly delta: 1 | -1;
}

/** The codebook counts' reader (coding/code-counts.ts). */
const CODEBOOK = "codebook";

/** Starts logging for the codebook counts (see `watchChanges`). */
export function watchCountChanges(db: Db): void {
  watchChanges(db, CODEBOOK);
}

/** The codebook counts' changes (see `takeChanges`). */
export function takeCountChanges(db: Db): CountChange[] | null {
  return takeChanges(db, CODEBOOK);
}

/**
 * Starts logging for a reader on this connection, from now on: call it right before
 * counting from scratch. Idempotent for a reader already watching.
 */
export function watchChanges(db: Db, reader: string): void {
  const log = logOf(db);
  if (!log.readers.has(reader)) log.readers.set(reader, { cursor: lastId(db), epoch: log.epoch });
}

/**
 * The changes logged since the reader last took them; null when its log is incomplete
 * (not watching yet, or the log overflowed since), so it must count afresh: it is then
 * watching again from now on.
 */
export function takeChanges(db: Db, name: string): CountChange[] | null {
  const log = logs.get(db);
  const reader = log?.readers.get(name);
  if (!log || !reader) return null;
  if (log.overflowed) newEpoch(db, log);
  const last = lastId(db);
  let changes: CountChange[] | null = null;
  if (reader.epoch === log.epoch) {
    changes =
      last > reader.cursor
        ? (statement(
            db,
            `SELECT respondent_id AS respondentId, question_id AS questionId, code_id AS codeId,
                    coder_id AS coderId, delta
               FROM temp.cairn_count_changes WHERE id > ? ORDER BY id`,
          ).all(reader.cursor) as CountChange[])
        : [];
  }
  reader.cursor = last;
  reader.epoch = log.epoch;
  dropLaggards(log, last);
  trim(db, log);
  return changes;
}

/**
 * A reader that has not looked for half the log's worth of changes (a panel that is
 * closed) stops holding rows for the others: it counts afresh when it looks again,
 * rather than every reader counting afresh when the log overflows.
 */
function dropLaggards(log: Log, last: number): void {
  for (const reader of log.readers.values()) {
    if (last - reader.cursor > LIMIT / 2) reader.epoch = -1;
  }
}

function logOf(db: Db): Log {
  let log = logs.get(db);
  if (!log) {
    const fresh: Log = { logged: 0, overflowed: false, epoch: 0, readers: new Map() };
    db.function("cairn_counts_watch", { deterministic: false }, () => {
      if (fresh.overflowed) return 0;
      if (fresh.logged >= LIMIT) {
        fresh.overflowed = true;
        return 0;
      }
      fresh.logged++;
      return 1;
    });
    createTriggers(db);
    logs.set(db, fresh);
    log = fresh;
  }
  return log;
}

/** After an overflow: everything logged is dropped, and logging starts again. */
function newEpoch(db: Db, log: Log): void {
  statement(db, "DELETE FROM temp.cairn_count_changes").run();
  log.logged = 0;
  log.overflowed = false;
  log.epoch++;
}

/** Deletes the rows every reader of the current epoch has read. */
function trim(db: Db, log: Log): void {
  let read = Infinity;
  for (const reader of log.readers.values()) {
    if (reader.epoch === log.epoch) read = Math.min(read, reader.cursor);
  }
  if (read === Infinity || log.logged === 0) return;
  const { changes } = statement(db, "DELETE FROM temp.cairn_count_changes WHERE id <= ?").run(read);
  log.logged = Math.max(0, log.logged - changes);
}

function lastId(db: Db): number {
  return statement(db, "SELECT ifnull(max(id), 0) FROM temp.cairn_count_changes")
    .pluck()
    .get() as number;
}

function createTriggers(db: Db): void {
  // AUTOINCREMENT: ids never come back after rows are deleted, so cursors stay valid.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS cairn_count_changes (
             id            INTEGER PRIMARY KEY AUTOINCREMENT,
             respondent_id INTEGER,
             question_id   INTEGER,
             code_id       INTEGER NOT NULL,
             coder_id      INTEGER NOT NULL,
             delta         INTEGER NOT NULL
           )`);
  const log = (row: "new" | "old", delta: number) =>
    `INSERT INTO temp.cairn_count_changes (respondent_id, question_id, code_id, coder_id, delta)
     SELECT a.respondent_id, a.question_id, ${row}.code_id, ${row}.coder_id, ${delta}
       FROM (SELECT 1) LEFT JOIN main.answers a ON a.id = ${row}.answer_id;`;
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
