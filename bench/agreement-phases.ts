/**
 * Where the agreement report's time goes: its steps (agreement-service.ts) timed one by
 * one, so the segment level has a figure of its own. Follows the service's pipeline: if
 * that changes, change this with it.
 */
import type { CoderId } from "../shared/domain.ts";
import { indexTree } from "../shared/tally/code-tree.ts";
import { answerLevel } from "../electron/core/agreement/answer-level.ts";
import { codedUnits } from "../electron/core/agreement/coded-units.ts";
import { presenceLists } from "../electron/core/agreement/presence-lists.ts";
import { segmentLevel } from "../electron/core/agreement/segment-level.ts";
import { readCodings } from "../electron/core/db/agreement-codings.ts";
import type { Db } from "../electron/core/db/project-file.ts";
import { seenAnswers } from "../electron/core/db/seen-answers.ts";
import { tallyCodes } from "../electron/core/db/tally.ts";

function step<T>(times: Map<string, number>, label: string, work: () => T): T {
  const began = performance.now();
  const value = work();
  times.set(label, performance.now() - began);
  return value;
}

/** Milliseconds per step of one report of two coders over every question, no resamples. */
export function reportPhases(db: Db, coderIds: readonly CoderId[]): Map<string, number> {
  const times = new Map<string, number>();
  const questionIds = db.prepare("SELECT id FROM questions ORDER BY position").pluck().all();
  const seen = step(times, "answers seen", () => seenAnswers(db, coderIds, questionIds as never[]));
  const tree = step(times, "code tree", () => indexTree(tallyCodes(db)));
  const codings = step(times, "read codings", () => readCodings(db, coderIds));
  const coded = step(times, "units", () => codedUnits(codings, seen.ids, tree, coderIds));
  const lists = step(times, "presence lists", () => presenceLists(tree, coded));
  step(times, "answer level", () => answerLevel(tree, lists, { resamples: 0, seed: 1 }));
  step(times, "segment level", () => segmentLevel(tree, coded, codings, lists, 0.9));
  return times;
}
