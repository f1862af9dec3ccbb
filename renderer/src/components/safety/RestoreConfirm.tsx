/**
 * The last step before a restore, shared by Restore from backup and the damaged-project
 * offer: the question in words, then the restore itself. A backup made under another
 * password asks for that password here; a wrong one keeps the field, selected.
 */
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import type { BackupInfo, RestoreReport } from "../../../../shared/api/safety-api.ts";
import { ApiCallError, call, errorMessage } from "../../api/client.ts";
import { useProject } from "../../stores/project.ts";
import { Problem } from "./SafetyShell.tsx";

interface Props {
  readonly backup: BackupInfo;
  /** A project that is not open (a damaged one); absent for the open project. */
  readonly project?: string;
  /** The question in words, above the buttons. */
  readonly children: ReactNode;
  readonly action: string;
  /** Red, as a step that replaces content; the damaged offer's rescue is not. */
  readonly danger?: boolean;
  /** "Back" to the list, or "Cancel" where there is nothing to go back to. */
  readonly backLabel?: string;
  /** Another way on, at the left of the buttons ("Choose another backup…"). */
  readonly other?: { readonly label: string; onClick(): void };
  onBack(): void;
  /** `withPassword`: the backup opened with a password typed here, now the project's. */
  onRestored(report: RestoreReport, withPassword: boolean): void;
  /** Tells the dialog a restore is running (it cannot be left meanwhile). */
  onBusy(busy: boolean): void;
}

const OTHER_PASSWORD =
  "This backup was made under another password: type that password to restore it.";

export function RestoreConfirm(props: Props) {
  const { backup, project, children, action, danger = true, backLabel = "Back", other } = props;
  const handlers = props;
  // A backup that does not open under the project's current key asks for its own at once.
  const [password, setPassword] = useState<string | null>(backup.encrypted ? null : "");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const running = (on: boolean) => {
    setBusy(on);
    handlers.onBusy(on);
  };
  const refused = (error: unknown) => {
    const asks =
      error instanceof ApiCallError &&
      (error.code === "password_required" || error.code === "wrong_password");
    if (asks && password === null) {
      setPassword("");
      setProblem(OTHER_PASSWORD);
      return;
    }
    setProblem(errorMessage(error));
    if (asks) requestAnimationFrame(() => field.current?.select());
  };
  const restore = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (password === "") {
      setProblem("Type the backup's password.");
      return;
    }
    running(true);
    setProblem(null);
    try {
      const report = await call("backup.restore", {
        backup: backup.path,
        ...(project === undefined ? {} : { project }),
        ...(password ? { password } : {}),
      });
      await useProject.getState().showOpened(report.summary);
      handlers.onRestored(report, Boolean(password));
    } catch (error) {
      refused(error);
    } finally {
      running(false);
    }
  };

  return (
    <form className="restore-confirm" onSubmit={(event) => void restore(event)}>
      {children}
      {password !== null && problem !== OTHER_PASSWORD && (
        <p className="dialog-hint restore-password-hint">{OTHER_PASSWORD}</p>
      )}
      {password !== null && (
        <label className="restore-password">
          The backup&apos;s password
          <input
            ref={field}
            type="password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
      )}
      <Problem text={problem} />
      <div className="dialog-actions">
        {other && (
          <>
            <button type="button" disabled={busy} onClick={other.onClick}>
              {other.label}
            </button>
            <span className="restore-actions-gap" />
          </>
        )}
        <button type="button" disabled={busy} onClick={handlers.onBack}>
          {backLabel}
        </button>
        <button
          type="submit"
          className={danger ? "primary danger" : "primary"}
          disabled={busy}
          autoFocus
        >
          {busy ? "Restoring…" : action}
        </button>
      </div>
    </form>
  );
}
