/**
 * Names and ids a grid query refers to, checked before the query runs so that a wrong
 * one is reported as such rather than matching nothing.
 */
import type { CodeId, CoderId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

/** Attribute ids by name, in the project's attribute order. */
export function attributeIdsByName(db: Db): Map<string, number> {
  const rows = statement(db, "SELECT name, id FROM attributes ORDER BY position").all() as {
    name: string;
    id: number;
  }[];
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** The code and all its descendants, or null when there is no such code. */
export function codeSubtree(db: Db, codeId: CodeId): CodeId[] | null {
  const ids = statement(
    db,
    `WITH RECURSIVE subtree(id) AS (
       SELECT id FROM codes WHERE id = ?
       UNION ALL
       SELECT c.id FROM codes c JOIN subtree t ON c.parent_id = t.id)
     SELECT id FROM subtree`,
  )
    .pluck()
    .all(codeId) as CodeId[];
  return ids.length === 0 ? null : ids;
}

export function coderExists(db: Db, id: CoderId): boolean {
  return statement(db, "SELECT 1 FROM coders WHERE id = ?").get(id) !== undefined;
}

export function respondentExists(db: Db, id: RespondentId): boolean {
  return statement(db, "SELECT 1 FROM respondents WHERE id = ?").get(id) !== undefined;
}
