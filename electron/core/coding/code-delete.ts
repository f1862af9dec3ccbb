/**
 * Deleting a code with everything below it: the codes, their segments and the memos
 * written on them, as one undoable step. What would go is told first, for the confirm.
 */
import type { DeletionImpact } from "../../../shared/api/codebook-api.ts";
import type { CodeId } from "../../../shared/domain.ts";
import { codeMemoCount, deleteCodesContent } from "../db/code-subtree.ts";
import { deleteCode as deleteCodeRow, subtreeIds } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { codeCountsOf } from "./code-counts.ts";
import { NO_CHANGE, recordStep } from "./history.ts";
import { existingCode } from "./targets.ts";

/** The segments and respondents come from the counts beside the tree, kept up to date. */
export function deletionImpact(db: Db, codeId: CodeId): DeletionImpact {
  const ids = subtreeIds(db, existingCode(db, codeId).id);
  const counts = codeCountsOf(db, null).counts.find((count) => count.codeId === codeId);
  return {
    codes: ids.length,
    segments: counts?.subtreeSegments ?? 0,
    respondents: counts?.subtreeRespondents ?? 0,
    memos: codeMemoCount(db, ids),
  };
}

/**
 * Deletes the code and its descendants. Pins of deleted codes go with them (a trigger of
 * db/pinned-codes.ts); undo brings back every row as it was, ids and positions included.
 */
export function deleteCode(db: Db, codeId: CodeId, now: string): EditOutcome {
  const code = existingCode(db, codeId);
  const ids = subtreeIds(db, code.id);
  return recordStep(db, `Delete ${code.name}`, now, () => {
    deleteCodesContent(db, ids);
    // Children before their parents: codes.parent_id is ON DELETE RESTRICT.
    for (const id of [...ids].reverse()) deleteCodeRow(db, id);
    return NO_CHANGE;
  });
}
