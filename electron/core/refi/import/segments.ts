/**
 * Selections and their codings as Cairn segments: one per coding, its span turned from
 * the file's positions (read as the detected convention) into UTF-16 offsets into the
 * stored text. One coder's segments of one code on one answer never overlap in Cairn, so
 * those that overlap or touch merge here (the rule of db/segments.ts mergeSegment: the
 * union of the spans, memos joined) before anything is written. Another program's
 * selection with an edge inside a word is widened to the whole word (a coder's drag that
 * overshot); a file Cairn wrote keeps its positions exactly.
 */
import { widenToWords } from "../../../../shared/refi/position-detect.ts";
import {
  offsetOfPosition,
  positionOffsets,
  type PositionReading,
} from "../../../../shared/refi/positions.ts";
import { guidKey, type RefiCoding, type RefiTextSource } from "../model.ts";
import type { CoderNames } from "./coders.ts";
import { joinTexts, type NoteBook } from "./memos.ts";
import { isoDate } from "./names.ts";
import type { ImportWarnings } from "./report.ts";

export interface PlannedSegment {
  /** Index of the answer in the writer's list. */
  readonly answer: number;
  /** Index of the code in the code plan. */
  readonly code: number;
  readonly coder: string;
  readonly start: number;
  readonly end: number;
  readonly memo: string;
  readonly createdAt: string;
}

export interface SegmentInputs {
  /** Where each source's text went: the answer index by source. */
  readonly answerOf: ReadonlyMap<RefiTextSource, number>;
  readonly codeOf: ReadonlyMap<string, number>;
  readonly coders: CoderNames;
  readonly notes: NoteBook;
  readonly reading: PositionReading;
  /** Whether edges inside words move out to the words' edges (not for Cairn's own files). */
  readonly widen: boolean;
  readonly now: string;
  readonly warnings: ImportWarnings;
}

export function planSegments(
  sources: readonly RefiTextSource[],
  inputs: SegmentInputs,
): PlannedSegment[] {
  const groups = new Map<string, PlannedSegment[]>();
  const add = (segment: PlannedSegment) => {
    const key = `${segment.answer}:${segment.code}:${segment.coder}`;
    const group = groups.get(key);
    if (group) group.push(segment);
    else groups.set(key, [segment]);
  };
  for (const source of sources) {
    const answer = inputs.answerOf.get(source);
    // A source without text was counted as such; its codings go with it.
    if (answer === undefined || source.text === null) continue;
    codeSelections(source, source.text, answer, inputs, add);
    codeWholeSource(source, source.text, answer, inputs, add);
  }
  const segments: PlannedSegment[] = [];
  let merged = 0;
  for (const group of groups.values()) {
    const union = mergeTouching(group);
    merged += group.length - union.length;
    segments.push(...union);
  }
  inputs.warnings.count("merged", merged);
  return segments;
}

function codeSelections(
  source: RefiTextSource,
  text: string,
  answer: number,
  inputs: SegmentInputs,
  add: (segment: PlannedSegment) => void,
): void {
  if (source.selections.length === 0) return;
  const offsets = positionOffsets(text, inputs.reading);
  for (const selection of source.selections) {
    let start = offsetOfPosition(offsets, selection.start);
    let end = offsetOfPosition(offsets, selection.end);
    const live = selection.codings.filter((coding) => knownCode(coding, inputs));
    if (live.length === 0) continue;
    if (start === null || end === null || start > end) {
      inputs.warnings.count("outOfRange", live.length);
      continue;
    }
    if (start === end) {
      inputs.warnings.count("emptySelection", live.length);
      continue;
    }
    if (inputs.widen) {
      const widened = widenToWords(text, start, end);
      if (widened.start !== start || widened.end !== end) inputs.warnings.count("widened");
      ({ start, end } = widened);
    }
    const selectionNotes = inputs.notes.text(selection.noteGuids);
    for (const coding of live) {
      add({
        answer,
        code: inputs.codeOf.get(guidKey(coding.codeGuid)) as number,
        coder: inputs.coders.coderOf(
          coding.creatingUser,
          selection.creatingUser,
          source.creatingUser,
        ),
        start,
        end,
        memo: joinTexts([inputs.notes.text(coding.noteGuids), selectionNotes]),
        createdAt:
          isoDate(coding.creationDateTime) ?? isoDate(selection.creationDateTime) ?? inputs.now,
      });
    }
  }
}

/** A coding of the whole source codes its whole text. */
function codeWholeSource(
  source: RefiTextSource,
  text: string,
  answer: number,
  inputs: SegmentInputs,
  add: (segment: PlannedSegment) => void,
): void {
  for (const coding of source.codings) {
    if (!knownCode(coding, inputs)) continue;
    if (text.length === 0) {
      inputs.warnings.count("codingWithoutText");
      continue;
    }
    add({
      answer,
      code: inputs.codeOf.get(guidKey(coding.codeGuid)) as number,
      coder: inputs.coders.coderOf(coding.creatingUser, source.creatingUser),
      start: 0,
      end: text.length,
      memo: inputs.notes.text(coding.noteGuids),
      createdAt: isoDate(coding.creationDateTime) ?? inputs.now,
    });
  }
}

function knownCode(coding: RefiCoding, inputs: SegmentInputs): boolean {
  if (inputs.codeOf.has(guidKey(coding.codeGuid))) return true;
  inputs.warnings.count("unknownCode");
  return false;
}

/**
 * One coder's segments of one code on one answer, with those that overlap or touch
 * joined: the union of their spans, their memos in text order, the earliest date.
 */
export function mergeTouching(group: readonly PlannedSegment[]): PlannedSegment[] {
  if (group.length < 2) return [...group];
  const sorted = [...group].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: PlannedSegment[] = [];
  let current = sorted[0] as PlannedSegment;
  for (const next of sorted.slice(1)) {
    if (next.start <= current.end) {
      current = {
        ...current,
        end: Math.max(current.end, next.end),
        memo: joinTexts([current.memo, next.memo]),
        createdAt: next.createdAt < current.createdAt ? next.createdAt : current.createdAt,
      };
    } else {
      merged.push(current);
      current = next;
    }
  }
  merged.push(current);
  return merged;
}
