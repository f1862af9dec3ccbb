/**
 * The safety dialogs (issue 9), one at a time: whichever useSafety holds.
 */
import { useSafety } from "../../stores/safety.ts";
import { DamagedDialog } from "./DamagedDialog.tsx";
import { PasswordDialog } from "./PasswordDialog.tsx";
import { PseudonymiseDialog } from "./PseudonymiseDialog.tsx";
import { RestoreDialog } from "./RestoreDialog.tsx";
import { UnlockDialog } from "./UnlockDialog.tsx";

export function SafetyDialogs() {
  const dialog = useSafety((s) => s.dialog);
  switch (dialog?.kind) {
    case undefined:
      return null;
    case "restore":
      return <RestoreDialog />;
    case "password":
      return <PasswordDialog />;
    case "pseudonymise":
      return <PseudonymiseDialog />;
    case "unlock":
      return <UnlockDialog />;
    case "damaged":
      return <DamagedDialog />;
  }
}
