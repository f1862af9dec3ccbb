/**
 * The check after each kill: the file opens with the app's own open path, is exactly
 * the state after one of the actions the child may have committed, keeps the app's
 * invariants, and its undo history still replays.
 */
import type { HistoryState } from "../../../shared/domain.ts";
import type { Core } from "../../../electron/core/core.ts";
import { contentDigest, dataDigest, invariantFailures } from "./digest.ts";
import { openCore, type SeedModel } from "./model.ts";

export function verifyKilled(
  project: string,
  home: string,
  model: SeedModel,
  lastDone: number,
  lastBegun: number,
): string[] {
  let core: Core;
  try {
    core = openCore(home, project);
  } catch (error) {
    return [`the killed project does not open: ${(error as Error).message}`];
  }
  try {
    const db = core.session.db();
    const problems = invariantFailures(db);
    const digest = contentDigest(db);
    // After j actions, for lastDone < j - 1 <= lastBegun: the reported commits, and at
    // most the one action that had begun.
    const allowed = [lastDone + 1, lastBegun + 1];
    const matches = model.digests.flatMap((d, j) => (d === digest ? [j] : []));
    if (!matches.some((j) => j >= allowed[0]! && j <= allowed[1]!)) {
      problems.push(
        `the project holds ${matches.length ? `the state after ${matches.join(" or ")} actions` : "a state the model never had"}` +
          `, not one after ${allowed[0]}–${allowed[1]} actions`,
      );
    }
    problems.push(...undoStillWorks(core));
    return problems;
  } finally {
    core.shutdown();
  }
}

/** Undo then redo the newest step: both work and bring the same rows back. */
function undoStillWorks(core: Core): string[] {
  const db = core.session.db();
  const history = historyOf(core);
  if (history.undo === null) return [];
  const before = dataDigest(db);
  try {
    core.handlers["history.undo"]({});
    if (historyOf(core).redo !== history.undo) {
      return [`undo of "${history.undo}" after reopening did not happen`];
    }
    core.handlers["history.redo"]({});
  } catch (error) {
    return [
      `undo or redo of "${history.undo}" after reopening failed: ${(error as Error).message}`,
    ];
  }
  return dataDigest(db) === before
    ? []
    : [`undo and redo of "${history.undo}" after reopening did not restore the rows`];
}

function historyOf(core: Core): HistoryState {
  return core.handlers["history.state"]({}) as HistoryState;
}
