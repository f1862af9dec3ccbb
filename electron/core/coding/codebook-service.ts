/**
 * Codebook edits made while coding (STUB: to be implemented): create (with missing
 * parents) and rename, each undoable; the pinned codes on the number keys.
 */
import type { CodeId } from "../../../shared/domain.ts";
import type { Db } from "../db/project-file.ts";
import type { EditOutcome } from "./edit-outcome.ts";

export function createCode(
  _db: Db,
  _path: readonly string[],
  _color: string | undefined,
  _now: string,
): EditOutcome & { codeId: CodeId } {
  throw new Error("not implemented");
}

export function renameCode(_db: Db, _codeId: CodeId, _name: string, _now: string): EditOutcome {
  throw new Error("not implemented");
}

export function pinnedCodes(_db: Db): CodeId[] {
  return [];
}

export function setPinnedCodes(_db: Db, _codeIds: readonly CodeId[]): CodeId[] {
  throw new Error("not implemented");
}
