/**
 * Reads a second coder's work out of their file (db/coder-file.ts opens it read-only):
 * the answers they worked on, named the way the project can find them (respondent id
 * and question label), and their segments, done marks and answer/respondent memos.
 * Row ids here are the coder file's own; coder-merge.ts maps them to the project's.
 */
import type { CodeRow } from "./coder-merge-write.ts";
import type { Db } from "./project-file.ts";

export interface FileAnswer {
  readonly id: number;
  readonly respondent: string;
  readonly question: string;
  readonly text: string;
}

/** A code of the file, its parent by the file's own id. */
export interface FileCode extends Omit<CodeRow, "parentId"> {
  readonly id: number;
  readonly parentId: number | null;
}

export interface FileSegment {
  readonly answerId: number;
  readonly codeId: number;
  readonly coderId: number;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly createdAt: string;
}

export interface FileDoneMark {
  readonly coderId: number;
  readonly question: string;
  /** Null: the whole question. */
  readonly answerId: number | null;
  readonly markedAt: string;
}

export interface FileMemo {
  readonly coderId: number;
  /** Exactly one of the two is set. */
  readonly answerId: number | null;
  readonly respondent: string | null;
  readonly text: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CoderWork {
  readonly coders: ReadonlyMap<number, string>;
  readonly codes: readonly FileCode[];
  /** The answers some work is attached to: each must exist, unchanged, in the project. */
  readonly answers: readonly FileAnswer[];
  readonly segments: readonly FileSegment[];
  readonly doneMarks: readonly FileDoneMark[];
  readonly memos: readonly FileMemo[];
}

export function readCoderWork(file: Db): CoderWork {
  const coders = file.prepare("SELECT id, name FROM coders ORDER BY id").raw().all() as [
    number,
    string,
  ][];
  return {
    coders: new Map(coders),
    codes: file
      .prepare(
        `SELECT id, parent_id AS parentId, name, color, description,
                when_to_use AS whenToUse, when_not_to_use AS whenNotToUse, example
           FROM codes ORDER BY parent_id NULLS FIRST, position, id`,
      )
      .all() as FileCode[],
    answers: file
      .prepare(
        `SELECT a.id, r.external_id AS respondent, q.label AS question, a.text
           FROM answers AS a
           JOIN respondents AS r ON r.id = a.respondent_id
           JOIN questions AS q ON q.id = a.question_id
          WHERE a.id IN (SELECT answer_id FROM segments
                         UNION SELECT answer_id FROM done_marks WHERE answer_id IS NOT NULL
                         UNION SELECT answer_id FROM memos
                                WHERE answer_id IS NOT NULL AND coder_id IS NOT NULL)
          ORDER BY r.position, q.position`,
      )
      .all() as FileAnswer[],
    segments: file
      .prepare(
        `SELECT answer_id AS answerId, code_id AS codeId, coder_id AS coderId, start, end, memo,
                created_at AS createdAt
           FROM segments ORDER BY id`,
      )
      .all() as FileSegment[],
    doneMarks: file
      .prepare(
        `SELECT d.coder_id AS coderId, q.label AS question, d.answer_id AS answerId,
                d.marked_at AS markedAt
           FROM done_marks AS d JOIN questions AS q ON q.id = d.question_id
          ORDER BY d.id`,
      )
      .all() as FileDoneMark[],
    memos: file
      .prepare(
        `SELECT m.coder_id AS coderId, m.answer_id AS answerId, r.external_id AS respondent,
                m.text, m.created_at AS createdAt, m.updated_at AS updatedAt
           FROM memos AS m LEFT JOIN respondents AS r ON r.id = m.respondent_id
          WHERE m.coder_id IS NOT NULL AND m.code_id IS NULL
          ORDER BY m.id`,
      )
      .all() as FileMemo[],
  };
}
