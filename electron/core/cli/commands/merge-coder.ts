/**
 * `cairn merge-coder`: see the usage in cli/main.ts (issue 7).
 */
import type { Output } from "../output.ts";

export function mergeCoderCommand(_argv: string[], _output: Output): void {
  throw new Error("cairn merge-coder: not implemented yet");
}
