/**
 * What a coding action acts on, checked before anything is written: the answer (one
 * with text to code), the passage (offsets that fit the text), the segment, the code.
 * Every failure is a sentence the user can act on.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import type { AnswerId, CodeId, SegmentId } from "../../../shared/domain.ts";
import { snapToGraphemes } from "../../../shared/text/selection.ts";
import { answerToCode, type AnswerToCode } from "../db/coding-lookups.ts";
import { codeIdsByPath, getCode, type CodeRecord } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import { getSegment, type SegmentRecord } from "../db/segments.ts";
import { CodePaths } from "../import/code-paths.ts";

export type CodeRef = { readonly id: CodeId } | { readonly path: readonly string[] };

export function existingAnswer(db: Db, id: AnswerId): AnswerToCode {
  const answer = answerToCode(db, id);
  if (!answer) throw new CairnError("not_found", `answer ${id} is not in this project`);
  return answer;
}

/** An answer that has text to code: not blank, not a non-response. */
export function codableAnswer(db: Db, id: AnswerId): AnswerToCode {
  const answer = existingAnswer(db, id);
  if (answer.status === "empty" || answer.text.trim() === "") {
    throw new CairnError("bad_input", "this answer is blank: there is no text to code");
  }
  if (answer.status === "non_response") {
    throw new CairnError(
      "bad_input",
      "this answer is marked as a non-response; mark it as answered before coding it",
    );
  }
  return answer;
}

/**
 * The passage start..end of the text (UTF-16 code units, end exclusive; the whole text
 * without offsets). A start or end inside a character a reader sees as one (an emoji,
 * a ZWJ family, a letter and its combining accents) moves outward to take it whole, as
 * a selection in the app does.
 */
export function passageOf(
  text: string,
  start: number | undefined,
  end: number | undefined,
): { start: number; end: number } {
  if (start === undefined || end === undefined) return { start: 0, end: text.length };
  if (start >= end) {
    throw new CairnError(
      "bad_input",
      `a passage needs at least one character: its start (${start}) must come before its end (${end})`,
    );
  }
  if (end > text.length) {
    throw new CairnError(
      "bad_input",
      `the passage ${start}-${end} runs past the end of the answer, which is ${text.length} characters long`,
    );
  }
  return snapToGraphemes(text, start, end);
}

export function existingSegment(db: Db, id: SegmentId): SegmentRecord {
  const segment = getSegment(db, id);
  if (!segment) {
    throw new CairnError(
      "not_found",
      `segment ${id} is not in this project (it may have been removed already)`,
    );
  }
  return segment;
}

export function existingCode(db: Db, id: CodeId): CodeRecord {
  const code = getCode(db, id);
  if (!code) throw new CairnError("not_found", `code ${id} is not in this project`);
  return code;
}

/** A code named by id (it must exist) or by path (created when it does not, in the step). */
export interface ResolvedCode {
  /** The name the user will read in the undo menu. */
  readonly name: string;
  /** Call inside the step: the code's id, creating the path's missing codes. */
  readonly idInStep: () => CodeId;
}

export function resolveCode(db: Db, ref: CodeRef): ResolvedCode {
  if ("id" in ref) {
    const code = existingCode(db, ref.id);
    return { name: code.name, idInStep: () => code.id };
  }
  const existingId = codeIdsByPath(db).get(codePathKey(ref.path));
  const name = existingId === undefined ? ref.path.at(-1) : getCode(db, existingId)?.name;
  return {
    name: name ?? ref.path.join(" > "),
    idInStep: () => existingId ?? new CodePaths(db).codeFor(ref.path),
  };
}
