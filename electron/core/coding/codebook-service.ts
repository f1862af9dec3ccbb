/**
 * Codebook edits made while coding: create (with missing parents), rename, recolour and
 * describe, each one undoable step; the pinned codes on the number keys, a preference
 * kept in the project. Moving, deleting and merging codes are in code-move.ts,
 * code-delete.ts and code-merge.ts.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { codeNameKey, codePathKey } from "../../../shared/codes/names.ts";
import { distinctColor } from "../../../shared/codes/palette.ts";
import type { CodeId } from "../../../shared/domain.ts";
import {
  codeIdsByPath,
  codeColors,
  getCode,
  insertCode,
  setCodeColor,
  setCodeEntry,
  setCodeName,
  siblingNames,
  type CodeEntry,
} from "../db/codes.ts";
import { readPinnedCodes, writePinnedCodes } from "../db/pinned-codes.ts";
import type { Db } from "../db/project-file.ts";
import { CodePaths } from "../import/code-paths.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { NO_CHANGE, recordStep } from "./history.ts";
import { existingCode } from "./targets.ts";

/**
 * Creates the code at `path` and any parents it lacks. A code that exists already is
 * refused: the user asked for a new one (applying a code by path is where an existing
 * one is simply used).
 */
export function createCode(
  db: Db,
  path: readonly string[],
  color: string | undefined,
  now: string,
): EditOutcome & { codeId: CodeId } {
  const name = path.at(-1);
  if (name === undefined) throw new CairnError("bad_input", "a code needs a name");
  if (codeIdsByPath(db).has(codePathKey(path))) {
    throw new CairnError("bad_input", `a code ${path.join(" > ")} already exists`);
  }
  return recordStep(db, `Create code ${name}`, now, () => {
    const parentId = path.length > 1 ? new CodePaths(db).codeFor(path.slice(0, -1)) : null;
    const codeId = insertCode(db, {
      parentId,
      name,
      color: color ?? distinctColor(codeColors(db)),
      description: "",
    });
    return { ...NO_CHANGE, codeId };
  });
}

/** Renames a code; siblings' names must stay distinct (ignoring case and spacing). */
export function renameCode(db: Db, codeId: CodeId, name: string, now: string): EditOutcome {
  const code = existingCode(db, codeId);
  const clash = siblingNames(db, code.parentId, code.id).find(
    (sibling) => codeNameKey(sibling) === codeNameKey(name),
  );
  if (clash !== undefined) {
    const where = code.parentId === null ? "at the top level" : `under ${parentName(db, code)}`;
    throw new CairnError("bad_input", `there is already a code "${clash}" ${where}`);
  }
  return recordStep(db, `Rename code ${name}`, now, () => {
    setCodeName(db, code.id, name);
    return NO_CHANGE;
  });
}

/** Gives a code a colour (#rrggbb, stored lower-cased). */
export function recolorCode(db: Db, codeId: CodeId, color: string, now: string): EditOutcome {
  const code = existingCode(db, codeId);
  return recordStep(db, `Recolour ${code.name}`, now, () => {
    setCodeColor(db, code.id, color);
    return NO_CHANGE;
  });
}

/** Writes a code's codebook entry: definition, when to use, when not to, an example. */
export function describeCode(db: Db, codeId: CodeId, entry: CodeEntry, now: string): EditOutcome {
  const code = existingCode(db, codeId);
  return recordStep(db, `Describe ${code.name}`, now, () => {
    setCodeEntry(db, code.id, entry);
    return NO_CHANGE;
  });
}

/** The codes on the number keys 1-9, in order (codes deleted since are left out). */
export function pinnedCodes(db: Db): CodeId[] {
  return readPinnedCodes(db);
}

export function setPinnedCodes(db: Db, codeIds: readonly CodeId[]): CodeId[] {
  const unique = [...new Set(codeIds)];
  for (const id of unique) existingCode(db, id);
  writePinnedCodes(db, unique);
  return readPinnedCodes(db);
}

function parentName(db: Db, code: { parentId: CodeId | null }): string {
  return code.parentId === null ? "" : `"${getCode(db, code.parentId)?.name ?? "?"}"`;
}
