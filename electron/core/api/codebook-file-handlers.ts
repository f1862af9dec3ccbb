/**
 * The core's handlers for sharing a codebook as a CSV or XLSX file.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { HandlerContext, Handlers } from "./handlers.ts";

type CodebookFileHandlers = Pick<Handlers, "codebook.import" | "codebook.export">;

// TODO(issue 5): being built; every entry below is replaced by its service.
const notYet = () => {
  throw new CairnError("internal", "not built yet");
};

export function codebookFileHandlers(context: HandlerContext): CodebookFileHandlers {
  void context;
  return {
    "codebook.import": notYet,
    "codebook.export": notYet,
  };
}
