/**
 * The core's handlers for the search part of the API (shared/api/search-api.ts).
 */
import type { searchApi } from "../../../shared/api/search-api.ts";
import { applyAutocode, previewAutocode } from "../search/autocode-service.ts";
import { runSearch } from "../search/search-service.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type SearchHandlers = Pick<Handlers, keyof typeof searchApi>;

export function searchHandlers(context: HandlerContext): SearchHandlers {
  const { session } = context;
  return {
    "search.run": (input) => runSearch(session.db(), input),
    "autocode.preview": (input) => previewAutocode(session.db(), input),
    "autocode.apply": (input) => context.edit((db) => applyAutocode(db, input, context.now())),
  };
}
