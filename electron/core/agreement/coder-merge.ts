/**
 * "Bring back a coder's work" (issue 7, decision 0015): merges a file prepared for a
 * second coder (coder-copy.ts), or any Cairn file of the same survey, into the open
 * project. Answers match by respondent id and question label with identical text
 * (coder-match.ts: any mismatch refuses the whole file); codes by path, missing ones
 * created with their colour and codebook entry; coders by name, ignoring case and
 * spacing. Segments and done marks the project already has are skipped, so merging the
 * same file twice changes nothing. The whole merge is one undoable step.
 */
import { basename } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CoderMergeReport } from "../../../shared/api/agreement-api.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import type { AnswerId, CodeId, CoderId } from "../../../shared/domain.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { recordStep } from "../coding/history.ts";
import { readCoderFile } from "../db/coder-file.ts";
import { readCoderWork, type CoderWork, type FileCode } from "../db/coder-merge-read.ts";
import {
  addDoneMarkOnce,
  addSegmentOnce,
  insertCodeWithEntry,
  mergeMemo,
} from "../db/coder-merge-write.ts";
import { ensureCoder, listCoders } from "../db/coders.ts";
import { codeIdsByPath } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import { matchWork, type MatchedWork } from "./coder-match.ts";

export type CoderMergeOutcome = EditOutcome & { report: CoderMergeReport };

export function mergeCoderFile(db: Db, path: string, now: string): CoderMergeOutcome {
  const name = basename(path);
  const work = readCoderFile(db, path, readCoderWork);
  if (work.segments.length + work.doneMarks.length + work.memos.length === 0) {
    throw new CairnError(
      "bad_input",
      `${name} has no coded work to bring back: no coded passages, done marks or memos`,
    );
  }
  const matched = matchWork(db, work, name);
  return recordStep(db, `Merge ${name}`, now, () => writeWork(db, work, matched));
}

function writeWork(db: Db, work: CoderWork, matched: MatchedWork): CoderMergeOutcome {
  const coders = new CoderMap(db, work);
  const codes = new CodeMap(db, work.codes);
  const touched = new Set<AnswerId>();
  let segmentsAdded = 0;
  let segmentsAlreadyPresent = 0;
  for (const segment of work.segments) {
    // Every answer with segments was matched, or matchWork refused the file.
    const answer = matched.answers.get(segment.answerId)!;
    const added = addSegmentOnce(db, {
      answerId: answer.id,
      codeId: codes.idOf(segment.codeId),
      coderId: coders.idOf(segment.coderId),
      start: segment.start,
      end: segment.end,
      memo: segment.memo,
      createdAt: segment.createdAt,
    });
    if (added) {
      segmentsAdded++;
      touched.add(answer.id);
    } else segmentsAlreadyPresent++;
  }
  let doneMarksAdded = 0;
  for (const mark of work.doneMarks) {
    const answer = mark.answerId === null ? null : matched.answers.get(mark.answerId)!;
    const questionId = answer?.questionId ?? matched.questions.get(mark.question)!;
    const coderId = coders.idOf(mark.coderId);
    if (addDoneMarkOnce(db, coderId, questionId, answer?.id ?? null, mark.markedAt)) {
      doneMarksAdded++;
      if (answer) touched.add(answer.id);
    }
  }
  let memosAdded = 0;
  for (const memo of work.memos) {
    const answer = memo.answerId === null ? null : matched.answers.get(memo.answerId)!;
    const target = answer
      ? { answerId: answer.id }
      : { respondentId: matched.respondents.get(memo.respondent!)! };
    if (mergeMemo(db, { ...memo, coderId: coders.idOf(memo.coderId), target })) memosAdded++;
  }
  const report: CoderMergeReport = {
    coders: coders.names(),
    answersMatched: matched.answers.size,
    segmentsAdded,
    segmentsAlreadyPresent,
    doneMarksAdded,
    memosAdded,
    codesCreated: codes.created,
  };
  return {
    answerIds: [...touched],
    codebookChanged: codes.created.length > 0,
    summaryChanged: coders.added || doneMarksAdded > 0,
    report,
  };
}

/** The file's coders who did some work, as the project's coders (created if new). */
class CoderMap {
  private readonly ids = new Map<number, CoderId>();
  readonly added: boolean;

  constructor(
    private readonly db: Db,
    work: CoderWork,
  ) {
    const before = listCoders(db).length;
    const working = new Set<number>([
      ...work.segments.map((s) => s.coderId),
      ...work.doneMarks.map((m) => m.coderId),
      ...work.memos.map((m) => m.coderId),
    ]);
    for (const [fileId, name] of work.coders) {
      if (working.has(fileId)) this.ids.set(fileId, ensureCoder(db, name));
    }
    this.added = listCoders(db).length > before;
  }

  idOf(fileCoderId: number): CoderId {
    const id = this.ids.get(fileCoderId);
    if (id === undefined) throw new Error(`coder-merge: coder ${fileCoderId} not mapped`);
    return id;
  }

  names(): string[] {
    const wanted = new Set(this.ids.values());
    return listCoders(this.db)
      .filter((coder) => wanted.has(coder.id))
      .map((coder) => coder.name);
  }
}

/**
 * The file's codes as the project's, by path. A code the project lacks is created (with
 * its parents) only when the coder's segments use it: a code the project deleted after
 * the hand-over, and nobody used, does not come back.
 */
class CodeMap {
  private readonly projectIds: Map<string, CodeId>;
  private readonly fileCodes: Map<number, FileCode>;
  private readonly ids = new Map<number, CodeId>();
  readonly created: string[][] = [];

  constructor(
    private readonly db: Db,
    codes: readonly FileCode[],
  ) {
    this.projectIds = codeIdsByPath(db);
    this.fileCodes = new Map(codes.map((code) => [code.id, code]));
  }

  idOf(fileCodeId: number): CodeId {
    const known = this.ids.get(fileCodeId);
    if (known !== undefined) return known;
    const code = this.fileCodes.get(fileCodeId);
    if (!code) throw new Error(`coder-merge: code ${fileCodeId} not in the file`);
    const parentId = code.parentId === null ? null : this.idOf(code.parentId);
    const path = [...this.pathOf(code.parentId), code.name];
    const key = codePathKey(path);
    let id = this.projectIds.get(key);
    if (id === undefined) {
      id = insertCodeWithEntry(this.db, { ...code, parentId });
      this.projectIds.set(key, id);
      this.created.push(path);
    }
    this.ids.set(fileCodeId, id);
    return id;
  }

  private pathOf(fileCodeId: number | null): string[] {
    const path: string[] = [];
    for (let id = fileCodeId; id !== null;) {
      const code = this.fileCodes.get(id);
      if (!code) break;
      path.unshift(code.name);
      id = code.parentId;
    }
    return path;
  }
}
