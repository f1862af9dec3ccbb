/**
 * The core's handlers for inter-coder agreement (shared/api/agreement-api.ts).
 */
import type { Handlers, HandlerContext } from "./handlers.ts";

type AgreementHandlers = Pick<Handlers, "agreement.get" | "agreement.export">;

export function agreementHandlers(_context: HandlerContext): AgreementHandlers {
  return {
    "agreement.get": () => {
      throw new Error("agreement.get: not implemented yet");
    },
    "agreement.export": () => {
      throw new Error("agreement.export: not implemented yet");
    },
  };
}
