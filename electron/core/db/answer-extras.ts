/**
 * What a grid row carries besides the answer itself: the coders' memos on the answer and
 * on its respondent, and who marked it done. Each reads a whole page in one query.
 */
import type { AnswerId, CoderId, Memo, MemoId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

interface MemoRow {
  target: number;
  id: number;
  coder_id: number | null;
  text: string;
  updated_at: string;
}

function rowToMemo(row: MemoRow): Memo {
  return {
    id: row.id as MemoId,
    coderId: row.coder_id as CoderId | null,
    text: row.text,
    updatedAt: row.updated_at,
  };
}

function groupMemos<K extends number>(rows: readonly MemoRow[]): Map<K, Memo[]> {
  const result = new Map<K, Memo[]>();
  for (const row of rows) {
    const list = result.get(row.target as K) ?? [];
    list.push(rowToMemo(row));
    result.set(row.target as K, list);
  }
  return result;
}

/** Memos on the given answers, by answer, one per coder (the unknown coder first). */
export function memosOfAnswers(db: Db, answerIds: readonly AnswerId[]): Map<AnswerId, Memo[]> {
  if (answerIds.length === 0) return new Map();
  const rows = statement(
    db,
    `SELECT answer_id AS target, id, coder_id, text, updated_at FROM memos
      WHERE answer_id IN (SELECT value FROM json_each(?))
      ORDER BY answer_id, coder_id NULLS FIRST, id`,
  ).all(JSON.stringify(answerIds)) as MemoRow[];
  return groupMemos<AnswerId>(rows);
}

/** Memos on the given respondents, by respondent, one per coder. */
export function memosOfRespondents(
  db: Db,
  respondentIds: readonly RespondentId[],
): Map<RespondentId, Memo[]> {
  if (respondentIds.length === 0) return new Map();
  const rows = statement(
    db,
    `SELECT respondent_id AS target, id, coder_id, text, updated_at FROM memos
      WHERE respondent_id IN (SELECT value FROM json_each(?))
      ORDER BY respondent_id, coder_id NULLS FIRST, id`,
  ).all(JSON.stringify(respondentIds)) as MemoRow[];
  return groupMemos<RespondentId>(rows);
}

/**
 * The coders who marked each answer done: on the answer itself, or on its whole
 * question (a mark with no answer). Coders in id order, each once.
 */
export function doneByOfAnswers(db: Db, answerIds: readonly AnswerId[]): Map<AnswerId, CoderId[]> {
  const result = new Map<AnswerId, CoderId[]>();
  if (answerIds.length === 0) return result;
  const ids = JSON.stringify(answerIds);
  // Question marks: from each answer to each coder's mark through done_marks_unique
  // (coder_id, question_id, ifnull(answer_id, 0)). CROSS JOIN fixes that order; left to
  // itself the planner walked every mark and then every answer of its question.
  const rows = statement(
    db,
    `SELECT d.answer_id AS answer_id, d.coder_id AS coder_id FROM done_marks d
      WHERE d.answer_id IN (SELECT value FROM json_each(?))
     UNION
     SELECT a.id, d.coder_id FROM json_each(?) j
      CROSS JOIN answers a ON a.id = j.value
      CROSS JOIN coders c
      CROSS JOIN done_marks d
         ON d.coder_id = c.id AND d.question_id = a.question_id AND ifnull(d.answer_id, 0) = 0
     ORDER BY 1, 2`,
  ).all(ids, ids) as { answer_id: number; coder_id: number }[];
  for (const row of rows) {
    const list = result.get(row.answer_id as AnswerId) ?? [];
    list.push(row.coder_id as CoderId);
    result.set(row.answer_id as AnswerId, list);
  }
  return result;
}
