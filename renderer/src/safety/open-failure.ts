/**
 * An open that the user can still finish: an encrypted project asks for its password,
 * a damaged one is offered its latest good backup. Any other failure is just shown.
 */
import type { SafetyDialog } from "../stores/safety.ts";

export interface OpenFailure {
  readonly code: string;
  readonly message: string;
}

/** The dialog that takes over from a failed open of `path`, or null for a plain error. */
export function recoveryFor(path: string, failure: OpenFailure): SafetyDialog | null {
  if (failure.code === "password_required") return { kind: "unlock", path };
  if (failure.code === "damaged") return { kind: "damaged", path, message: failure.message };
  return null;
}
