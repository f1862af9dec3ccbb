/**
 * A coder's "done" marks: on a whole question (answer_id NULL) or on single answers.
 * Agreement counts only answers both coders have seen.
 */
import type { AnswerId, CoderId, QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

/** Marks the question (answerId null) or one of its answers done; marking twice is harmless. */
export function addDoneMark(
  db: Db,
  coderId: CoderId,
  questionId: QuestionId,
  answerId: AnswerId | null,
  now: string,
): void {
  statement(
    db,
    `INSERT INTO done_marks (coder_id, question_id, answer_id, marked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(coderId, questionId, answerId, now);
}

/** Removes the mark on the question (answerId null: not its answers' own) or one answer. */
export function removeDoneMark(
  db: Db,
  coderId: CoderId,
  questionId: QuestionId,
  answerId: AnswerId | null,
): void {
  statement(
    db,
    "DELETE FROM done_marks WHERE coder_id = ? AND question_id = ? AND answer_id IS ?",
  ).run(coderId, questionId, answerId);
}
