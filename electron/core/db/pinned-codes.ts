/**
 * The codes on the number keys 1-9, kept in the project (project_meta 'pinned_codes', a
 * JSON array of code ids). A preference, not data: changing it is not an undo step.
 */
import type { CodeId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";

const KEY = "pinned_codes";

/** The pinned codes that still exist, in order. */
export function readPinnedCodes(db: Db): CodeId[] {
  const value = db.prepare("SELECT value FROM project_meta WHERE key = ?").pluck().get(KEY) as
    string | undefined;
  if (value === undefined) return [];
  let ids: unknown;
  try {
    ids = JSON.parse(value);
  } catch {
    return []; // written by something else: as if nothing were pinned
  }
  if (!Array.isArray(ids)) return [];
  const existing = new Set(db.prepare("SELECT id FROM codes").pluck().all() as CodeId[]);
  return ids.filter((id): id is CodeId => existing.has(id as CodeId));
}

export function writePinnedCodes(db: Db, codeIds: readonly CodeId[]): void {
  db.prepare(
    `INSERT INTO project_meta (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(KEY, JSON.stringify(codeIds));
}
