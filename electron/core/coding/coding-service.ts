/**
 * Coding actions on answers' passages: apply, remove, recode, adjust. Each is one
 * transaction and one undoable step (history.ts); inputs are checked first (targets.ts),
 * so a refused action writes nothing. Memos, done marks and answer statuses are in
 * notes-service.ts.
 */
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import type { AnswerId, CodeId, SegmentId } from "../../../shared/domain.ts";
import { ensureCoder } from "../db/coders.ts";
import type { Db } from "../db/project-file.ts";
import {
  absorbTouching,
  deleteSegment,
  mergeSegment,
  setSegmentCode,
  setSegmentSpan,
} from "../db/segments.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { NO_CHANGE, recordStep } from "./history.ts";
import {
  codableAnswer,
  existingAnswer,
  existingCode,
  existingSegment,
  passageOf,
  resolveCode,
} from "./targets.ts";

export { markDone, setAnswerStatusUndoably, setMemo } from "./notes-service.ts";

/**
 * Codes a passage (the whole answer without offsets) for a coder, creating the coder
 * and a code named by a new path. A passage that overlaps or touches the same coder's
 * segment of the same code merges with it; `segmentId` is the segment that results.
 */
export function applyCode(
  db: Db,
  input: ApiParsedInput<"coding.apply">,
  now: string,
): EditOutcome & { segmentId: SegmentId; codeId: CodeId } {
  const answer = codableAnswer(db, input.answerId);
  const { start, end } = passageOf(answer.text, input.start, input.end);
  const code = resolveCode(db, input.code);
  return recordStep(db, `Apply ${code.name}`, now, () => {
    const codeId = code.idInStep();
    const { segmentId } = mergeSegment(db, {
      answerId: answer.id,
      codeId,
      coderId: ensureCoder(db, input.coder),
      start,
      end,
      memo: input.memo ?? "",
      createdAt: now,
    });
    return { ...NO_CHANGE, answerIds: [answer.id], segmentId, codeId };
  });
}

export function removeSegments(db: Db, segmentIds: readonly SegmentId[], now: string): EditOutcome {
  const segments = [...new Set(segmentIds)].map((id) => existingSegment(db, id));
  const codeIds = new Set(segments.map((s) => s.codeId));
  const [onlyCode] = codeIds;
  const label =
    codeIds.size === 1 && onlyCode !== undefined
      ? `Remove ${existingCode(db, onlyCode).name}`
      : `Remove ${segments.length} codings`;
  return recordStep(db, label, now, () => {
    for (const segment of segments) deleteSegment(db, segment.id);
    return { ...NO_CHANGE, answerIds: unique(segments.map((s) => s.answerId)) };
  });
}

/** Gives a segment another code; it merges with that code's segments it touches. */
export function recodeSegment(
  db: Db,
  input: ApiParsedInput<"coding.recode">,
  now: string,
): EditOutcome & { segmentId: SegmentId } {
  const segment = existingSegment(db, input.segmentId);
  const code = resolveCode(db, input.code);
  return recordStep(db, `Change code to ${code.name}`, now, () => {
    const codeId = code.idInStep();
    if (codeId !== segment.codeId) {
      setSegmentCode(db, segment.id, codeId);
      absorbTouching(db, segment.id);
    }
    return { ...NO_CHANGE, answerIds: [segment.answerId], segmentId: segment.id };
  });
}

/** Moves a segment's start and end; it merges with segments of its code it comes to touch. */
export function adjustSegment(
  db: Db,
  input: ApiParsedInput<"coding.adjust">,
  now: string,
): EditOutcome & { segmentId: SegmentId } {
  const segment = existingSegment(db, input.segmentId);
  const answer = existingAnswer(db, segment.answerId);
  const { start, end } = passageOf(answer.text, input.start, input.end);
  const code = existingCode(db, segment.codeId);
  return recordStep(db, `Adjust ${code.name}`, now, () => {
    setSegmentSpan(db, segment.id, start, end);
    absorbTouching(db, segment.id);
    return { ...NO_CHANGE, answerIds: [segment.answerId], segmentId: segment.id };
  });
}

function unique(ids: readonly AnswerId[]): AnswerId[] {
  return [...new Set(ids)];
}
