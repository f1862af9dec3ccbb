/**
 * What the crosstab and the response rates read besides the tallies' segment pairs
 * (db/tally.ts): respondents with their value of one attribute (narrowed by the
 * attribute filter), and who answered. Respondent ids come back through the aggregate
 * of db/pair-collector.ts into typed arrays indexed by respondent id, not as rows.
 */
import type { QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { collectIntRows } from "./pair-collector.ts";
import { sql } from "./sql.ts";
import { statement } from "./statements.ts";
import { passes, type TallyFilter } from "./tally.ts";

/** Respondents split by their value of one attribute, indexed by respondent id. */
export interface AttributeSplit {
  /** The attribute's values (blank ones aside), in no particular order. */
  readonly values: readonly string[];
  /** By respondent id: the index of their value, NO_VALUE, or OUT_OF_SCOPE. */
  readonly valueOf: Int32Array;
}

export const NO_VALUE = -1;
export const OUT_OF_SCOPE = -2;

/**
 * Reads respondents value by value through the (attribute, value) index: with 100,000
 * respondents a few times faster than one row per respondent with its value's text. A
 * blank value counts as none.
 */
export function splitByAttribute(
  db: Db,
  attributeId: number,
  filter: TallyFilter,
  bound: number,
): AttributeSplit {
  const valueOf = new Int32Array(bound).fill(OUT_OF_SCOPE);
  const inScope = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(r.id, 0, 0) FROM respondents r WHERE ${passes(filter, sql`r.id`)}`,
  );
  for (let i = 0; i < inScope.length; i++) valueOf[inScope.a[i]!] = NO_VALUE;
  const values = statement(
    db,
    `SELECT DISTINCT value FROM respondent_attributes WHERE attribute_id = ? AND value <> ''`,
  )
    .pluck()
    .all(attributeId) as string[];
  values.forEach((value, index) => {
    const withValue = collectIntRows(
      db,
      sql`SELECT cairn_int_rows(respondent_id, 0, 0) FROM respondent_attributes
           WHERE attribute_id = ${attributeId} AND value = ${value}`,
    );
    for (let i = 0; i < withValue.length; i++) {
      const respondent = withValue.a[i]!;
      if (valueOf[respondent] === NO_VALUE) valueOf[respondent] = index;
    }
  });
  return { values, valueOf };
}

/** One past the largest respondent id: the length of arrays indexed by respondent. */
export function respondentIdBound(db: Db): number {
  return statement(db, "SELECT ifnull(max(id), 0) + 1 FROM respondents").pluck().get() as number;
}

/**
 * By respondent id, 1 for those whose answer to the question (to any question, when
 * null) is `answered`. Read through the (question, status, respondent) index.
 */
export function answeredFlags(db: Db, questionId: QuestionId | null, bound: number): Uint8Array {
  const question = questionId === null ? sql`IN (SELECT id FROM questions)` : sql`= ${questionId}`;
  const answered = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(respondent_id, 0, 0) FROM answers INDEXED BY answers_by_question
         WHERE question_id ${question} AND status = 'answered'`,
  );
  const flags = new Uint8Array(bound);
  for (let i = 0; i < answered.length; i++) flags[answered.a[i]!] = 1;
  return flags;
}
