/**
 * The core's handlers for the crosstab, response rates and population sizes
 * (shared/api/tally-api.ts).
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type CrosstabHandlers = Pick<
  Handlers,
  "tally.crosstab" | "tally.responseRate" | "populations.get" | "populations.set"
>;

export function crosstabHandlers(context: HandlerContext): CrosstabHandlers {
  void context;
  const notYet = (): never => {
    throw new CairnError("bad_input", "not built yet");
  };
  return {
    "tally.crosstab": notYet,
    "tally.responseRate": notYet,
    "populations.get": notYet,
    "populations.set": notYet,
  };
}
