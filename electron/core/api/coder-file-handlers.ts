/**
 * The core's handlers for the blind hand-over to a second coder: a clean copy out, the
 * coder's work back in (shared/api/agreement-api.ts).
 */
import { prepareCoderCopy } from "../agreement/coder-copy.ts";
import { mergeCoderFile } from "../agreement/coder-merge.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type CoderFileHandlers = Pick<Handlers, "coders.prepareCopy" | "coders.merge">;

export function coderFileHandlers(context: HandlerContext): CoderFileHandlers {
  return {
    "coders.prepareCopy": ({ path, coder, questionIds }) => {
      // Only reads the open project, but not while an import is writing to it.
      context.session.assertIdle();
      return prepareCoderCopy(context.session.db(), { path, coder, questionIds });
    },
    "coders.merge": ({ path }) => context.edit((db) => mergeCoderFile(db, path, context.now())),
  };
}
