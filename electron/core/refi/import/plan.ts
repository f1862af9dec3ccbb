/**
 * A read REFI project mapped, entirely in memory, onto what the writer inserts: the grid,
 * the code tree, the segments (positions read in the detected convention) and the memos.
 * Nothing here touches the project, so a file that cannot be mapped changes nothing.
 */
import type { PositionReading } from "../../../../shared/refi/positions.ts";
import type { RefiProject, RefiTextSource } from "../model.ts";
import { CoderNames } from "./coders.ts";
import { planCodes } from "./codes.ts";
import { NoteBook, respondentMemos, type PlannedMemo } from "./memos.ts";
import type { ImportWarnings } from "./report.ts";
import { planSegments } from "./segments.ts";
import { planGrid } from "./shape.ts";
import type { ImportPlan } from "./writer.ts";

/** Whether Cairn wrote the file (its origin names it), so its choices can be read back. */
function isCairnFile(project: Pick<RefiProject, "origin">): boolean {
  return project.origin?.startsWith("Cairn") === true;
}

export function planImport(
  project: RefiProject,
  reading: PositionReading,
  now: string,
  warnings: ImportWarnings,
): ImportPlan {
  const coders = new CoderNames(project.users, project.origin, warnings);
  const notes = new NoteBook(project.notes, warnings);
  warnings.count("noText", project.sources.filter((source) => source.text === null).length);
  const grid = planGrid(project, warnings);
  const questions = grid.questions.length;
  // By the source itself, not its GUID: two sources may share one in a careless file.
  const answerOf = new Map<RefiTextSource, number>();
  grid.respondents.forEach((respondent, r) => {
    respondent.answers.forEach((source, q) => {
      if (source !== null && source.text !== null) answerOf.set(source, r * questions + q);
    });
  });
  const codes = planCodes(project.codes, warnings);
  warnings.count(
    "codeSets",
    project.sets.filter(
      (set) => set.memberCodeGuids.length > 0 && set.memberSourceGuids.length === 0,
    ).length,
  );
  const segments = planSegments(project.sources, {
    answerOf,
    codeOf: codes.byGuid,
    coders,
    notes,
    reading,
    // Cairn's own positions are exact (a segment may end inside a word on purpose).
    widen: !isCairnFile(project),
    now,
    warnings,
  });

  const answerMemos = new Map<number, PlannedMemo[]>();
  for (const source of project.sources) {
    const answer = answerOf.get(source);
    if (answer === undefined || source.noteGuids.length === 0) continue;
    const memos = notes.memosByAuthor(source.noteGuids, coders);
    if (memos.length > 0) answerMemos.set(answer, memos);
  }
  const codeMemos = new Map<number, PlannedMemo[]>();
  codes.codes.forEach((code, index) => {
    if (code.noteGuids.length === 0) return;
    const memos = notes.memosByAuthor(code.noteGuids, coders);
    if (memos.length > 0) codeMemos.set(index, memos);
  });
  const memosOfRespondents = new Map<number, PlannedMemo[]>();
  grid.respondents.forEach((respondent, index) => {
    if (respondent.memo === null) return;
    const memos = respondentMemos(respondent.memo, coders.names, coders.fallback);
    if (memos.some((memo) => memo.coder === coders.fallback)) coders.fallbackUsed = true;
    if (memos.length > 0) memosOfRespondents.set(index, memos);
  });

  const name = project.name.trim();
  return {
    projectName: name === "" ? null : name,
    coders: coders.fallbackUsed ? [...coders.names, coders.fallback] : coders.names,
    grid,
    statusFromMarks: isCairnFile(project),
    codes,
    segments,
    answerMemos,
    respondentMemos: memosOfRespondents,
    codeMemos,
  };
}
