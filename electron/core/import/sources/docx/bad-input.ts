import { CairnError } from "../../../../../shared/api/errors.ts";

/** Everything that goes wrong here is in the files the user chose, so they can fix it. */
export function badInput(message: string): CairnError {
  return new CairnError("bad_input", message);
}
