import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

/** `cairn backups`: see its usage in cli/main.ts. */
export function backupsCommand(argv: string[], output: Output): Promise<void> {
  void argv;
  void output;
  return Promise.reject(new CairnError("internal", "cairn backups is not built yet"));
}
