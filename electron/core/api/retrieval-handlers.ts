/**
 * The core's handlers for the retrieval part of the API (shared/api/retrieval-api.ts).
 */
import type { retrievalApi } from "../../../shared/api/retrieval-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type RetrievalHandlers = Pick<Handlers, keyof typeof retrievalApi>;

// TODO(issue 5): being built; every entry below is replaced by its service.
const notYet = () => {
  throw new CairnError("internal", "not built yet");
};

export function retrievalHandlers(context: HandlerContext): RetrievalHandlers {
  void context;
  return {
    "passages.list": notYet,
    "cooccurrence.table": notYet,
  };
}
