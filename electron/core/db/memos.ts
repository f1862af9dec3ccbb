/**
 * Writing answer and respondent memos: one per coder and target (the unique indexes of
 * migration 0002). Reading them into the grid's rows is services/answers.ts's job.
 */
import type { AnswerId, CoderId, RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export type MemoTarget = { answerId: AnswerId } | { respondentId: RespondentId };

function column(target: MemoTarget): "answer_id" | "respondent_id" {
  return "answerId" in target ? "answer_id" : "respondent_id";
}

function targetId(target: MemoTarget): number {
  return "answerId" in target ? target.answerId : target.respondentId;
}

/** Sets the coder's memo on the target; empty text (or only spaces) removes it. */
export function writeMemo(
  db: Db,
  target: MemoTarget,
  coderId: CoderId,
  text: string,
  now: string,
): void {
  const col = column(target);
  if (text.trim() === "") {
    statement(db, `DELETE FROM memos WHERE ${col} = ? AND coder_id = ?`).run(
      targetId(target),
      coderId,
    );
    return;
  }
  const updated = statement(
    db,
    `UPDATE memos SET text = ?, updated_at = ? WHERE ${col} = ? AND coder_id = ? AND text IS NOT ?`,
  ).run(text, now, targetId(target), coderId, text);
  if (updated.changes > 0 || memoExists(db, target, coderId)) return;
  statement(
    db,
    `INSERT INTO memos (${col}, coder_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(targetId(target), coderId, text, now, now);
}

function memoExists(db: Db, target: MemoTarget, coderId: CoderId): boolean {
  return (
    statement(db, `SELECT 1 FROM memos WHERE ${column(target)} = ? AND coder_id = ?`)
      .pluck()
      .get(targetId(target), coderId) !== undefined
  );
}
