/** Placeholder: the CLI owner replaces this file (usage text in cli/main.ts is the spec). */
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

export function importRefiCommand(_argv: string[], _output: Output): Promise<void> {
  return Promise.reject(new CairnError("internal", "cairn import-refi is not written yet"));
}
