/**
 * Pages of the grid's ordered answer ids.
 *
 * LIMIT/OFFSET alone would make SQLite sort (offset + limit) rows for every page: a page
 * near the end of a sorted 100,000-answer question costs as much as sorting it all, and
 * a text filter scans every text again for each page and again for the count. So a page
 * computes the whole ordered id list once (one query: filter, sort and count together)
 * and keeps it; scrolling on costs only the rows of each page. Opening a view without a
 * costly filter is quicker still: a count from an index and a top-N query (or a walk in
 * respondent order) give the first rows without sorting everything. A text or code
 * filter would do its work twice that way (count, then page), so it takes the list.
 *
 * A kept list is valid while the project has not changed: its key holds SQLite's
 * total_changes(), which every INSERT, UPDATE or DELETE on this connection raises, and
 * the connection holds the file's exclusive lock, so nobody else writes to it.
 */
import type { AnswerId } from "../../../shared/domain.ts";
import {
  countSelected,
  orderedIdsQuery,
  respondentsAtMost,
  respondentWalkQuery,
  type AnswerOrder,
  type AnswerSelection,
} from "./answer-query.ts";
import type { Db } from "./project-file.ts";
import { sql, type Sql } from "./sql.ts";
import { statement } from "./statements.ts";

interface OrderedIds {
  readonly key: string;
  readonly ids: readonly AnswerId[];
}

/** A few recent lists per connection (a grid, and a second view of another question). */
const KEPT = 4;
const kept = new WeakMap<Db, OrderedIds[]>();

export interface AnswerIdPage {
  readonly total: number;
  readonly ids: readonly AnswerId[];
}

export function selectPage(
  db: Db,
  selection: AnswerSelection,
  order: AnswerOrder,
  offset: number,
  limit: number,
): AnswerIdPage {
  const query = orderedIdsQuery(db, selection, order);
  const changes = statement(db, "SELECT total_changes()").pluck().get() as number;
  const key = `${changes}\n${query.text}\n${JSON.stringify(query.params)}`;
  const lists = kept.get(db) ?? [];
  let list = lists.find((candidate) => candidate.key === key);
  if (!list && offset === 0 && !selection.text && !selection.coded) {
    const total = countSelected(db, selection);
    if (total === 0) return { total, ids: [] };
    const page = firstPageQuery(db, selection, order, limit, total);
    const ids = statement(db, page.text)
      .pluck()
      .all(...page.params) as AnswerId[];
    return { total, ids };
  }
  list ??= keep(db, changes, key, query);
  return { total: list.ids.length, ids: list.ids.slice(offset, offset + limit) };
}

/**
 * Where an answer stands in the ordered list (0 first), or null when the selection
 * leaves it out: the grid scrolls there to show a search hit.
 */
export function indexOfAnswer(
  db: Db,
  selection: AnswerSelection,
  order: AnswerOrder,
  answerId: AnswerId,
): number | null {
  const query = orderedIdsQuery(db, selection, order);
  const changes = statement(db, "SELECT total_changes()").pluck().get() as number;
  const key = `${changes}\n${query.text}\n${JSON.stringify(query.params)}`;
  const list =
    (kept.get(db) ?? []).find((candidate) => candidate.key === key) ??
    keep(db, changes, key, query);
  const index = list.ids.indexOf(answerId);
  return index < 0 ? null : index;
}

/** Computes the ordered list and keeps it with the few others still valid. */
function keep(db: Db, changes: number, key: string, query: Sql): OrderedIds {
  const ids = statement(db, query.text)
    .pluck()
    .all(...query.params) as AnswerId[];
  const list = { key, ids };
  // Lists from before the last change can never be asked for again.
  const current = (kept.get(db) ?? []).filter(
    (other) => other !== list && other.key.startsWith(`${changes}\n`),
  );
  kept.set(db, [list, ...current].slice(0, KEPT));
  return list;
}

/**
 * In respondent order, when at least a quarter of the respondents have a matching
 * answer, walking the respondents finds a page within a few times its size; otherwise
 * the answers are found first and the top of them sorted.
 */
function firstPageQuery(
  db: Db,
  selection: AnswerSelection,
  order: AnswerOrder,
  limit: number,
  total: number,
): Sql {
  const respondentOrder = order.by === "default" || order.by === "respondent";
  if ("questionId" in selection.view && respondentOrder && total * 4 >= respondentsAtMost(db)) {
    return respondentWalkQuery(db, selection, order.descending, limit);
  }
  return sql`${orderedIdsQuery(db, selection, order)} LIMIT ${limit}`;
}
