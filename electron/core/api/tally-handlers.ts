/**
 * The core's handler for the frequency panel's figures (shared/api/tally-api.ts).
 */
import { tallyOf } from "../tally/tally-service.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type TallyHandlers = Pick<Handlers, "tally.get">;

export function tallyHandlers(context: HandlerContext): TallyHandlers {
  const { session } = context;
  return {
    "tally.get": (scope) => tallyOf(session.db(), scope),
  };
}
