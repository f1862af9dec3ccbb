/**
 * The grid's query: which answers of a question (or of one respondent) match a filter,
 * how many, and in what order. Everything runs in SQL so a 100,000-answer question is
 * never shipped to JS to be sorted; a page query returns ids only, and the rows are
 * read for those ids afterwards (sorting wide rows with their texts would cost more).
 *
 * Values always travel as `?` parameters (the `sql` tag of sql.ts); lists travel as one
 * JSON parameter read with json_each, so a statement's text depends only on the shape
 * of the filter and stays in the prepared-statement cache.
 */
import type {
  AnswerStatus,
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
} from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { jsonList, joinSql, sql, type Sql } from "./sql.ts";
import { statement } from "./statements.ts";

const EMPTY = sql``;
const DESC = sql` DESC`;
const NOT = sql`NOT `;

export type AnswerView =
  { readonly questionId: QuestionId } | { readonly respondentId: RespondentId };

/** A filter whose names are already resolved to ids (see services/answers.ts). */
export interface AnswerSelection {
  readonly view: AnswerView;
  readonly statuses?: readonly AnswerStatus[];
  /** Every entry must match; within one, any of the values. */
  readonly attributes?: readonly {
    readonly attributeId: number;
    readonly values: readonly string[];
  }[];
  readonly coded?: {
    /** The code and its whole subtree; null: any code at all. */
    readonly codeIds: readonly CodeId[] | null;
    readonly present: boolean;
    readonly coderId: CoderId | null;
  };
  /** Case-insensitive substring of the answer's text; empty: no condition. */
  readonly text?: string;
}

export type AnswerOrder =
  | {
      readonly by: "default" | "respondent" | "length" | "status" | "codes";
      readonly descending: boolean;
    }
  | { readonly by: "attribute"; readonly attributeId: number; readonly descending: boolean };

const withFunctions = new WeakSet<Db>();

/**
 * SQLite's lower() and LIKE fold ASCII letters only, so "ÉCOLE" would not match
 * "école". An ASCII search term stays in C (instr over lower(text)): no non-ASCII letter
 * lower-cases to an ASCII one apart from rarities such as the Kelvin sign. Any other
 * term goes through this JS function, which folds the whole text with toLowerCase.
 */
function registerFunctions(db: Db): void {
  if (withFunctions.has(db)) return;
  db.function("cairn_folded_contains", { deterministic: true }, (text: unknown, needle: unknown) =>
    typeof text === "string" && typeof needle === "string" && text.toLowerCase().includes(needle)
      ? 1
      : 0,
  );
  withFunctions.add(db);
}

function textCondition(db: Db, text: string): Sql {
  const needle = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(needle)) return sql`instr(lower(a.text), ${needle}) > 0`;
  registerFunctions(db);
  return sql`cairn_folded_contains(a.text, ${needle}) = 1`;
}

function codedCondition(coded: NonNullable<AnswerSelection["coded"]>): Sql {
  // The unary + keeps SQLite from seeking the index once per code of a category: one
  // seek on the answer reads its few segments' codes and coders from the index itself.
  const byCode = coded.codeIds
    ? sql` AND +s.code_id IN (SELECT value FROM json_each(${jsonList(coded.codeIds)}))`
    : EMPTY;
  const byCoder = coded.coderId === null ? EMPTY : sql` AND s.coder_id = ${coded.coderId}`;
  return sql`${coded.present ? EMPTY : NOT}EXISTS (SELECT 1 FROM segments s
    WHERE s.answer_id = a.id${byCode}${byCoder})`;
}

/**
 * In a question's view the respondents with the values are looked up once by value (an
 * index) and the question's answers fetched for them: ~20 ms where probing each of
 * 100,000 answers' respondents took ~300. One respondent's view probes its one row.
 */
function attributeCondition(
  { attributeId, values }: NonNullable<AnswerSelection["attributes"]>[number],
  questionView: boolean,
): Sql {
  const matching = sql`ra.attribute_id = ${attributeId}
    AND ra.value IN (SELECT value FROM json_each(${jsonList(values)}))`;
  return questionView
    ? sql`a.respondent_id IN (SELECT ra.respondent_id FROM respondent_attributes ra
        WHERE ${matching})`
    : sql`EXISTS (SELECT 1 FROM respondent_attributes ra
        WHERE ra.respondent_id = a.respondent_id AND ${matching})`;
}

function whereClause(db: Db, selection: AnswerSelection): Sql {
  const { view } = selection;
  const conditions = [
    "questionId" in view
      ? sql`a.question_id = ${view.questionId}`
      : sql`a.respondent_id = ${view.respondentId}`,
  ];
  if (selection.statuses) {
    conditions.push(
      sql`a.status IN (SELECT value FROM json_each(${jsonList(selection.statuses)}))`,
    );
  }
  for (const attribute of selection.attributes ?? []) {
    conditions.push(attributeCondition(attribute, "questionId" in view));
  }
  if (selection.coded) conditions.push(codedCondition(selection.coded));
  if (selection.text) conditions.push(textCondition(db, selection.text));
  return joinSql(conditions, " AND ");
}

/** How many answers match. */
export function countSelected(db: Db, selection: AnswerSelection): number {
  const query = sql`SELECT count(*) FROM answers a WHERE ${whereClause(db, selection)}`;
  return statement(db, query.text)
    .pluck()
    .get(...query.params) as number;
}

interface SortKey {
  readonly expression: Sql;
  readonly descending: boolean;
}

/**
 * The order's own keys. Attribute values sort as a spreadsheet does: numbers by value,
 * then text case-insensitively (descending: the reverse), and a respondent without the
 * value (or with a blank one) last in both directions.
 */
function sortKeys(order: AnswerOrder, questionView: boolean): SortKey[] {
  const key = (expression: Sql): SortKey => ({ expression, descending: order.descending });
  switch (order.by) {
    case "default":
      return [];
    case "respondent":
      // In the by-respondent view every row has the same respondent: question order.
      return [key(questionView ? sql`r.position` : sql`q.position`)];
    case "attribute":
      // SQLite orders numbers before text, so one key sorts both kinds.
      return [{ expression: sql`ifnull(sa.value, '') = ''`, descending: false }, key(ATTRIBUTE)];
    case "length":
      return [key(sql`length(a.text)`)];
    case "status":
      return [key(sql`CASE a.status WHEN 'answered' THEN 0 WHEN 'non_response' THEN 1 ELSE 2 END`)];
    case "codes":
      return [key(sql`(SELECT count(*) FROM segments s WHERE s.answer_id = a.id)`)];
  }
}

/** An attribute value: a number when it is only digits and dots, else text. */
const ATTRIBUTE = sql`(CASE WHEN sa.value GLOB '[0-9]*' AND sa.value NOT GLOB '*[^0-9.]*'
  THEN CAST(sa.value AS REAL) ELSE sa.value END) COLLATE NOCASE`;

/**
 * Every matching answer id in order. Ties fall back to the view's own order (respondent
 * position, or question position) and then the answer id, so the order is total and
 * consecutive pages neither repeat nor skip a row.
 */
export function orderedIdsQuery(db: Db, selection: AnswerSelection, order: AnswerOrder): Sql {
  const questionView = "questionId" in selection.view;
  const joins = [
    questionView
      ? sql`JOIN respondents r ON r.id = a.respondent_id`
      : sql`JOIN questions q ON q.id = a.question_id`,
  ];
  if (order.by === "attribute") {
    joins.push(sql`LEFT JOIN respondent_attributes sa
      ON sa.respondent_id = a.respondent_id AND sa.attribute_id = ${order.attributeId}`);
  }
  const keys = [
    ...sortKeys(order, questionView),
    { expression: questionView ? sql`r.position` : sql`q.position`, descending: false },
    { expression: sql`a.id`, descending: false },
  ].map((key) => sql`${key.expression}${key.descending ? DESC : EMPTY}`);
  return sql`SELECT a.id FROM answers a ${joinSql(joins, " ")}
    WHERE ${whereClause(db, selection)}
    ORDER BY ${joinSql(keys, ", ")}`;
}

/**
 * The first rows of a question in respondent order, found by walking the respondents by
 * position and fetching each one's answer: nothing to sort, so the first page of a
 * 100,000-answer question costs a fraction of a millisecond instead of ~20 ms. It only
 * pays where most respondents have a matching answer (the walk passes the others), so
 * the caller decides when to use it.
 */
export function respondentWalkQuery(
  db: Db,
  selection: AnswerSelection,
  descending: boolean,
  limit: number,
): Sql {
  return sql`SELECT a.id FROM respondents r CROSS JOIN answers a ON a.respondent_id = r.id
    WHERE ${whereClause(db, selection)}
    ORDER BY r.position${descending ? DESC : EMPTY}
    LIMIT ${limit}`;
}

/** An upper bound of the number of respondents, read from an index in O(log n). */
export function respondentsAtMost(db: Db): number {
  return statement(db, "SELECT ifnull(max(position), 0) FROM respondents").pluck().get() as number;
}
