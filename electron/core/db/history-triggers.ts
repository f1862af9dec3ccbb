/**
 * The recording half of the undo history (SQLite's undo-log technique,
 * sqlite.org/undoredo.html): TEMP triggers on the tables a user edits write, for every
 * row change, the SQL that reverts it into a TEMP log. They belong to this connection
 * only, so the project file holds no trigger that calls an app-defined function, and
 * other SQLite tools open it as usual.
 *
 * The triggers fire only while `cairn_recording()` is true, that is inside a history
 * step (coding/history.ts). Imports and the sample project write with it false, and pay
 * only the cost of a trigger whose WHEN is false (about 0.4 µs a row).
 */
import type { Db } from "./project-file.ts";

const LOG = "temp.cairn_history_log";

/** Per connection: whether the triggers record now. */
const recording = new WeakMap<Db, { on: boolean }>();

/** What a change to a row of the table says about what went stale. */
interface Touches {
  /** SQL expressions over `r` (the row: new for inserts, old otherwise). */
  readonly answerId: string;
  readonly respondentId: string;
  readonly codebook: string;
  readonly summary: string;
}

const NOTHING: Touches = { answerId: "NULL", respondentId: "NULL", codebook: "0", summary: "0" };

/** The tables an edit can change, and what a change to each touches. */
const RECORDED: Readonly<Record<string, Touches>> = {
  codes: { ...NOTHING, codebook: "1" },
  coders: { ...NOTHING, summary: "1" },
  segments: { ...NOTHING, answerId: "r.answer_id" },
  memos: {
    ...NOTHING,
    answerId: "r.answer_id",
    respondentId: "r.respondent_id",
    codebook: "r.code_id IS NOT NULL",
  },
  done_marks: { ...NOTHING, answerId: "r.answer_id", summary: "1" },
  // Population sizes (response rates): no answer or code changes; the summary flag
  // tells open panels to fetch their figures again.
  populations: { ...NOTHING, summary: "1" },
  // The review queue (migration 0007): a review and its decisions change no answer
  // text or codebook; the consensus segments a decision writes are logged as segments.
  reviews: { ...NOTHING, summary: "1" },
  review_decisions: { ...NOTHING, answerId: "r.answer_id" },
};

/** The project_meta row of the pinned codes (db/pinned-codes.ts). */
const PINS_KEY = "pinned_codes";

/** Of an answer, only the user's verdict on its status is ever edited. */
const ANSWER_COLUMNS = ["status", "status_set_by_user"];

/**
 * Sets the history up on a freshly opened connection. A project whose schema has no
 * history yet (opened with older migrations, in tests) is left alone.
 */
export function installHistory(db: Db): void {
  if (recording.has(db) || !tableExists(db, "history_steps")) return;
  const state = { on: false };
  db.function("cairn_recording", { deterministic: false }, () => (state.on ? 1 : 0));
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS cairn_history_log (
             id            INTEGER PRIMARY KEY,
             sql           TEXT    NOT NULL,
             answer_id     INTEGER,
             respondent_id INTEGER,
             codebook      INTEGER NOT NULL,
             summary       INTEGER NOT NULL
           )`);
  for (const [table, touches] of Object.entries(RECORDED)) {
    // A table a later migration adds (populations, reviews) is absent from an older schema.
    if (!tableExists(db, table)) continue;
    createRowTriggers(db, table, columnsOf(db, table), touches);
  }
  createAnswerStatusTrigger(db);
  createPinsTriggers(db);
  recording.set(db, state);
}

export function historyInstalled(db: Db): boolean {
  return recording.has(db);
}

export function setRecording(db: Db, on: boolean): void {
  const state = recording.get(db);
  if (!state) throw new Error("setRecording: the undo history is not set up on this connection");
  state.on = on;
}

function createRowTriggers(
  db: Db,
  table: string,
  columns: readonly string[],
  touches: Touches,
): void {
  const values = columns.map((c) => literal(`old.${ident(c)}`)).join(` || ', ' || `);
  const names = columns.map(ident).join(", ");
  const revertDelete = `'INSERT INTO ${table} (${names}) VALUES (' || ${values} || ')'`;
  const revertInsert = `'DELETE FROM ${table} WHERE id = ' || new.id`;
  const changed = columns.filter((c) => c !== "id");
  createTrigger(
    db,
    `${table}_insert`,
    `AFTER INSERT ON main.${table}`,
    "new",
    revertInsert,
    touches,
  );
  createTrigger(
    db,
    `${table}_delete`,
    `AFTER DELETE ON main.${table}`,
    "old",
    revertDelete,
    touches,
  );
  createTrigger(
    db,
    `${table}_update`,
    `AFTER UPDATE ON main.${table}`,
    "old",
    revertUpdate(table, changed),
    touches,
    anyChanged(changed),
  );
}

function createAnswerStatusTrigger(db: Db): void {
  createTrigger(
    db,
    "answers_status",
    `AFTER UPDATE OF ${ANSWER_COLUMNS.join(", ")} ON main.answers`,
    "old",
    revertUpdate("answers", ANSWER_COLUMNS),
    { ...NOTHING, answerId: "r.id", summary: "1" },
    anyChanged(ANSWER_COLUMNS),
  );
}

/**
 * The pinned codes (project_meta 'pinned_codes') are a preference: pinning is not a step.
 * But a step that deletes or merges a pinned code changes them too, and its undo must
 * give the key back; so changes to that row are recorded, which happens only in a step.
 */
function createPinsTriggers(db: Db): void {
  const touches = { ...NOTHING, codebook: "1" };
  const where = `' WHERE key = ''${PINS_KEY}'''`;
  createTrigger(
    db,
    "pins_update",
    "AFTER UPDATE OF value ON main.project_meta",
    "old",
    `'UPDATE project_meta SET value = ' || ${literal("old.value")} || ${where}`,
    touches,
    `old.key = '${PINS_KEY}' AND old.value IS NOT new.value`,
  );
  createTrigger(
    db,
    "pins_insert",
    "AFTER INSERT ON main.project_meta",
    "new",
    `'DELETE FROM project_meta' || ${where}`,
    touches,
    `new.key = '${PINS_KEY}'`,
  );
}

function createTrigger(
  db: Db,
  name: string,
  event: string,
  row: "new" | "old",
  revertSql: string,
  touches: Touches,
  condition = "1",
): void {
  const at = (expression: string) => expression.replace(/\br\./g, `${row}.`);
  db.exec(
    `CREATE TEMP TRIGGER IF NOT EXISTS cairn_history_${name} ${event}
       WHEN cairn_recording() AND (${condition})
     BEGIN
       INSERT INTO ${LOG} (sql, answer_id, respondent_id, codebook, summary)
       VALUES (${revertSql}, ${at(touches.answerId)}, ${at(touches.respondentId)},
               ${at(touches.codebook)}, ${at(touches.summary)});
     END`,
  );
}

/** `UPDATE t SET a = <old a>, b = <old b> WHERE id = <id>`, as an SQL expression. */
function revertUpdate(table: string, columns: readonly string[]): string {
  const sets = columns
    .map((c) => `'${ident(c)} = ' || ${literal(`old.${ident(c)}`)}`)
    .join(` || ', ' || `);
  return `'UPDATE ${table} SET ' || ${sets} || ' WHERE id = ' || old.id`;
}

/**
 * An SQL expression whose value is the SQL literal of `value`. quote() cuts a text at
 * its first NUL character (a string literal cannot hold one), so a text with a NUL is
 * written as its UTF-8 bytes cast back to text, which restores it whole.
 */
function literal(value: string): string {
  return (
    `CASE WHEN typeof(${value}) = 'text' AND instr(${value}, char(0)) > 0 ` +
    `THEN 'CAST(X''' || hex(${value}) || ''' AS TEXT)' ELSE quote(${value}) END`
  );
}

/** An update that writes the same values changes nothing, and records nothing. */
function anyChanged(columns: readonly string[]): string {
  return columns.map((c) => `old.${ident(c)} IS NOT new.${ident(c)}`).join(" OR ");
}

/** Read from the schema, so a later migration's new column is recorded too. */
function columnsOf(db: Db, table: string): string[] {
  const columns = db.pragma(`table_info(${table})`) as { name: string }[];
  if (!columns.some((c) => c.name === "id")) {
    throw new Error(`installHistory: table ${table} has no id column`);
  }
  return columns.map((c) => c.name);
}

/** Column names such as `end` are keywords; quoted, any name is safe in the log's SQL. */
function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`installHistory: odd column "${name}"`);
  return `"${name}"`;
}

function tableExists(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}
