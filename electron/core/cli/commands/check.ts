import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

/** `cairn check`: see its usage in cli/main.ts. */
export function checkCommand(argv: string[], output: Output): Promise<void> {
  void argv;
  void output;
  return Promise.reject(new CairnError("internal", "cairn check is not built yet"));
}
