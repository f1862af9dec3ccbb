/**
 * `cairn prepare-coder`: see the usage in cli/main.ts (issue 7).
 */
import type { Output } from "../output.ts";

export function prepareCoderCommand(_argv: string[], _output: Output): void {
  throw new Error("cairn prepare-coder: not implemented yet");
}
