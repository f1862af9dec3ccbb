/**
 * The codes on the number keys 1-9, kept in the project (project_meta 'pinned_codes', a
 * JSON array of code ids). A preference, not data: pinning is not an undo step (but a
 * step that deletes or merges a pinned code records what it does to the pins).
 *
 * Invariant: a deleted code leaves the list in the same transaction that deletes it.
 * Filtering deleted ids when reading would not do: codes.id is an INTEGER PRIMARY KEY
 * without AUTOINCREMENT, so after the undo of a code's creation the next new code may
 * get the same id, and would inherit the pin. A TEMP trigger on this connection prunes
 * the list whenever a code row goes (the undo history deletes rows by replaying SQL, so
 * no service function sees it happen); TEMP, so the file itself holds no trigger, as
 * with the history's triggers (db/history-triggers.ts).
 */
import type { CodeId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

const KEY = "pinned_codes";

/** Connections whose trigger is in place. */
const watched = new WeakSet<Db>();

/**
 * Makes every deletion of a code on this connection unpin it. Idempotent and cheap;
 * runs before pins are read or written, so it is in place before any pin can go stale.
 */
export function unpinDeletedCodes(db: Db): void {
  if (watched.has(db)) return;
  db.exec(
    `CREATE TEMP TRIGGER IF NOT EXISTS cairn_unpin_deleted_code AFTER DELETE ON main.codes
     BEGIN
       UPDATE project_meta
          SET value = (SELECT json_group_array(pin.value ORDER BY pin.key)
                         FROM json_each(project_meta.value) AS pin
                        WHERE pin.value IS NOT old.id)
        WHERE key = '${KEY}' AND json_valid(value) AND json_type(value) = 'array';
     END`,
  );
  watched.add(db);
}

/** The pinned codes that still exist, in order. */
export function readPinnedCodes(db: Db): CodeId[] {
  unpinDeletedCodes(db);
  const value = statement(db, "SELECT value FROM project_meta WHERE key = ?").pluck().get(KEY) as
    string | undefined;
  if (value === undefined) return [];
  let ids: unknown;
  try {
    ids = JSON.parse(value);
  } catch {
    return []; // written by something else: as if nothing were pinned
  }
  if (!Array.isArray(ids)) return [];
  const existing = new Set(statement(db, "SELECT id FROM codes").pluck().all() as CodeId[]);
  return ids.filter((id): id is CodeId => existing.has(id as CodeId));
}

export function writePinnedCodes(db: Db, codeIds: readonly CodeId[]): void {
  unpinDeletedCodes(db);
  statement(
    db,
    `INSERT INTO project_meta (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(KEY, JSON.stringify(codeIds));
}
