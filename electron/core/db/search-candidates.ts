/**
 * The reads of a search: the answered answers the full-text index proposes for a query
 * (or every answered answer, for a regular expression), and the details of the answers
 * a page of hits shows. Only answered answers are searched: a blank cell or an "n/a"
 * holds nothing to find.
 */
import type { AnswerId, QuestionId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

/** Where an answer stands in the questionnaire order that results follow. */
export interface CandidateOrder {
  readonly questionPosition: number;
  readonly respondentPosition: number;
}

type Visit = (id: AnswerId, text: string, order: CandidateOrder) => void;

const CANDIDATE_COLUMNS = `a.id, a.text, q.position, r.position`;
const CANDIDATE_JOINS = `JOIN questions q ON q.id = a.question_id
                         JOIN respondents r ON r.id = a.respondent_id`;

/**
 * Calls `visit` for each answered answer whose index words match `match` (an FTS5
 * expression), in no particular order. The index may propose a few answers the exact
 * matcher then turns down; it never leaves one out.
 */
export function eachIndexedCandidate(
  db: Db,
  match: string,
  questionId: QuestionId | undefined,
  visit: Visit,
): void {
  const sql = `SELECT ${CANDIDATE_COLUMNS}
                 FROM answers_fts f
                 JOIN answers a ON a.id = f.rowid
                 ${CANDIDATE_JOINS}
                WHERE answers_fts MATCH ? AND a.status = 'answered'
                  ${questionId === undefined ? "" : "AND a.question_id = ?"}`;
  const params = questionId === undefined ? [match] : [match, questionId];
  visitRows(statement(db, sql), params, visit);
}

/** Calls `visit` for every answered answer (of one question), in no particular order. */
export function eachAnsweredAnswer(db: Db, questionId: QuestionId | undefined, visit: Visit): void {
  const sql = `SELECT ${CANDIDATE_COLUMNS}
                 FROM answers a
                 ${CANDIDATE_JOINS}
                WHERE a.status = 'answered'
                  ${questionId === undefined ? "" : "AND a.question_id = ?"}`;
  visitRows(statement(db, sql), questionId === undefined ? [] : [questionId], visit);
}

function visitRows(
  prepared: ReturnType<typeof statement>,
  params: readonly unknown[],
  visit: Visit,
): void {
  for (const row of prepared.raw(true).iterate(...params) as Iterable<
    [number, string, number, number]
  >) {
    visit(row[0] as AnswerId, row[1], { questionPosition: row[2], respondentPosition: row[3] });
  }
}

/** What a hit line says about its answer. */
export interface HitAnswer {
  readonly id: AnswerId;
  readonly text: string;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  readonly questionId: QuestionId;
  readonly question: string;
  readonly questionPosition: number;
}

export function hitAnswers(db: Db, ids: readonly AnswerId[]): Map<AnswerId, HitAnswer> {
  const rows = statement(
    db,
    `SELECT a.id, a.text, a.respondent_id, r.external_id, a.question_id, q.label, q.position
       FROM answers a ${CANDIDATE_JOINS}
      WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as {
    id: number;
    text: string;
    respondent_id: number;
    external_id: string;
    question_id: number;
    label: string;
    position: number;
  }[];
  return new Map(
    rows.map((row) => [
      row.id as AnswerId,
      {
        id: row.id as AnswerId,
        text: row.text,
        respondentId: row.respondent_id as RespondentId,
        respondent: row.external_id,
        questionId: row.question_id as QuestionId,
        question: row.label,
        questionPosition: row.position,
      },
    ]),
  );
}

/** Whether the coder has a segment of the code covering start..end of the answer. */
export function passageCovered(
  db: Db,
  passage: { answerId: AnswerId; codeId: number; coderId: number; start: number; end: number },
): boolean {
  return (
    statement(
      db,
      `SELECT 1 FROM segments
        WHERE answer_id = ? AND code_id = ? AND coder_id = ? AND start <= ? AND end >= ?
        LIMIT 1`,
    ).get(passage.answerId, passage.codeId, passage.coderId, passage.start, passage.end) !==
    undefined
  );
}
