/**
 * The answers every chosen coder has seen (decision 0015): answered answers on which each
 * coder has a done mark, on the answer itself or on its whole question (an import of
 * coding marks the question). Only these count in agreement: an answer a coder has not
 * reached is not a disagreement.
 *
 * Read through `cairn_int_rows` into typed arrays: 100,000 answers cost a few
 * milliseconds, where a correlated subquery per answer would not use the done marks'
 * index (it is on an expression).
 */
import type { AnswerId, CoderId, QuestionId } from "../../../shared/domain.ts";
import { collectIntRows } from "./pair-collector.ts";
import type { Db } from "./project-file.ts";
import { jsonList, sql } from "./sql.ts";

export interface SeenAnswers {
  /** Answer ids, ascending. */
  readonly ids: Int32Array;
  /** Answered answers in the questions that some chosen coder has not seen. */
  readonly notSeen: number;
}

/**
 * Answered answers (of `questionIds`, or every question when undefined or empty) that
 * every coder has seen, ascending.
 */
export function seenAnswerIds(
  db: Db,
  coderIds: readonly CoderId[],
  questionIds: readonly QuestionId[] | undefined,
): AnswerId[] {
  return Array.from(seenAnswers(db, coderIds, questionIds).ids) as AnswerId[];
}

export function seenAnswers(
  db: Db,
  coderIds: readonly CoderId[],
  questionIds: readonly QuestionId[] | undefined,
): SeenAnswers {
  const answers = answeredAnswers(db, questionIds);
  const marks = doneMarks(db, coderIds);
  const seen = new Int32Array(answers.ids.length);
  let kept = 0;
  for (let i = 0; i < answers.ids.length; i++) {
    const answer = answers.ids[i]!;
    const question = answers.questions[i]!;
    if (marks.every((mark) => mark.questions.has(question) || mark.answers.has(answer))) {
      seen[kept++] = answer;
    }
  }
  const ids = seen.slice(0, kept).sort();
  return { ids, notSeen: answers.ids.length - kept };
}

/** Answered answers in the questions, with their question; copied out of the collector. */
function answeredAnswers(
  db: Db,
  questionIds: readonly QuestionId[] | undefined,
): { ids: Int32Array; questions: Int32Array } {
  const every = questionIds === undefined || questionIds.length === 0;
  const rows = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(id, question_id, 0) FROM answers
         WHERE status = 'answered'
           AND (${every ? 1 : 0} OR question_id IN (SELECT value FROM json_each(${jsonList(questionIds ?? [])})))`,
  );
  return { ids: rows.a.slice(0, rows.length), questions: rows.b.slice(0, rows.length) };
}

interface CoderMarks {
  /** Questions marked done as a whole. */
  readonly questions: Set<number>;
  readonly answers: Set<number>;
}

function doneMarks(db: Db, coderIds: readonly CoderId[]): CoderMarks[] {
  const byCoder = new Map<number, CoderMarks>(
    coderIds.map((id) => [id, { questions: new Set(), answers: new Set() }]),
  );
  const rows = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(coder_id, question_id, ifnull(answer_id, 0)) FROM done_marks
         WHERE coder_id IN (SELECT value FROM json_each(${jsonList(coderIds)}))`,
  );
  for (let i = 0; i < rows.length; i++) {
    const marks = byCoder.get(rows.a[i]!);
    if (!marks) continue;
    const answer = rows.c[i]!;
    if (answer === 0) marks.questions.add(rows.b[i]!);
    else marks.answers.add(answer);
  }
  return [...byCoder.values()];
}
