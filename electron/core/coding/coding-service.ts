/**
 * Coding actions on answers (STUB: to be implemented): apply, remove, recode, adjust,
 * memos, done marks, answer status. Each is one transaction and one undoable step.
 */
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import type { AnswerId, CodeId, SegmentId } from "../../../shared/domain.ts";
import type { Db } from "../db/project-file.ts";
import type { EditOutcome } from "./edit-outcome.ts";

export function applyCode(
  _db: Db,
  _input: ApiParsedInput<"coding.apply">,
  _now: string,
): EditOutcome & { segmentId: SegmentId; codeId: CodeId } {
  throw new Error("not implemented");
}

export function removeSegments(
  _db: Db,
  _segmentIds: readonly SegmentId[],
  _now: string,
): EditOutcome {
  throw new Error("not implemented");
}

export function recodeSegment(
  _db: Db,
  _input: ApiParsedInput<"coding.recode">,
  _now: string,
): EditOutcome & { segmentId: SegmentId } {
  throw new Error("not implemented");
}

export function adjustSegment(
  _db: Db,
  _input: ApiParsedInput<"coding.adjust">,
  _now: string,
): EditOutcome & { segmentId: SegmentId } {
  throw new Error("not implemented");
}

export function setMemo(
  _db: Db,
  _input: ApiParsedInput<"coding.setMemo">,
  _now: string,
): EditOutcome {
  throw new Error("not implemented");
}

export function markDone(
  _db: Db,
  _input: ApiParsedInput<"coding.markDone">,
  _now: string,
): EditOutcome {
  throw new Error("not implemented");
}

export function setAnswerStatusUndoably(
  _db: Db,
  _answerId: AnswerId,
  _status: "answered" | "non_response",
  _now: string,
): EditOutcome {
  throw new Error("not implemented");
}
