/**
 * The undo history (STUB: to be implemented). Every user edit runs inside `recordStep`;
 * undo and redo replay the recorded inverse SQL. The history lives in the project file.
 */
import type { HistoryState } from "../../../shared/domain.ts";
import type { Db } from "../db/project-file.ts";
import type { EditOutcome } from "./edit-outcome.ts";

/** Runs `work` as one transaction and one undoable step named `label`. */
export function recordStep<T extends EditOutcome>(
  _db: Db,
  _label: string,
  _now: string,
  _work: () => T,
): T {
  throw new Error("not implemented");
}

export function undo(_db: Db): EditOutcome & { label: string | null } {
  throw new Error("not implemented");
}

export function redo(_db: Db): EditOutcome & { label: string | null } {
  throw new Error("not implemented");
}

export function historyState(_db: Db): HistoryState {
  return { undo: null, redo: null };
}

/** Forgets the history (an import changed the data underneath it). */
export function clearHistory(_db: Db): void {}
