/**
 * Moving a code (with everything below it) to another place in the tree: under another
 * parent or the top level, at a position among its new siblings. One undoable step.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { codeNameKey } from "../../../shared/codes/names.ts";
import type { CodeId } from "../../../shared/domain.ts";
import { ancestorIds, childIds, childNames, getCode, setCodePlace } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { NO_CHANGE, recordStep } from "./history.ts";
import { existingCode } from "./targets.ts";

export interface CodeMove {
  readonly codeId: CodeId;
  /** The new parent; null for the top level. */
  readonly parentId: CodeId | null;
  /** Among the new siblings, 0 first; past the end puts it last. */
  readonly position: number;
}

/**
 * Moves the code. Refused, with nothing changed, when the new parent is the code itself
 * or below it, or already holds a code of the same name. A move to where the code is
 * already changes nothing and leaves no step.
 */
export function moveCode(db: Db, move: CodeMove, now: string): EditOutcome {
  const code = existingCode(db, move.codeId);
  const { parentId } = move;
  if (parentId !== null) refuseCycle(db, code, existingCode(db, parentId));
  if (parentId !== code.parentId) refuseClash(db, code, parentId);
  const siblings = childIds(db, parentId).filter((id) => id !== code.id);
  const order = [...siblings];
  order.splice(Math.min(move.position, siblings.length), 0, code.id);
  if (parentId === code.parentId && sameOrder(order, childIds(db, parentId))) return NO_CHANGE;
  return recordStep(db, `Move ${code.name}`, now, () => {
    order.forEach((id, position) => setCodePlace(db, id, parentId, position));
    if (parentId !== code.parentId) renumber(db, code.parentId);
    return NO_CHANGE;
  });
}

/** Gives the codes under `parentId` the positions 0..n-1, in their order. */
export function renumber(db: Db, parentId: CodeId | null): void {
  childIds(db, parentId).forEach((id, position) => setCodePlace(db, id, parentId, position));
}

function refuseCycle(
  db: Db,
  code: { id: CodeId; name: string },
  parent: { id: CodeId; name: string },
) {
  if (parent.id === code.id) {
    throw new CairnError("bad_input", `cannot move "${code.name}" inside itself`);
  }
  if (ancestorIds(db, parent.id).includes(code.id)) {
    throw new CairnError(
      "bad_input",
      `cannot move "${code.name}" inside its own sub-code "${parent.name}"`,
    );
  }
}

function refuseClash(db: Db, code: { id: CodeId; name: string }, parentId: CodeId | null) {
  const key = codeNameKey(code.name);
  const clash = [...childNames(db, parentId).values()].find((name) => codeNameKey(name) === key);
  if (clash === undefined) return;
  const where =
    parentId === null ? "at the top level" : `under "${getCode(db, parentId)?.name ?? "?"}"`;
  throw new CairnError(
    "bad_input",
    `cannot move "${code.name}": there is already a code "${clash}" ${where}`,
  );
}

function sameOrder(a: readonly CodeId[], b: readonly CodeId[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
