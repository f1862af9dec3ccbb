/**
 * Coded passages listed for reading and export (`cairn segments`): each with the names a
 * person knows it by (respondent id, question label, code path, coder) and the passage's
 * text. Built to stream a million segments: filters run in SQL, rows come one at a time,
 * and no answer text is held longer than its own row.
 */
import type {
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
  SegmentId,
} from "../../../shared/domain.ts";
import { coderNameKey } from "../../../shared/coders.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface SegmentListing {
  readonly id: SegmentId;
  readonly respondent: string;
  readonly question: string;
  readonly questionPosition: number;
  readonly codeId: CodeId;
  readonly coder: string;
  /** UTF-16 code units into the answer's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The coded passage: the answer's text from start to end. */
  readonly text: string;
  readonly memo: string;
  readonly createdAt: string;
}

export interface SegmentFilter {
  readonly questionId?: QuestionId;
  readonly coderId?: CoderId;
  /** A code and every code below it: the segments of a category include its sub-codes'. */
  readonly codeId?: CodeId;
  /** At most this many segments (all when absent). */
  readonly limit?: number;
}

interface ListingRow {
  id: number;
  respondent: string;
  question: string;
  question_position: number;
  code_id: number;
  coder: string;
  start: number;
  end: number;
  answer_text: string;
  memo: string;
  created_at: string;
}

function rowToListing(row: ListingRow): SegmentListing {
  return {
    id: row.id as SegmentId,
    respondent: row.respondent,
    question: row.question,
    questionPosition: row.question_position,
    codeId: row.code_id as CodeId,
    coder: row.coder,
    start: row.start,
    end: row.end,
    // Sliced here, not with SQL's substr: that counts characters, the offsets UTF-16 units.
    text: row.answer_text.slice(row.start, row.end),
    memo: row.memo,
    createdAt: row.created_at,
  };
}

const COLUMNS = `s.id, r.external_id AS respondent, q.label AS question,
       q.position AS question_position, s.code_id, c.name AS coder, s.start, s.end,
       a.text AS answer_text, s.memo, s.created_at`;

const SUBTREE = `WITH RECURSIVE subtree(id) AS (
         SELECT @codeId UNION ALL SELECT k.id FROM codes k JOIN subtree ON k.parent_id = subtree.id)
       SELECT id FROM subtree`;

/**
 * The segments that pass the filter, in questionnaire order: by question, then
 * respondent, then start in the answer (ties in the order they were made). Without a
 * code filter the walk follows indexes in exactly that order (questions, respondents,
 * their answer, its segments by start), so rows stream at once and nothing is sorted;
 * a code filter reads that code's segments by index and sorts only them.
 */
export function listSegments(db: Db, filter: SegmentFilter = {}): IterableIterator<SegmentListing> {
  const where = [
    filter.questionId !== undefined ? "q.id = @questionId" : null,
    filter.coderId !== undefined ? "s.coder_id = @coderId" : null,
    filter.codeId !== undefined ? `s.code_id IN (${SUBTREE})` : null,
  ].filter((clause) => clause !== null);
  const byCode = filter.codeId !== undefined;
  const from = byCode
    ? `segments s
           JOIN answers a ON a.id = s.answer_id
           JOIN questions q ON q.id = a.question_id
           JOIN respondents r ON r.id = a.respondent_id`
    : // CROSS JOIN fixes the loop order to the output order (see above).
      `questions q
           CROSS JOIN respondents r
           CROSS JOIN answers a ON a.respondent_id = r.id AND a.question_id = q.id
           CROSS JOIN segments s ON s.answer_id = a.id`;
  const sql = `SELECT ${COLUMNS}
      FROM ${from}
      JOIN coders c ON c.id = s.coder_id
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY q.position, r.position, s.start${byCode ? ", s.id" : ""}
     LIMIT @limit`;
  const rows = statement(db, sql).iterate({
    limit: filter.limit ?? -1,
    ...(filter.questionId !== undefined ? { questionId: filter.questionId } : {}),
    ...(filter.coderId !== undefined ? { coderId: filter.coderId } : {}),
    ...(filter.codeId !== undefined ? { codeId: filter.codeId } : {}),
  }) as IterableIterator<ListingRow>;
  return map(rows, rowToListing);
}

function* map<T, U>(items: Iterable<T>, convert: (item: T) => U): IterableIterator<U> {
  for (const item of items) yield convert(item);
}

/** One segment as listed, or undefined when there is no such segment. */
export function getSegmentListing(db: Db, id: SegmentId): SegmentListing | undefined {
  const row = statement(
    db,
    `SELECT ${COLUMNS}
       FROM segments s
       JOIN answers a ON a.id = s.answer_id
       JOIN questions q ON q.id = a.question_id
       JOIN respondents r ON r.id = a.respondent_id
       JOIN coders c ON c.id = s.coder_id
      WHERE s.id = ?`,
  ).get(id) as ListingRow | undefined;
  return row && rowToListing(row);
}

// Single lookups by the names a person types. The maps the import builds
// (respondentIdsByExternalId...) would read a million respondents to find one.

export function findRespondentByExternalId(db: Db, externalId: string): RespondentId | undefined {
  const row = statement(db, "SELECT id FROM respondents WHERE external_id = ?").get(externalId) as
    { id: number } | undefined;
  return row?.id as RespondentId | undefined;
}

export function findCoderByName(db: Db, name: string): CoderId | undefined {
  const row = statement(db, "SELECT id FROM coders WHERE name_key = ?").get(coderNameKey(name)) as
    { id: number } | undefined;
  return row?.id as CoderId | undefined;
}

export interface QuestionName {
  readonly id: QuestionId;
  readonly position: number;
  readonly label: string;
}

/** Every question's id, position and label (no counts: cheap on a large project). */
export function questionNames(db: Db): QuestionName[] {
  const rows = statement(
    db,
    "SELECT id, position, label FROM questions ORDER BY position",
  ).all() as {
    id: number;
    position: number;
    label: string;
  }[];
  return rows.map((row) => ({
    id: row.id as QuestionId,
    position: row.position,
    label: row.label,
  }));
}

export function coderNames(db: Db): string[] {
  return statement(db, "SELECT name FROM coders ORDER BY id").pluck().all() as string[];
}
