/**
 * The core's handlers for sharing a codebook as a CSV or XLSX file, or reading one from
 * a REFI-QDA codebook (.qdc).
 */
import { applyCodebook, exportCodebook } from "../codebook-file/codebook-file-service.ts";
import { readCodebookFileReport } from "../codebook-file/read.ts";
import type { HandlerContext, Handlers } from "./handlers.ts";

type CodebookFileHandlers = Pick<Handlers, "codebook.import" | "codebook.export">;

export function codebookFileHandlers(context: HandlerContext): CodebookFileHandlers {
  return {
    "codebook.import": async ({ path }) => {
      // Read and checked before the edit starts: the file is read outside the transaction.
      const { entries, warnings } = await readCodebookFileReport(path);
      const edited = context.edit((db) => applyCodebook(db, entries, context.now()));
      // What a lenient read bent reaches the user beside the counts.
      return warnings.length === 0 ? edited : { ...edited, warnings };
    },
    "codebook.export": ({ path, format }) => exportCodebook(context.session.db(), path, format),
  };
}
