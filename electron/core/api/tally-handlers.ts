/**
 * The core's handler for the frequency panel's figures (shared/api/tally-api.ts).
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type TallyHandlers = Pick<Handlers, "tally.get">;

export function tallyHandlers(context: HandlerContext): TallyHandlers {
  void context;
  return {
    "tally.get": () => {
      throw new CairnError("bad_input", "not built yet");
    },
  };
}
