/**
 * What the spreadsheet exports read besides the segments themselves: questions, coders,
 * attributes and respondents (in the filter, in survey order), the codebook with its
 * descriptions, the latest review, and each segment's (respondent, question, code) for
 * the matrix and the codebook counts. Read-only.
 */
import type { CoderId } from "../../../shared/domain.ts";
import { collectIntRows } from "./pair-collector.ts";
import type { Db } from "./project-file.ts";
import { sql } from "./sql.ts";
import { statement } from "./statements.ts";
import { passes, type TallyFilter } from "./tally.ts";

export interface ExportQuestion {
  readonly id: number;
  readonly label: string;
  readonly text: string;
}

export function exportQuestions(db: Db): ExportQuestion[] {
  return statement(
    db,
    "SELECT id, label, text FROM questions ORDER BY position",
  ).all() as ExportQuestion[];
}

export function coderNames(db: Db): Map<number, string> {
  const rows = statement(db, "SELECT id, name FROM coders ORDER BY id").raw().all() as [
    number,
    string,
  ][];
  return new Map(rows);
}

export interface ExportAttribute {
  readonly id: number;
  readonly name: string;
}

export function exportAttributes(db: Db): ExportAttribute[] {
  return statement(
    db,
    "SELECT id, name FROM attributes ORDER BY position",
  ).all() as ExportAttribute[];
}

export interface ExportRespondent {
  readonly id: number;
  readonly externalId: string;
}

/** The respondents the filter lets through, in survey order. */
export function exportRespondents(db: Db, filter: TallyFilter): ExportRespondent[] {
  const query = sql`SELECT id, external_id FROM respondents r
                     WHERE ${passes(filter, sql`r.id`)} ORDER BY position`;
  const rows = statement(db, query.text)
    .raw()
    .all(...query.params) as [number, string][];
  return rows.map(([id, externalId]) => ({ id, externalId }));
}

/** Every attribute value: (respondent id, attribute id, value). */
export function attributeValueRows(db: Db): [number, number, string][] {
  return statement(db, "SELECT respondent_id, attribute_id, value FROM respondent_attributes")
    .raw()
    .all() as [number, number, string][];
}

export interface ExportCode {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly position: number;
  readonly color: string;
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

export function exportCodes(db: Db): ExportCode[] {
  return statement(
    db,
    `SELECT id, parent_id AS parentId, name, position, color, description,
            when_to_use AS whenToUse, when_not_to_use AS whenNotToUse, example
       FROM codes ORDER BY id`,
  ).all() as ExportCode[];
}

export interface LatestReview {
  readonly coderA: CoderId;
  readonly coderB: CoderId;
  readonly consensusId: CoderId;
  readonly questionIds: readonly number[];
  readonly threshold: number;
}

/** The most recently started review of any two coders, if there is one. */
export function latestAnyReview(db: Db): LatestReview | undefined {
  const row = statement(
    db,
    `SELECT coder_a, coder_b, consensus_coder, question_ids, threshold
       FROM reviews ORDER BY id DESC LIMIT 1`,
  ).get() as
    | {
        coder_a: number;
        coder_b: number;
        consensus_coder: number;
        question_ids: string;
        threshold: number;
      }
    | undefined;
  return (
    row && {
      coderA: row.coder_a as CoderId,
      coderB: row.coder_b as CoderId,
      consensusId: row.consensus_coder as CoderId,
      questionIds: JSON.parse(row.question_ids) as number[],
      threshold: row.threshold,
    }
  );
}

/** Every coder who is the consensus of some review. */
export function consensusCoderIds(db: Db): Set<number> {
  return new Set(
    statement(db, "SELECT DISTINCT consensus_coder FROM reviews").pluck().all() as number[],
  );
}

/** Segments in the coding (a coder, or all) and the filter. */
export function exportSegmentCount(db: Db, coderId: CoderId | null, filter: TallyFilter): number {
  const query = sql`SELECT count(*) FROM segments s JOIN answers a ON a.id = s.answer_id
                     WHERE (${coderId} IS NULL OR s.coder_id = ${coderId})
                       AND ${passes(filter, sql`a.respondent_id`)}`;
  return statement(db, query.text)
    .pluck()
    .get(...query.params) as number;
}

/** The codes the coding uses (any respondent), each once. */
export function usedCodeIds(db: Db, coderId: CoderId | null): number[] {
  return statement(db, "SELECT DISTINCT code_id FROM segments WHERE ? IS NULL OR coder_id = ?")
    .pluck()
    .all(coderId, coderId) as number[];
}

export function answerCount(db: Db): number {
  return statement(db, "SELECT count(*) FROM answers").pluck().get() as number;
}

/** Each segment's respondent, question and code in the coding and filter (copied out). */
export interface SegmentTriples {
  readonly respondents: Int32Array;
  readonly questions: Int32Array;
  readonly codes: Int32Array;
  readonly length: number;
}

export function segmentTriples(
  db: Db,
  coderId: CoderId | null,
  filter: TallyFilter,
): SegmentTriples {
  const rows = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(a.respondent_id, a.question_id, s.code_id)
          FROM segments s JOIN answers a ON a.id = s.answer_id
         WHERE (${coderId} IS NULL OR s.coder_id = ${coderId})
           AND ${passes(filter, sql`a.respondent_id`)}`,
  );
  return {
    respondents: rows.a.slice(0, rows.length),
    questions: rows.b.slice(0, rows.length),
    codes: rows.c.slice(0, rows.length),
    length: rows.length,
  };
}
