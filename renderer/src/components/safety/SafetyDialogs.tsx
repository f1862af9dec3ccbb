/**
 * The safety dialogs (issue 9), one at a time: whichever useSafety holds. In the desktop
 * app, a project the shell failed to open because it needs its password or is damaged
 * arrives as a "project.openFailed" event and opens the prompt or the backup offer here.
 */
import { useEffect } from "react";
import { subscribe } from "../../api/client.ts";
import { recoveryFor } from "../../safety/open-failure.ts";
import { useSafety } from "../../stores/safety.ts";
import { DamagedDialog } from "./DamagedDialog.tsx";
import { PasswordDialog } from "./PasswordDialog.tsx";
import { PseudonymiseDialog } from "./PseudonymiseDialog.tsx";
import { RestoreDialog } from "./RestoreDialog.tsx";
import { UnlockDialog } from "./UnlockDialog.tsx";

export function SafetyDialogs() {
  const dialog = useSafety((s) => s.dialog);
  useEffect(
    () =>
      subscribe("project.openFailed", (failure) => {
        const recovery = recoveryFor(failure.path, failure);
        if (recovery) useSafety.getState().show(recovery);
      }),
    [],
  );
  switch (dialog?.kind) {
    case undefined:
      return null;
    case "restore":
      return <RestoreDialog />;
    case "password":
      return <PasswordDialog />;
    case "pseudonymise":
      return <PseudonymiseDialog />;
    // Keyed by the file: a second failed open starts its dialog afresh.
    case "unlock":
      return <UnlockDialog key={dialog.path} />;
    case "damaged":
      return <DamagedDialog key={dialog.path} />;
  }
}
