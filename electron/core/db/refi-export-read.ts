/**
 * What the REFI-QDA export reads: the small tables whole (coders, codes, attributes,
 * questions) and the large ones (respondents, answers, segments, memos) in keyset pages,
 * so no statement stays open across the export's awaits and memory holds one page.
 *
 * A source is an answer with text that is not marked empty (decision 0016); every query
 * below that touches answers uses the same condition.
 */
import type { AnswerStatus } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

const HAS_SOURCE = "a.status <> 'empty' AND a.text <> ''";

/** A memo of spaces, tabs and line ends is no memo (`isBlankMemo` says the same in JS). */
const filled = (column: string) => `trim(${column}, ' ' || char(9, 10, 13)) <> ''`;

export function isBlankMemo(text: string): boolean {
  return /^[ \t\n\r]*$/.test(text);
}

export interface ExportCoder {
  readonly id: number;
  readonly name: string;
}

export interface ExportCode {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly color: string;
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

export interface ExportMemo {
  readonly id: number;
  /** The code, answer or respondent it is on. */
  readonly targetId: number;
  readonly coderId: number | null;
  readonly text: string;
  readonly createdAt: string;
}

export interface ExportRespondent {
  readonly id: number;
  readonly externalId: string;
  readonly position: number;
}

export interface ExportSourceAnswer {
  readonly id: number;
  readonly respondentId: number;
  readonly text: string;
  readonly status: AnswerStatus;
  readonly externalId: string;
  readonly questionLabel: string;
}

export interface ExportSegment {
  readonly id: number;
  readonly answerId: number;
  readonly codeId: number;
  readonly coderId: number;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly createdAt: string;
}

export interface ExportSegmentMemo {
  readonly id: number;
  readonly coderId: number;
  readonly memo: string;
  readonly createdAt: string;
  /** "R017 · Q3 · Safety": where the memo is, to name its note. */
  readonly externalId: string;
  readonly questionLabel: string;
  readonly codeName: string;
}

export function exportCoders(db: Db): ExportCoder[] {
  return statement(db, "SELECT id, name FROM coders ORDER BY id").all() as ExportCoder[];
}

/** Parents before children, siblings in their order. */
export function exportCodes(db: Db): ExportCode[] {
  return statement(
    db,
    `SELECT id, parent_id AS parentId, name, color, description, when_to_use AS whenToUse,
            when_not_to_use AS whenNotToUse, example
       FROM codes ORDER BY ifnull(parent_id, 0), position, id`,
  ).all() as ExportCode[];
}

export function exportAttributes(db: Db): { id: number; name: string }[] {
  return statement(db, "SELECT id, name FROM attributes ORDER BY position").all() as {
    id: number;
    name: string;
  }[];
}

export interface ExportQuestion {
  readonly id: number;
  readonly label: string;
  readonly text: string;
  readonly section: string;
}

export function exportQuestions(db: Db): ExportQuestion[] {
  return statement(
    db,
    "SELECT id, label, text, section FROM questions ORDER BY position",
  ).all() as ExportQuestion[];
}

export function codeMemos(db: Db): ExportMemo[] {
  return statement(
    db,
    `SELECT id, code_id AS targetId, coder_id AS coderId, text, created_at AS createdAt
       FROM memos WHERE code_id IS NOT NULL AND ${filled("text")} ORDER BY code_id, id`,
  ).all() as ExportMemo[];
}

export function respondentCount(db: Db): number {
  return statement(db, "SELECT count(*) FROM respondents").pluck().get() as number;
}

export function respondentPage(db: Db, afterPosition: number, limit: number): ExportRespondent[] {
  return statement(
    db,
    `SELECT id, external_id AS externalId, position FROM respondents
      WHERE position > ? ORDER BY position LIMIT ?`,
  ).all(afterPosition, limit) as ExportRespondent[];
}

/** Non-blank attribute values of respondents in a position range (inclusive). */
export function attributeValuesBetween(
  db: Db,
  fromPosition: number,
  toPosition: number,
): { respondentId: number; attributeId: number; value: string }[] {
  return statement(
    db,
    `SELECT ra.respondent_id AS respondentId, ra.attribute_id AS attributeId, ra.value
       FROM respondents r
       JOIN respondent_attributes ra ON ra.respondent_id = r.id
       JOIN attributes t ON t.id = ra.attribute_id
      WHERE r.position BETWEEN ? AND ? AND ${filled("ra.value")}
      ORDER BY r.position, t.position`,
  ).all(fromPosition, toPosition) as { respondentId: number; attributeId: number; value: string }[];
}

/** Source answers of respondents in a position range, in question order. */
export function sourceIdsOfRespondentsBetween(
  db: Db,
  fromPosition: number,
  toPosition: number,
): { respondentId: number; answerId: number }[] {
  return statement(
    db,
    `SELECT a.respondent_id AS respondentId, a.id AS answerId
       FROM respondents r
       JOIN answers a ON a.respondent_id = r.id
       JOIN questions q ON q.id = a.question_id
      WHERE r.position BETWEEN ? AND ? AND ${HAS_SOURCE}
      ORDER BY r.position, q.position`,
  ).all(fromPosition, toPosition) as { respondentId: number; answerId: number }[];
}

export function respondentMemosBetween(
  db: Db,
  fromPosition: number,
  toPosition: number,
): (ExportMemo & { coderName: string | null })[] {
  return statement(
    db,
    `SELECT m.id, m.respondent_id AS targetId, m.coder_id AS coderId, m.text,
            m.created_at AS createdAt, c.name AS coderName
       FROM respondents r
       JOIN memos m ON m.respondent_id = r.id
       LEFT JOIN coders c ON c.id = m.coder_id
      WHERE r.position BETWEEN ? AND ? AND ${filled("m.text")}
      ORDER BY r.position, m.id`,
  ).all(fromPosition, toPosition) as (ExportMemo & { coderName: string | null })[];
}

export function sourceCount(db: Db): number {
  return statement(db, `SELECT count(*) FROM answers a WHERE ${HAS_SOURCE}`)
    .pluck()
    .get() as number;
}

/** The next page of source answers by id. */
export function sourcePage(db: Db, afterId: number, limit: number): ExportSourceAnswer[] {
  return statement(
    db,
    `SELECT a.id, a.respondent_id AS respondentId, a.text, a.status, r.external_id AS externalId,
            q.label AS questionLabel
       FROM answers a
       JOIN respondents r ON r.id = a.respondent_id
       JOIN questions q ON q.id = a.question_id
      WHERE a.id > ? AND ${HAS_SOURCE}
      ORDER BY a.id LIMIT ?`,
  ).all(afterId, limit) as ExportSourceAnswer[];
}

/** Segments of answers in an id range, by answer, span and id (a selection's segments together). */
export function segmentsOfAnswersBetween(db: Db, fromId: number, toId: number): ExportSegment[] {
  return statement(
    db,
    `SELECT id, answer_id AS answerId, code_id AS codeId, coder_id AS coderId, start, end, memo,
            created_at AS createdAt
       FROM segments WHERE answer_id BETWEEN ? AND ?
      ORDER BY answer_id, start, end, id`,
  ).all(fromId, toId) as ExportSegment[];
}

export function answerMemosBetween(db: Db, fromId: number, toId: number): ExportMemo[] {
  return statement(
    db,
    `SELECT id, answer_id AS targetId, coder_id AS coderId, text, created_at AS createdAt
       FROM memos WHERE answer_id BETWEEN ? AND ? AND ${filled("text")}
      ORDER BY answer_id, id`,
  ).all(fromId, toId) as ExportMemo[];
}

/** Source answer ids of one question after `afterId`, for the question's set. */
export function questionSourceIds(
  db: Db,
  questionId: number,
  afterId: number,
  limit: number,
): number[] {
  return statement(
    db,
    `SELECT a.id FROM answers a
      WHERE a.question_id = ? AND a.id > ? AND ${HAS_SOURCE} ORDER BY a.id LIMIT ?`,
  )
    .pluck()
    .all(questionId, afterId, limit) as number[];
}

export function noteCounts(db: Db): { segments: number; answers: number } {
  const segments = statement(
    db,
    `SELECT count(*) FROM segments s JOIN answers a ON a.id = s.answer_id
      WHERE ${filled("s.memo")} AND ${HAS_SOURCE}`,
  )
    .pluck()
    .get() as number;
  const answers = statement(
    db,
    `SELECT count(*) FROM memos m JOIN answers a ON a.id = m.answer_id
      WHERE ${filled("m.text")} AND ${HAS_SOURCE}`,
  )
    .pluck()
    .get() as number;
  return { segments, answers };
}

export function segmentMemoPage(db: Db, afterId: number, limit: number): ExportSegmentMemo[] {
  return statement(
    db,
    `SELECT s.id, s.coder_id AS coderId, s.memo, s.created_at AS createdAt,
            r.external_id AS externalId, q.label AS questionLabel, c.name AS codeName
       FROM segments s
       JOIN answers a ON a.id = s.answer_id
       JOIN respondents r ON r.id = a.respondent_id
       JOIN questions q ON q.id = a.question_id
       JOIN codes c ON c.id = s.code_id
      WHERE s.id > ? AND ${filled("s.memo")} AND ${HAS_SOURCE}
      ORDER BY s.id LIMIT ?`,
  ).all(afterId, limit) as ExportSegmentMemo[];
}

export function answerMemoPage(
  db: Db,
  afterId: number,
  limit: number,
): (ExportMemo & { externalId: string; questionLabel: string })[] {
  return statement(
    db,
    `SELECT m.id, m.answer_id AS targetId, m.coder_id AS coderId, m.text,
            m.created_at AS createdAt, r.external_id AS externalId, q.label AS questionLabel
       FROM memos m
       JOIN answers a ON a.id = m.answer_id
       JOIN respondents r ON r.id = a.respondent_id
       JOIN questions q ON q.id = a.question_id
      WHERE m.id > ? AND ${filled("m.text")} AND ${HAS_SOURCE}
      ORDER BY m.id LIMIT ?`,
  ).all(afterId, limit) as (ExportMemo & { externalId: string; questionLabel: string })[];
}
