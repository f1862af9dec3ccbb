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
export type MemoId = Brand<number, "MemoId">;
export type AttributeId = Brand<number, "AttributeId">;

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
  /** Coders who marked the whole question as done. */
  readonly doneBy: readonly CoderId[];
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
  /** The coder a blind copy was prepared for ("Prepare for a second coder"), or null. */
  readonly preparedFor: string | null;
  /** True when the file is encrypted with a password (decision 0017). */
  readonly encrypted: boolean;
}

export interface CodeNode {
  readonly id: CodeId;
  readonly name: string;
  /** Names from the top level down to this code. */
  readonly path: readonly string[];
  readonly color: string;
  /** What the code means: its definition. */
  readonly description: string;
  /** When to apply it, when not to (a neighbouring code fits better), and an example. */
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
  readonly children: readonly CodeNode[];
}

export interface Segment {
  readonly id: SegmentId;
  readonly codeId: CodeId;
  readonly coderId: CoderId;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly createdAt: string;
}

/** A coder's note on a segment's answer or respondent (one per coder and target). */
export interface Memo {
  readonly id: MemoId;
  readonly coderId: CoderId | null;
  readonly text: string;
  readonly updatedAt: string;
}

export interface AnswerRow {
  readonly answerId: AnswerId;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  readonly questionId: QuestionId;
  /** The question's label (the by-respondent view shows one row per question). */
  readonly question: string;
  /** Attribute name -> value, for every attribute the respondent has. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly status: AnswerStatus;
  readonly segments: readonly Segment[];
  /** Memos on this answer, one per coder. */
  readonly memos: readonly Memo[];
  /** Memos on the respondent, one per coder. */
  readonly respondentMemos: readonly Memo[];
  /** Coders who marked this answer done (alone, or with its whole question). */
  readonly doneBy: readonly CoderId[];
}

/** One page of the grid: a question's answers, or all answers of one respondent. */
export interface AnswerPage {
  readonly questionId: QuestionId | null;
  readonly respondentId: RespondentId | null;
  /** Rows that match the filter (all of them without one). */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly AnswerRow[];
}

export interface HistoryState {
  /** What Undo would undo ("Apply Safety"), or null when there is nothing to undo. */
  readonly undo: string | null;
  readonly redo: string | null;
}

/**
 * What an edit changed, so a view can update in place: the fresh rows of every answer
 * it touched, and whether the codebook or the project summary (coders, statuses, done
 * marks) must be fetched again.
 */
export interface ProjectEdit {
  readonly answers: readonly AnswerRow[];
  readonly codebookChanged: boolean;
  readonly summaryChanged: boolean;
  readonly history: HistoryState;
  /**
   * The edit touched more answers than `answers` carries (a code deleted or merged,
   * thousands of hits auto-coded): every row on screen must be fetched again.
   */
  readonly reloadRows?: true;
}
