/**
 * The wizard's buttons, with the last error just above them and, when the main action
 * is disabled, the reason beside it: both stay in view however far the steps scroll.
 */
import type { ReactNode } from "react";
import { useImportWizard } from "../../stores/import-wizard.ts";

export function WizardFooter({
  reason = null,
  children,
}: {
  readonly reason?: string | null;
  readonly children: ReactNode;
}) {
  const error = useImportWizard((s) => s.error);
  return (
    <>
      {error && (
        <p className="wizard-error" role="alert">
          {error}
        </p>
      )}
      <footer className="dialog-actions wizard-actions">
        {reason && (
          <p className="wizard-reason" id="import-blocked">
            {reason}
          </p>
        )}
        {children}
      </footer>
    </>
  );
}
