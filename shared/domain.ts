/**
 * Domain types shared by the core and the renderer. Pure data: no I/O, no DOM, no Node.
 *
 * Offsets into answer text are UTF-16 code units (what JS strings and Slate use),
 * `end` exclusive; the whole answer is 0..text.length.
 */

declare const brand: unique symbol;
/** A number that the type checker keeps apart from other kinds of id. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type QuestionId = Brand<number, "QuestionId">;
export type RespondentId = Brand<number, "RespondentId">;
export type AnswerId = Brand<number, "AnswerId">;
export type CodeId = Brand<number, "CodeId">;
export type CoderId = Brand<number, "CoderId">;
export type SegmentId = Brand<number, "SegmentId">;

/** `empty` is a blank cell; `non_response` a placeholder such as "-" or "n/a". */
export const ANSWER_STATUSES = ["answered", "empty", "non_response"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface QuestionSummary {
  readonly id: QuestionId;
  readonly position: number;
  readonly label: string;
  readonly text: string;
  readonly section: string;
  readonly answered: number;
  readonly empty: number;
  readonly non_response: number;
}

export interface Coder {
  readonly id: CoderId;
  readonly name: string;
}

export interface ProjectSummary {
  readonly path: string;
  readonly name: string;
  readonly schemaVersion: number;
  readonly respondents: number;
  readonly attributes: readonly string[];
  readonly coders: readonly Coder[];
  readonly questions: readonly QuestionSummary[];
}

export interface CodeNode {
  readonly id: CodeId;
  readonly name: string;
  /** Names from the top level down to this code. */
  readonly path: readonly string[];
  readonly color: string;
  readonly description: string;
  readonly children: readonly CodeNode[];
}

export interface Segment {
  readonly id: SegmentId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
}

export interface AnswerRow {
  readonly answerId: AnswerId;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  /** Attribute name -> value, for every attribute the respondent has. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly status: AnswerStatus;
  readonly segments: readonly Segment[];
}

export interface AnswerPage {
  readonly questionId: QuestionId;
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly AnswerRow[];
}
