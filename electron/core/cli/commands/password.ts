import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

/** `cairn password`: see its usage in cli/main.ts. */
export function passwordCommand(argv: string[], output: Output): Promise<void> {
  void argv;
  void output;
  return Promise.reject(new CairnError("internal", "cairn password is not built yet"));
}
