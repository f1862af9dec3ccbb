/**
 * The core's handlers for the codebook part of the API (shared/api/codebook-api.ts).
 */
import type { codebookApi } from "../../../shared/api/codebook-api.ts";
import { describeCode, recolorCode } from "../coding/codebook-service.ts";
import { codeCountsOf } from "../coding/code-counts.ts";
import { deleteCode, deletionImpact } from "../coding/code-delete.ts";
import { mergeCodes } from "../coding/code-merge.ts";
import { moveCode } from "../coding/code-move.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

/** The codebook file entries (codebook.import/export) are in codebook-file-handlers.ts. */
type CodebookHandlers = Pick<Handlers, Exclude<keyof typeof codebookApi, `codebook.${string}`>>;

export function codebookHandlers(context: HandlerContext): CodebookHandlers {
  const { session, edit, now } = context;
  return {
    "codes.counts": ({ coderId }) => codeCountsOf(session.db(), coderId ?? null),
    "codes.recolor": ({ codeId, color }) => edit((db) => recolorCode(db, codeId, color, now())),
    "codes.describe": ({ codeId, ...entry }) =>
      edit((db) => describeCode(db, codeId, entry, now())),
    "codes.move": (move) => edit((db) => moveCode(db, move, now())),
    "codes.deletionImpact": ({ codeId }) => deletionImpact(session.db(), codeId),
    "codes.delete": ({ codeId }) => edit((db) => deleteCode(db, codeId, now())),
    "codes.merge": ({ sourceIds, targetId }) =>
      edit((db) => mergeCodes(db, sourceIds, targetId, now())),
  };
}
