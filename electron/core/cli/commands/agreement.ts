/**
 * `cairn agreement`: see the usage in cli/main.ts (issue 7).
 */
import type { Output } from "../output.ts";

export function agreementCommand(_argv: string[], _output: Output): void {
  throw new Error("cairn agreement: not implemented yet");
}
