import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

/** `cairn pseudonymise`: see its usage in cli/main.ts. */
export function pseudonymiseCommand(argv: string[], output: Output): Promise<void> {
  void argv;
  void output;
  return Promise.reject(new CairnError("internal", "cairn pseudonymise is not built yet"));
}
