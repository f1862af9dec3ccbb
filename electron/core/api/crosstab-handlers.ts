/**
 * The core's handlers for the crosstab, response rates and population sizes
 * (shared/api/tally-api.ts).
 */
import { crosstab } from "../tally/crosstab.ts";
import { getPopulations, setPopulations } from "../tally/populations.ts";
import { responseRate } from "../tally/response-rate.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type CrosstabHandlers = Pick<
  Handlers,
  "tally.crosstab" | "tally.responseRate" | "populations.get" | "populations.set"
>;

export function crosstabHandlers(context: HandlerContext): CrosstabHandlers {
  const { session } = context;
  return {
    "tally.crosstab": (input) => crosstab(session.db(), input),
    "tally.responseRate": ({ questionId }) => responseRate(session.db(), questionId),
    "populations.get": () => getPopulations(session.db()),
    "populations.set": (input) => context.edit((db) => setPopulations(db, input, context.now())),
  };
}
