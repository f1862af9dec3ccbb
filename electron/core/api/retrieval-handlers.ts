/**
 * The core's handlers for the retrieval part of the API (shared/api/retrieval-api.ts).
 */
import type { retrievalApi } from "../../../shared/api/retrieval-api.ts";
import { cooccurrenceTable } from "../retrieval/cooccurrence.ts";
import { listPassages } from "../retrieval/passages.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type RetrievalHandlers = Pick<Handlers, keyof typeof retrievalApi>;

export function retrievalHandlers(context: HandlerContext): RetrievalHandlers {
  const { session } = context;
  return {
    "passages.list": (query) => listPassages(session.db(), query),
    "cooccurrence.table": (scope) => cooccurrenceTable(session.db(), scope),
  };
}
