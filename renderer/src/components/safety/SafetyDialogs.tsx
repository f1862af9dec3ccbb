/**
 * The safety dialogs (decision 0017), one at a time: whichever useSafety holds.
 */
import { useSafety } from "../../stores/safety.ts";

export function SafetyDialogs() {
  const dialog = useSafety((s) => s.dialog);
  if (!dialog) return null;
  return null;
}
