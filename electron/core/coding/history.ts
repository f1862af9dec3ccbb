/**
 * The undo history. Every user edit runs inside `recordStep`: one IMMEDIATE transaction
 * during which the connection's TEMP triggers (db/history-triggers.ts) log the SQL that
 * reverts each row change. Undo runs a step's SQL newest first while the triggers log
 * the SQL that reverts the undo, which becomes the step's SQL for redo, and so on. The
 * history lives in the project file, so it survives a restart
 * (docs/decisions/0006-undo-history.md).
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, HistoryState } from "../../../shared/domain.ts";
import {
  clearLog,
  deleteAllSteps,
  deleteUndoneSteps,
  hasHistoryTables,
  insertStep,
  keepNewestSteps,
  newestDoneStep,
  oldestUndoneStep,
  opsToRun,
  readLog,
  replayStatements,
  replaceOpsWithLog,
  setStepState,
  type Logged,
  type Step,
} from "../db/history-log.ts";
import { historyInstalled, installHistory, setRecording } from "../db/history-triggers.ts";
import type { Db } from "../db/project-file.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { storageError, storageFailureOf } from "./write-failure.ts";

/** Steps kept; older ones are forgotten. A step is a few rows, so this is a few MB. */
export const HISTORY_LIMIT = 1000;

export const NO_CHANGE: EditOutcome = {
  answerIds: [],
  codebookChanged: false,
  summaryChanged: false,
};

/**
 * Runs `work` as one transaction and one undoable step named `label` ("Apply Safety").
 * A new step discards what was undone before it (no redo after a new edit). A `work`
 * that throws leaves the project as it was and logs nothing; one that changes nothing
 * leaves no step. The outcome also lists whatever the logged changes touched.
 */
export function recordStep<T extends EditOutcome>(
  db: Db,
  label: string,
  now: string,
  work: () => T,
): T {
  prepare(db);
  try {
    return db
      .transaction(() => {
        const result = whileRecording(db, work);
        const logged = readLog(db);
        if (logged.ops > 0) {
          deleteUndoneSteps(db);
          replaceOpsWithLog(db, insertStep(db, label, now));
          keepNewestSteps(db, HISTORY_LIMIT);
          clearLog(db);
        }
        return withLogged(result, logged);
      })
      .immediate();
  } catch (error) {
    const failure = storageFailureOf(error, db.name);
    throw failure === null ? error : storageError(`save "${label}"`, failure);
  }
}

export function undo(db: Db): EditOutcome & { label: string | null } {
  return replay(db, "undo");
}

export function redo(db: Db): EditOutcome & { label: string | null } {
  return replay(db, "redo");
}

export function historyState(db: Db): HistoryState {
  if (!historyInstalled(db)) return { undo: null, redo: null };
  return { undo: newestDoneStep(db)?.label ?? null, redo: oldestUndoneStep(db)?.label ?? null };
}

/** Forgets the history (an import changed the data underneath it). */
export function clearHistory(db: Db): void {
  if (hasHistoryTables(db)) deleteAllSteps(db);
}

function replay(db: Db, direction: "undo" | "redo"): EditOutcome & { label: string | null } {
  prepare(db);
  const step = direction === "undo" ? newestDoneStep(db) : oldestUndoneStep(db);
  if (!step) return { ...NO_CHANGE, label: null };
  try {
    return db
      .transaction(() => {
        // Ops run in the reverse of the order their rows changed in; a cascade may have
        // logged a child before its parent, so foreign keys are checked at commit.
        db.pragma("defer_foreign_keys = ON");
        whileRecording(db, () => runOps(db, opsToRun(db, step.id)));
        const logged = readLog(db);
        replaceOpsWithLog(db, step.id);
        setStepState(db, step.id, direction === "undo" ? "undone" : "done");
        clearLog(db);
        return { ...withLogged(NO_CHANGE, logged), label: step.label };
      })
      .immediate();
  } catch (error) {
    // A file that cannot be written now is no reason to forget the history: the same
    // step replays once it can.
    const failure = storageFailureOf(error, db.name);
    if (failure !== null) throw storageError(`${direction} "${step.label}"`, failure);
    throw replayFailed(db, direction, step, error);
  }
}

/**
 * A step that cannot be replayed (the file was changed by another tool, or a bug) would
 * block every older step behind it; the history is cleared so the user can go on.
 */
function replayFailed(db: Db, direction: string, step: Step, error: unknown): CairnError {
  clearHistory(db);
  const reason = error instanceof Error ? error.message : String(error);
  return new CairnError(
    "internal",
    `could not ${direction} "${step.label}" (${reason}); nothing was changed, and the ` +
      "undo history was cleared so you can keep working",
  );
}

/**
 * Ops run as scripts of a few dozen statements (runs of inserts joined into multi-row
 * ones): preparing each op alone costs more than running it (undoing a deleted code with
 * 220,000 segments took 24 s that way).
 */
const STATEMENTS_PER_SCRIPT = 50;

function runOps(db: Db, ops: readonly string[]): void {
  const statements = replayStatements(ops);
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_SCRIPT) {
    db.exec(statements.slice(i, i + STATEMENTS_PER_SCRIPT).join(";\n"));
  }
}

function whileRecording<T>(db: Db, work: () => T): T {
  clearLog(db);
  setRecording(db, true);
  try {
    return work();
  } finally {
    setRecording(db, false);
  }
}

function prepare(db: Db): void {
  if (db.inTransaction) {
    throw new CairnError("busy", "another change is being written; try again when it is done");
  }
  installHistory(db);
  if (!historyInstalled(db)) {
    throw new Error("history: this project's schema has no undo history; it needs migrating");
  }
}

function withLogged<T extends EditOutcome>(result: T, logged: Logged): T {
  const answerIds = [...new Set<AnswerId>([...result.answerIds, ...logged.answerIds])];
  return {
    ...result,
    answerIds,
    codebookChanged: result.codebookChanged || logged.codebookChanged,
    summaryChanged: result.summaryChanged || logged.summaryChanged,
  };
}
