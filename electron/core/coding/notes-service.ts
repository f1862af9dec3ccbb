/**
 * What a coder notes beside the codes: memos (on a segment, an answer, a respondent),
 * done marks (a question or single answers), and whether an answer is a non-response.
 * Each is one transaction and one undoable step.
 */
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, CoderId } from "../../../shared/domain.ts";
import { setAnswerStatus } from "../db/answers.ts";
import { answersNotInQuestion, questionLabel, respondentExternalId } from "../db/coding-lookups.ts";
import { ensureCoder, findCoder } from "../db/coders.ts";
import { addDoneMark, removeDoneMark } from "../db/done-marks.ts";
import { writeMemo } from "../db/memos.ts";
import type { Db } from "../db/project-file.ts";
import { setSegmentMemo } from "../db/segments.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { NO_CHANGE, recordStep } from "./history.ts";
import { existingAnswer, existingSegment } from "./targets.ts";

/**
 * Sets a memo; empty text removes it. A segment has one memo; an answer or a respondent
 * has one per coder, so a second coder's notes never overwrite the first's.
 */
export function setMemo(db: Db, input: ApiParsedInput<"coding.setMemo">, now: string): EditOutcome {
  const { target, coder, text } = input;
  const removing = text.trim() === "";
  const label = removing ? "Delete memo" : "Memo";
  if ("segmentId" in target) {
    const segment = existingSegment(db, target.segmentId);
    return recordStep(db, label, now, () => {
      setSegmentMemo(db, segment.id, removing ? "" : text);
      return { ...NO_CHANGE, answerIds: [segment.answerId] };
    });
  }
  if ("answerId" in target) existingAnswer(db, target.answerId);
  else if (respondentExternalId(db, target.respondentId) === undefined) {
    throw new CairnError("not_found", `respondent ${target.respondentId} is not in this project`);
  }
  return recordStep(db, label, now, () => {
    // Removing the memo of a coder who never wrote one changes nothing.
    const coderId = removing ? findCoder(db, coder) : ensureCoder(db, coder);
    if (coderId !== undefined) writeMemo(db, target, coderId, text, now);
    return NO_CHANGE;
  });
}

/**
 * Marks a question (no answerIds) or some of its answers done for a coder, or removes
 * those marks (done: false). Marking twice changes nothing. Removing a question's mark
 * keeps marks the coder put on single answers, and the other way round.
 */
export function markDone(
  db: Db,
  input: ApiParsedInput<"coding.markDone">,
  now: string,
): EditOutcome {
  const { questionId, answerIds, done } = input;
  const question = questionLabel(db, questionId);
  if (question === undefined) {
    throw new CairnError("not_found", `question ${questionId} is not in this project`);
  }
  const targets: (AnswerId | null)[] = answerIds ? [...new Set(answerIds)] : [null];
  const stray = answerIds ? answersNotInQuestion(db, questionId, answerIds) : [];
  if (stray.length > 0) {
    throw new CairnError("not_found", `answer ${stray[0]} is not an answer to ${question}`);
  }
  const what = answerIds
    ? targets.length === 1
      ? "answer"
      : `${targets.length} answers`
    : question;
  return recordStep(db, `Mark ${what} ${done ? "done" : "not done"}`, now, () => {
    const coderId: CoderId | undefined = done
      ? ensureCoder(db, input.coder)
      : findCoder(db, input.coder);
    if (coderId === undefined) return NO_CHANGE;
    for (const answerId of targets) {
      if (done) addDoneMark(db, coderId, questionId, answerId, now);
      else removeDoneMark(db, coderId, questionId, answerId);
    }
    return { ...NO_CHANGE, answerIds: answerIds ?? [] };
  });
}

/** The user's verdict on an answer: a real answer, or a placeholder for none. */
export function setAnswerStatusUndoably(
  db: Db,
  answerId: AnswerId,
  status: "answered" | "non_response",
  now: string,
): EditOutcome {
  const answer = existingAnswer(db, answerId);
  if (answer.text.trim() === "") {
    throw new CairnError("bad_input", "a blank answer stays blank: there is nothing to mark");
  }
  const label = status === "non_response" ? "Mark as non-response" : "Mark as answered";
  return recordStep(db, label, now, () => {
    setAnswerStatus(db, answer.id, status);
    return { ...NO_CHANGE, answerIds: [answer.id] };
  });
}
