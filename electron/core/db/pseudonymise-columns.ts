/**
 * The SQL of a pseudonymised copy for every free-text column (privacy/pseudonymise-
 * project.ts decides what each holds). Table and column names come only from the
 * constants below, never from input. Reads page by rowid, so a million-answer project
 * is never held in memory and no read is open while the copy is written.
 */
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

/** Free text that may name someone and has no constraint on its value. */
export const FREE_TEXT_COLUMNS = [
  { table: "memos", column: "text" },
  { table: "codes", column: "description" },
  { table: "codes", column: "when_to_use" },
  { table: "codes", column: "when_not_to_use" },
  { table: "codes", column: "example" },
  { table: "questions", column: "text" },
  { table: "questions", column: "section" },
  { table: "review_decisions", column: "comment" },
] as const;

/**
 * Names that must stay unique (within `scope`, SQL over the row's own columns) and
 * non-empty; a code's name also never holds ">" (it separates a code path's levels).
 */
export const UNIQUE_NAME_COLUMNS = [
  { table: "respondents", column: "external_id", scope: "0" },
  { table: "questions", column: "label", scope: "0" },
  { table: "attributes", column: "name", scope: "0" },
  { table: "codes", column: "name", scope: "ifnull(parent_id, 0)" },
] as const;

/** The answers' text: rewriting it also rewrites the search index (search-index.ts triggers). */
export const ANSWER_TEXT = { table: "answers", column: "text" } as const;
export const SEGMENT_MEMO = { table: "segments", column: "memo" } as const;

export type TextColumn =
  | typeof ANSWER_TEXT
  | typeof SEGMENT_MEMO
  | (typeof FREE_TEXT_COLUMNS)[number]
  | Omit<(typeof UNIQUE_NAME_COLUMNS)[number], "scope">;

const PAGE = 2_000;

/** Whether the project's schema has the table (a project from before a migration may not). */
export function hasTable(db: Db, table: string): boolean {
  return (
    statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !==
    undefined
  );
}

/** The column's non-empty values with their row ids, a page at a time. */
export function* textRows(
  db: Db,
  { table, column }: TextColumn,
): Generator<{ id: number; value: string }> {
  let after = 0;
  for (;;) {
    const page = statement(
      db,
      `SELECT rowid AS id, "${column}" AS value FROM "${table}"
        WHERE rowid > ? AND "${column}" <> '' ORDER BY rowid LIMIT ?`,
    ).all(after, PAGE) as { id: number; value: string }[];
    yield* page;
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) return;
    after = last.id;
  }
}

export function setText(db: Db, { table, column }: TextColumn, id: number, value: string): void {
  statement(db, `UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(value, id);
}

/** Whether another row in the same scope already has `value`. */
export function nameTaken(
  db: Db,
  { table, column, scope }: (typeof UNIQUE_NAME_COLUMNS)[number],
  id: number,
  value: string,
): boolean {
  return (
    statement(
      db,
      `SELECT 1 FROM "${table}" AS other
        WHERE other."${column}" = ? AND other.rowid <> ?
          AND (SELECT ${scope} FROM "${table}" WHERE rowid = ?) =
              (SELECT ${scope} FROM "${table}" WHERE rowid = other.rowid)`,
    ).get(value, id, id) !== undefined
  );
}

/** Each attribute's distinct values with how many respondents have them. */
export function attributeValues(db: Db): { attributeId: number; value: string; rows: number }[] {
  return statement(
    db,
    `SELECT attribute_id AS attributeId, value, count(*) AS rows
       FROM respondent_attributes WHERE value <> '' GROUP BY attribute_id, value`,
  ).all() as { attributeId: number; value: string; rows: number }[];
}

/**
 * Gives every respondent's `from` value of the attribute the value `to`, and a
 * population size given for `from` to `to` (dropped if `to` already has one: the value
 * `from` must not stay behind).
 */
export function renameAttributeValue(db: Db, attributeId: number, from: string, to: string): void {
  statement(
    db,
    "UPDATE respondent_attributes SET value = ? WHERE attribute_id = ? AND value = ?",
  ).run(to, attributeId, from);
  if (!hasTable(db, "populations")) return;
  statement(
    db,
    "UPDATE OR IGNORE populations SET value = ? WHERE attribute_id = ? AND value = ?",
  ).run(to, attributeId, from);
  statement(db, "DELETE FROM populations WHERE attribute_id = ? AND value = ?").run(
    attributeId,
    from,
  );
}

/** Reviews' stored "before" reports (JSON, migration 0007). */
export function reviewReports(db: Db): { id: number; report: string }[] {
  if (!hasTable(db, "reviews")) return [];
  return statement(db, "SELECT id, before_report AS report FROM reviews").all() as {
    id: number;
    report: string;
  }[];
}

export function setReviewReport(db: Db, id: number, report: string): void {
  statement(db, "UPDATE reviews SET before_report = ? WHERE id = ?").run(report, id);
}
