/**
 * The core's handlers for the blind hand-over to a second coder: a clean copy out, the
 * coder's work back in (shared/api/agreement-api.ts).
 */
import type { Handlers, HandlerContext } from "./handlers.ts";

type CoderFileHandlers = Pick<Handlers, "coders.prepareCopy" | "coders.merge">;

export function coderFileHandlers(_context: HandlerContext): CoderFileHandlers {
  return {
    "coders.prepareCopy": () => {
      throw new Error("coders.prepareCopy: not implemented yet");
    },
    "coders.merge": () => {
      throw new Error("coders.merge: not implemented yet");
    },
  };
}
