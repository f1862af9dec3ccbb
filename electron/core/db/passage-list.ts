/**
 * The coded passages of a code (a category: its whole subtree) for the retrieval view:
 * filtered and paged in SQL. A page is found in two steps, ids in order first and then
 * the rows of those ids, so a category with 200,000 segments is sorted without carrying
 * each answer's text through the sort.
 */
import type {
  AnswerId,
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
  SegmentId,
} from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { joinSql, jsonList, sql, type Sql } from "./sql.ts";
import { statement } from "./statements.ts";

/** A passage filter with every name already resolved to ids. */
export interface PassageSelection {
  /** The code and everything below it. */
  readonly codeIds: readonly CodeId[];
  readonly questionId?: QuestionId;
  readonly coderId?: CoderId;
  /** Every entry must match; within one, any of the values. */
  readonly attributes?: readonly {
    readonly attributeId: number;
    readonly values: readonly string[];
  }[];
  /**
   * Only passages whose answer (`within: "answer"`) or respondent (`"respondent"`) also
   * carries one of these codes, by the selection's coder when it has one.
   */
  readonly withCode?: {
    readonly codeIds: readonly CodeId[];
    readonly within: "answer" | "respondent";
  };
}

export type PassageOrder = "question" | "respondent";

export interface PassageRow {
  readonly segmentId: SegmentId;
  readonly answerId: AnswerId;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  readonly questionId: QuestionId;
  readonly question: string;
  readonly questionPosition: number;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  readonly coder: string;
  readonly start: number;
  readonly end: number;
  /** The answer's text from start to end (UTF-16 offsets, end exclusive). */
  readonly text: string;
  readonly memo: string;
}

/**
 * Two ways to the passages. From the code index, each segment then reads its answer's
 * row for the question and respondent: ~10 µs a segment, as answer rows are wide and
 * scattered. Or walking every answer on its covering (respondent, question) index and
 * the answer's segments on theirs: ~1 µs an answer, and no wide row read. A category
 * holding a tenth of the project's segments or more is faster the second way.
 */
export type PassageWalk = "segments" | "answers";

function fromClause(walk: PassageWalk): Sql {
  const start =
    walk === "segments"
      ? sql`segments s JOIN answers a ON a.id = s.answer_id`
      : sql`answers a CROSS JOIN segments s ON s.answer_id = a.id`;
  return sql`${start}
    JOIN questions q ON q.id = a.question_id
    JOIN respondents r ON r.id = a.respondent_id`;
}

/** The faster walk for the selection, judged from counts read on small indexes. */
export function passageWalk(db: Db, selection: PassageSelection): PassageWalk {
  const segments = codeSegmentCount(db, selection);
  // Answer ids run up to about the number of answers; one question has its share.
  const { answers, questions } = statement(
    db,
    "SELECT ifnull(max(id), 0) AS answers, (SELECT count(*) FROM questions) AS questions FROM answers",
  ).get() as { answers: number; questions: number };
  const walked = selection.questionId === undefined ? answers : answers / Math.max(questions, 1);
  return segments * 10 > walked ? "answers" : "segments";
}

/** The segments of the codes (and coder) alone, counted on the code index. */
function codeSegmentCount(db: Db, selection: PassageSelection): number {
  const query = sql`SELECT count(*) FROM segments s WHERE ${codeCondition(selection, "segments")}${
    selection.coderId === undefined ? sql`` : sql` AND s.coder_id = ${selection.coderId}`
  }`;
  return statement(db, query.text)
    .pluck()
    .get(...query.params) as number;
}

function codeCondition(selection: PassageSelection, walk: PassageWalk): Sql {
  const codes = sql`(SELECT value FROM json_each(${jsonList(selection.codeIds)}))`;
  // The unary + on the answer walk filters each answer's few segments rather than seeking
  // the answer index once per code of the category.
  return walk === "segments" ? sql`s.code_id IN ${codes}` : sql`+s.code_id IN ${codes}`;
}

function whereClause(selection: PassageSelection, walk: PassageWalk): Sql {
  const conditions = [codeCondition(selection, walk)];
  if (selection.questionId !== undefined)
    conditions.push(sql`a.question_id = ${selection.questionId}`);
  if (selection.coderId !== undefined) conditions.push(sql`s.coder_id = ${selection.coderId}`);
  for (const { attributeId, values } of selection.attributes ?? []) {
    conditions.push(sql`a.respondent_id IN (SELECT ra.respondent_id FROM respondent_attributes ra
      WHERE ra.attribute_id = ${attributeId}
        AND ra.value IN (SELECT value FROM json_each(${jsonList(values)})))`);
  }
  if (selection.withCode) conditions.push(withCodeCondition(selection.withCode, selection.coderId));
  return joinSql(conditions, " AND ");
}

function withCodeCondition(
  withCode: NonNullable<PassageSelection["withCode"]>,
  coderId: CoderId | undefined,
): Sql {
  // The unary + reads an answer's few segments by the answer index instead of seeking
  // the code index once per code of a category.
  const codes = sql`+w.code_id IN (SELECT value FROM json_each(${jsonList(withCode.codeIds)}))`;
  const byCoder = coderId === undefined ? sql`` : sql` AND w.coder_id = ${coderId}`;
  return withCode.within === "answer"
    ? sql`EXISTS (SELECT 1 FROM segments w WHERE w.answer_id = s.answer_id AND ${codes}${byCoder})`
    : sql`EXISTS (SELECT 1 FROM answers wa JOIN segments w ON w.answer_id = wa.id
        WHERE wa.respondent_id = a.respondent_id AND ${codes}${byCoder})`;
}

const ORDERS: Record<PassageOrder, Sql> = {
  question: sql`q.position, r.position, s.start, s.id`,
  respondent: sql`r.position, q.position, s.start, s.id`,
};

/**
 * Counting needs the answer only for a filter on it: a code's (and coder's) segments
 * alone are counted from the code index without reading a row.
 */
export function countPassages(db: Db, selection: PassageSelection, walk?: PassageWalk): number {
  const needsAnswer =
    selection.questionId !== undefined ||
    (selection.attributes?.length ?? 0) > 0 ||
    selection.withCode !== undefined;
  if (!needsAnswer) return codeSegmentCount(db, selection);
  walk ??= passageWalk(db, selection);
  const from =
    walk === "segments"
      ? sql`segments s JOIN answers a ON a.id = s.answer_id`
      : sql`answers a CROSS JOIN segments s ON s.answer_id = a.id`;
  const query = sql`SELECT count(*) FROM ${from} WHERE ${whereClause(selection, walk)}`;
  return statement(db, query.text)
    .pluck()
    .get(...query.params) as number;
}

/** The page's segment ids in order (offset and limit as in SQL). */
export function passageIds(
  db: Db,
  selection: PassageSelection,
  order: PassageOrder,
  page: { readonly offset: number; readonly limit: number },
  walk: PassageWalk = passageWalk(db, selection),
): SegmentId[] {
  const query = sql`SELECT s.id FROM ${fromClause(walk)} WHERE ${whereClause(selection, walk)}
    ORDER BY ${ORDERS[order]} LIMIT ${page.limit} OFFSET ${page.offset}`;
  return statement(db, query.text)
    .pluck()
    .all(...query.params) as SegmentId[];
}

interface Row {
  id: number;
  answer_id: number;
  respondent_id: number;
  respondent: string;
  question_id: number;
  question: string;
  question_position: number;
  code_id: number;
  coder_id: number;
  coder: string;
  start: number;
  end: number;
  answer_text: string;
  memo: string;
}

/** The rows of these segments, in the order of `ids`. */
export function passageRows(db: Db, ids: readonly SegmentId[]): PassageRow[] {
  if (ids.length === 0) return [];
  const rows = statement(
    db,
    `SELECT s.id, s.answer_id, a.respondent_id, r.external_id AS respondent, a.question_id,
            q.label AS question, q.position AS question_position, s.code_id, s.coder_id,
            c.name AS coder, s.start, s.end, a.text AS answer_text, s.memo
       FROM segments s
       JOIN answers a ON a.id = s.answer_id
       JOIN questions q ON q.id = a.question_id
       JOIN respondents r ON r.id = a.respondent_id
       JOIN coders c ON c.id = s.coder_id
      WHERE s.id IN (SELECT value FROM json_each(?))`,
  ).all(jsonList(ids)) as Row[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [rowToPassage(row)] : [];
  });
}

function rowToPassage(row: Row): PassageRow {
  return {
    segmentId: row.id as SegmentId,
    answerId: row.answer_id as AnswerId,
    respondentId: row.respondent_id as RespondentId,
    respondent: row.respondent,
    questionId: row.question_id as QuestionId,
    question: row.question,
    questionPosition: row.question_position,
    codeId: row.code_id as CodeId,
    coderId: row.coder_id as CoderId,
    coder: row.coder,
    start: row.start,
    end: row.end,
    // Sliced here, not with SQL's substr: that counts characters, the offsets UTF-16 units.
    text: row.answer_text.slice(row.start, row.end),
    memo: row.memo,
  };
}
