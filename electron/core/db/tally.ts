/**
 * The rows the frequency panel's figures are computed from (shared/tally/figures.ts):
 * each segment's (respondent, code) pair per question, how many respondents' answers
 * have each status, who answered at least one question, all for one coder or all and
 * for the respondents an attribute filter lets through.
 *
 * Why an aggregate function and not GROUP BY: a category's respondents are the union of
 * its codes', so distinct respondents per code are not enough, and making (node,
 * respondent) pairs distinct in SQL sorts every segment. One scan of the covering
 * indexes (answers_by_question, then segments_by_answer) hands each pair to JavaScript
 * through an aggregate into typed arrays, far cheaper than returning rows (as
 * db/code-counts.ts does for the codebook).
 */
import type { CodePairs } from "../../../shared/tally/figures.ts";
import type { TreeCode } from "../../../shared/tally/code-tree.ts";
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { collectIntRows, type IntRows } from "./pair-collector.ts";
import { joinSql, jsonList, sql, type Sql } from "./sql.ts";
import { statement } from "./statements.ts";

/** Respondents with, for every entry, one of its values (an empty filter: everyone). */
export type TallyFilter = readonly {
  readonly attributeId: number;
  readonly values: readonly string[];
}[];

export interface TallyQuestion {
  readonly id: QuestionId;
  readonly label: string;
  readonly text: string;
  readonly position: number;
}

export function tallyQuestions(db: Db): TallyQuestion[] {
  return statement(
    db,
    "SELECT id, label, text, position FROM questions ORDER BY position",
  ).all() as TallyQuestion[];
}

export function tallyCodes(db: Db): TreeCode[] {
  return statement(
    db,
    "SELECT id, parent_id AS parentId, name, position FROM codes ORDER BY id",
  ).all() as TreeCode[];
}

/**
 * `column` (a respondent id) passes these filter entries (each must match; within one,
 * any of its values, as the grid's filter); true without any.
 */
export function passes(filter: TallyFilter, column: Sql): Sql {
  if (filter.length === 0) return sql`1`;
  return joinSql(
    filter.map(
      ({ attributeId, values }) =>
        sql`${column} IN (SELECT ra.respondent_id FROM respondent_attributes ra
             WHERE ra.attribute_id = ${attributeId}
               AND ra.value IN (SELECT value FROM json_each(${jsonList(values)})))`,
    ),
    " AND ",
  );
}

/**
 * The answers in scope as `a`, for a FROM clause and its WHERE. Without a filter, one
 * question's answers (or all) from the covering (question, status, respondent) index;
 * with one, the respondents of the first attribute's values from the (attribute, value)
 * index, their answers by the (respondent, question) index, the other entries checked:
 * a country among 25 reads a twenty-fifth of the answers.
 */
function answersInScope(
  questionId: QuestionId | null,
  filter: TallyFilter,
): { from: Sql; where: Sql } {
  const [first, ...rest] = filter;
  if (!first) {
    return {
      from: sql`answers a INDEXED BY answers_by_question`,
      where: questionId === null ? sql`1` : sql`a.question_id = ${questionId}`,
    };
  }
  const question = questionId === null ? sql`` : sql` AND a.question_id = ${questionId}`;
  return {
    from: sql`respondent_attributes f INDEXED BY respondent_attributes_by_value
              JOIN answers a ON a.respondent_id = f.respondent_id${question}`,
    where: sql`f.attribute_id = ${first.attributeId}
               AND f.value IN (SELECT value FROM json_each(${jsonList(first.values)}))
               AND ${passes(rest, sql`f.respondent_id`)}`,
  };
}

function run(db: Db, query: Sql) {
  return statement(db, query.text);
}

export function respondentCount(db: Db, filter: TallyFilter): number {
  const query = sql`SELECT count(*) FROM respondents r WHERE ${passes(filter, sql`r.id`)}`;
  return run(db, query)
    .pluck()
    .get(...query.params) as number;
}

/**
 * Whether the respondent passes the filter: the same test as `passes`, written as a
 * lookup of the respondent's own values (their primary key) rather than a list of the
 * respondents with a value (a quarter of a millisecond for 4,000 of them, per entry).
 */
export function respondentPasses(db: Db, respondentId: number, filter: TallyFilter): boolean {
  if (filter.length === 0) return true;
  const entries = filter.map(
    ({ attributeId, values }) =>
      sql`EXISTS (SELECT 1 FROM respondent_attributes ra
                   WHERE ra.respondent_id = ${respondentId} AND ra.attribute_id = ${attributeId}
                     AND ra.value IN (SELECT value FROM json_each(${jsonList(values)})))`,
  );
  const query = sql`SELECT ${joinSql(entries, " AND ")}`;
  return (
    (run(db, query)
      .pluck()
      .get(...query.params) as number) === 1
  );
}

export interface StatusCount {
  readonly questionId: QuestionId;
  readonly status: "answered" | "empty" | "non_response";
  readonly n: number;
}

/**
 * Respondents in the filter by question and their answer's status (one question or
 * all). With a filter, each of its respondents is looked up in the (question, status,
 * respondent) index: a few thousand seeks instead of reading their answers' rows.
 */
export function statusCounts(
  db: Db,
  questionId: QuestionId | null,
  filter: TallyFilter,
): StatusCount[] {
  const question =
    questionId === null
      ? sql`a.question_id IN (SELECT id FROM questions)`
      : sql`a.question_id = ${questionId}`;
  const respondents =
    filter.length === 0
      ? sql`1`
      : sql`a.status IN ('answered', 'empty', 'non_response')
            AND ${passes(filter, sql`a.respondent_id`)}`;
  const query = sql`SELECT a.question_id AS questionId, a.status, count(*) AS n
                      FROM answers a INDEXED BY answers_by_question
                     WHERE ${question} AND ${respondents}
                     GROUP BY a.question_id, a.status`;
  return run(db, query).all(...query.params) as StatusCount[];
}

/**
 * Respondents in the filter who answered at least one question: for each, a seek per
 * question in the covering (question, status, respondent) index until one is found,
 * rather than reading their answers' rows (the (respondent, question) index would read
 * each answer's row for its status: ~650 ms instead of ~60 on 100,000 respondents).
 */
export function answeredAnyCount(db: Db, filter: TallyFilter): number {
  const query = sql`SELECT count(*) FROM respondents r
                     WHERE ${passes(filter, sql`r.id`)}
                       AND EXISTS (SELECT 1 FROM answers a INDEXED BY answers_by_question
                                    WHERE a.question_id IN (SELECT id FROM questions)
                                      AND a.status = 'answered' AND a.respondent_id = r.id)`;
  return run(db, query)
    .pluck()
    .get(...query.params) as number;
}

/**
 * The pairs of every segment in scope, by question id. The arrays are fresh copies,
 * each question's pairs together.
 */
export function readPairs(
  db: Db,
  questionId: QuestionId | null,
  coderId: CoderId | null,
  filter: TallyFilter,
): Map<number, CodePairs> {
  const { from, where } = answersInScope(questionId, filter);
  const coder = coderId === null ? sql`` : sql` AND s.coder_id = ${coderId}`;
  const query = sql`SELECT cairn_int_rows(a.respondent_id, a.question_id, s.code_id)
                      FROM ${from}
                      JOIN segments s INDEXED BY segments_by_answer ON s.answer_id = a.id
                     WHERE ${where}${coder}`;
  return byQuestion(collectIntRows(db, query));
}

/** The (respondent, question, code) rows split by question, each question's in the order read. */
function byQuestion(rows: IntRows): Map<number, CodePairs> {
  const slots = new Map<number, number>();
  const slotOf = new Int32Array(rows.length);
  const sizes: number[] = [];
  let lastQuestion = NaN;
  let lastSlot = -1;
  for (let i = 0; i < rows.length; i++) {
    const question = rows.b[i]!;
    if (question !== lastQuestion) {
      let slot = slots.get(question);
      if (slot === undefined) {
        slot = sizes.length;
        slots.set(question, slot);
        sizes.push(0);
      }
      lastQuestion = question;
      lastSlot = slot;
    }
    slotOf[i] = lastSlot;
    sizes[lastSlot]!++;
  }
  const split = sizes.map((n) => ({
    respondents: new Int32Array(n),
    codes: new Int32Array(n),
    length: 0,
  }));
  for (let i = 0; i < rows.length; i++) {
    const target = split[slotOf[i]!]!;
    target.respondents[target.length] = rows.a[i]!;
    target.codes[target.length] = rows.c[i]!;
    target.length++;
  }
  return new Map([...slots].map(([question, slot]) => [question, split[slot]!]));
}

/** How many segments of a code one respondent's answer to a question has. */
export interface RespondentSegment {
  readonly questionId: number;
  readonly codeId: number;
  readonly n: number;
}

/** One respondent's segments in scope by question and code, after a change. */
export function respondentSegments(
  db: Db,
  respondentId: number,
  coderId: CoderId | null,
): RespondentSegment[] {
  return statement(
    db,
    `SELECT a.question_id AS questionId, s.code_id AS codeId, count(*) AS n
       FROM answers a JOIN segments s INDEXED BY segments_by_answer ON s.answer_id = a.id
      WHERE a.respondent_id = ? AND (? IS NULL OR s.coder_id = ?)
      GROUP BY a.question_id, s.code_id`,
  ).all(respondentId, coderId, coderId) as RespondentSegment[];
}

/** The coder's name, or undefined when there is no such coder. */
export function coderName(db: Db, coderId: CoderId): string | undefined {
  return statement(db, "SELECT name FROM coders WHERE id = ?").pluck().get(coderId) as
    string | undefined;
}
