/**
 * The core's handlers for sharing a codebook as a CSV or XLSX file.
 */
import {
  applyCodebook,
  exportCodebook,
  readCodebookFile,
} from "../codebook-file/codebook-file-service.ts";
import type { HandlerContext, Handlers } from "./handlers.ts";

type CodebookFileHandlers = Pick<Handlers, "codebook.import" | "codebook.export">;

export function codebookFileHandlers(context: HandlerContext): CodebookFileHandlers {
  return {
    "codebook.import": async ({ path }) => {
      // Read and checked before the edit starts: the file is read outside the transaction.
      const entries = await readCodebookFile(path);
      return context.edit((db) => applyCodebook(db, entries, context.now()));
    },
    "codebook.export": ({ path, format }) => exportCodebook(context.session.db(), path, format),
  };
}
