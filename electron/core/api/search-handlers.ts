/**
 * The core's handlers for the search part of the API (shared/api/search-api.ts).
 */
import type { searchApi } from "../../../shared/api/search-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type SearchHandlers = Pick<Handlers, keyof typeof searchApi>;

// TODO(issue 5): being built; every entry below is replaced by its service.
const notYet = () => {
  throw new CairnError("internal", "not built yet");
};

export function searchHandlers(context: HandlerContext): SearchHandlers {
  void context;
  return {
    "search.run": notYet,
    "autocode.preview": notYet,
    "autocode.apply": notYet,
  };
}
