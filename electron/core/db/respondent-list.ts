/**
 * The project's respondents in the project's order (their position), a page
 * at a time, optionally only those whose external id contains a search term. For the
 * by-respondent view's picker: it lists every respondent, answered or not, and searches
 * all of them, not only the ones a page has loaded.
 */
import type { RespondentPage } from "../../../shared/api/contract.ts";
import type { RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { attributesOf } from "./respondents.ts";
import { sql, type Sql } from "./sql.ts";
import { statement } from "./statements.ts";

export function listRespondents(
  db: Db,
  search: string | undefined,
  offset: number,
  limit: number,
): RespondentPage {
  const where = searchCondition(db, search?.trim() ?? "");
  const count = sql`SELECT count(*) FROM respondents WHERE ${where}`;
  const total = statement(db, count.text)
    .pluck()
    .get(...count.params) as number;
  if (total === 0 || offset >= total) return { total, rows: [] };
  const page = sql`SELECT id, external_id FROM respondents WHERE ${where}
    ORDER BY position LIMIT ${limit} OFFSET ${offset}`;
  const found = statement(db, page.text)
    .raw()
    .all(...page.params) as [RespondentId, string][];
  const attributes = attributesOf(
    db,
    found.map(([id]) => id),
  );
  return {
    total,
    rows: found.map(([id, external]) => ({
      respondentId: id,
      respondent: external,
      attributes: attributes.get(id) ?? {},
    })),
  };
}

const withFunctions = new WeakSet<Db>();

/**
 * Case-insensitive "contains". SQLite's lower() folds ASCII letters only: an ASCII term
 * stays in C; any other goes through a JS function that folds the whole id (so "ΟΡΓ"
 * finds "οργ-03"), as the grid's text search does.
 */
function searchCondition(db: Db, search: string): Sql {
  if (search === "") return sql`1`;
  const needle = search.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(needle)) return sql`instr(lower(external_id), ${needle}) > 0`;
  if (!withFunctions.has(db)) {
    db.function("cairn_id_contains", { deterministic: true }, (id: unknown, term: unknown) =>
      typeof id === "string" && typeof term === "string" && id.toLowerCase().includes(term) ? 1 : 0,
    );
    withFunctions.add(db);
  }
  return sql`cairn_id_contains(external_id, ${needle}) = 1`;
}
