import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

/** `cairn restore`: see its usage in cli/main.ts. */
export function restoreCommand(argv: string[], output: Output): Promise<void> {
  void argv;
  void output;
  return Promise.reject(new CairnError("internal", "cairn restore is not built yet"));
}
