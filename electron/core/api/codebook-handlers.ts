/**
 * The core's handlers for the codebook part of the API (shared/api/codebook-api.ts).
 */
import type { codebookApi } from "../../../shared/api/codebook-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

/** The codebook file entries (codebook.import/export) are in codebook-file-handlers.ts. */
type CodebookHandlers = Pick<Handlers, Exclude<keyof typeof codebookApi, `codebook.${string}`>>;

// TODO(issue 5): being built; every entry below is replaced by its service.
const notYet = () => {
  throw new CairnError("internal", "not built yet");
};

export function codebookHandlers(context: HandlerContext): CodebookHandlers {
  void context;
  return {
    "codes.counts": notYet,
    "codes.recolor": notYet,
    "codes.describe": notYet,
    "codes.move": notYet,
    "codes.deletionImpact": notYet,
    "codes.delete": notYet,
    "codes.merge": notYet,
  };
}
