import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

/** `cairn backup`: see its usage in cli/main.ts. */
export function backupCommand(argv: string[], output: Output): Promise<void> {
  void argv;
  void output;
  return Promise.reject(new CairnError("internal", "cairn backup is not built yet"));
}
