/**
 * Writes a planned import into the project: coders, the grid (questions, attributes,
 * respondents with their values and every answer, an empty one for a blank cell, as the
 * table import makes them), the code tree, segments and memos. Runs inside the import's
 * one transaction; everything was mapped and checked before, so this only inserts.
 */
import { detectAnswerStatus } from "../../../../shared/answers/status.ts";
import type { AnswerStatus } from "../../../../shared/domain.ts";
import { NON_RESPONSE_MARK } from "../../../../shared/refi/code-description.ts";
import { ensureCoder } from "../../db/coders.ts";
import { setMeta } from "../../db/meta.ts";
import type { Db } from "../../db/project-file.ts";
import {
  insertAnswerRow,
  insertAttributeRow,
  insertAttributeValueRow,
  insertCodeRow,
  insertMemoRow,
  insertQuestionRow,
  insertRespondentRow,
  insertSegmentRow,
  type MemoColumn,
} from "../../db/refi-import-write.ts";
import type { RefiTextSource } from "../model.ts";
import type { CodePlan } from "./codes.ts";
import type { PlannedMemo } from "./memos.ts";
import type { PlannedSegment } from "./segments.ts";
import type { GridPlan } from "./shape.ts";

export interface ImportPlan {
  readonly projectName: string | null;
  readonly coders: readonly string[];
  readonly grid: GridPlan;
  /**
   * Whether Cairn wrote the file: an answer's status then comes from its source's mark
   * (NON_RESPONSE_MARK, else answered), never detected again from its text.
   */
  readonly statusFromMarks: boolean;
  readonly codes: CodePlan;
  readonly segments: readonly PlannedSegment[];
  /** Memos by the index of their answer (respondent × questions + question). */
  readonly answerMemos: ReadonlyMap<number, readonly PlannedMemo[]>;
  readonly respondentMemos: ReadonlyMap<number, readonly PlannedMemo[]>;
  readonly codeMemos: ReadonlyMap<number, readonly PlannedMemo[]>;
}

export interface WrittenCounts {
  readonly coders: number;
  readonly answers: number;
  readonly segments: number;
  readonly memos: number;
}

export function writePlan(db: Db, plan: ImportPlan, now: string): WrittenCounts {
  if (plan.projectName !== null) setMeta(db, "name", plan.projectName);
  const coderIds = new Map<string, number>();
  for (const name of plan.coders) coderIds.set(name, ensureCoder(db, name));
  const coderId = (name: string) => coderIds.get(name) ?? ensureCoder(db, name);

  const { answerIds, respondentIds } = writeGrid(db, plan.grid, plan.statusFromMarks);
  const codeIds: number[] = [];
  for (const code of plan.codes.codes) {
    codeIds.push(
      insertCodeRow(db, {
        parentId: code.parent === null ? null : (codeIds[code.parent] as number),
        name: code.name,
        color: code.color,
        position: code.position,
        description: code.fields?.description ?? "",
        whenToUse: code.fields?.whenToUse ?? "",
        whenNotToUse: code.fields?.whenNotToUse ?? "",
        example: code.fields?.example ?? "",
      }),
    );
  }
  let memos = 0;
  for (const segment of plan.segments) {
    insertSegmentRow(db, {
      answerId: answerIds[segment.answer] as number,
      codeId: codeIds[segment.code] as number,
      coderId: coderId(segment.coder),
      start: segment.start,
      end: segment.end,
      memo: segment.memo,
      createdAt: segment.createdAt,
    });
    if (segment.memo !== "") memos++;
  }
  const writeMemos = (
    column: MemoColumn,
    byTarget: ReadonlyMap<number, readonly PlannedMemo[]>,
    idOf: (index: number) => number,
  ) => {
    for (const [index, list] of byTarget) {
      for (const memo of list) {
        insertMemoRow(
          db,
          column,
          idOf(index),
          coderId(memo.coder),
          memo.text,
          memo.createdAt ?? now,
        );
        memos++;
      }
    }
  };
  writeMemos("answer_id", plan.answerMemos, (i) => answerIds[i] as number);
  writeMemos("respondent_id", plan.respondentMemos, (i) => respondentIds[i] as number);
  writeMemos("code_id", plan.codeMemos, (i) => codeIds[i] as number);
  return {
    coders: coderIds.size,
    answers: answerIds.length,
    segments: plan.segments.length,
    memos,
  };
}

/** The status a Cairn file gives an answer's source. */
function markedStatus(source: RefiTextSource): AnswerStatus {
  return source.description?.trim() === NON_RESPONSE_MARK ? "non_response" : "answered";
}

/** Writes the grid: the respondents' ids, and the answers' respondent by respondent. */
function writeGrid(
  db: Db,
  grid: GridPlan,
  statusFromMarks: boolean,
): { answerIds: number[]; respondentIds: number[] } {
  const questionIds = grid.questions.map((question, index) =>
    insertQuestionRow(db, index + 1, question),
  );
  const attributeIds = grid.attributes.map((name, index) =>
    insertAttributeRow(db, index + 1, name),
  );
  const answerIds: number[] = [];
  const respondentIds: number[] = [];
  grid.respondents.forEach((respondent, index) => {
    const respondentId = insertRespondentRow(db, index + 1, respondent.externalId);
    respondentIds.push(respondentId);
    respondent.values.forEach((value, at) => {
      if (value !== null)
        insertAttributeValueRow(db, respondentId, attributeIds[at] as number, value);
    });
    respondent.answers.forEach((source, at) => {
      const text = source?.text ?? "";
      answerIds.push(
        insertAnswerRow(
          db,
          respondentId,
          questionIds[at] as number,
          text,
          statusFromMarks && source !== null ? markedStatus(source) : detectAnswerStatus(text),
        ),
      );
    });
  });
  return { answerIds, respondentIds };
}
