/**
 * `cairn consensus`: see the usage in cli/main.ts (issue 7).
 */
import type { Output } from "../output.ts";

export function consensusCommand(_argv: string[], _output: Output): void {
  throw new Error("cairn consensus: not implemented yet");
}
