/**
 * The password prompt of an encrypted project being opened (from any open in the
 * window, or the desktop's menu): Open tries it; a wrong one is the core's sentence under
 * the field, which keeps what was typed, selected. Cancel leaves the open project open.
 */
import { useRef, useState, type FormEvent } from "react";
import { ApiCallError, call, errorMessage } from "../../api/client.ts";
import { projectNameOf } from "../../safety/password-text.ts";
import { useProject } from "../../stores/project.ts";
import { useSafety } from "../../stores/safety.ts";
import { Problem, SafetyShell } from "./SafetyShell.tsx";

export function UnlockDialog() {
  const dialog = useSafety((s) => s.dialog);
  const close = useSafety((s) => s.close);
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  if (dialog?.kind !== "unlock") return null;
  const { path } = dialog;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (password === "") {
      setProblem("Type the project's password.");
      field.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const summary = await call("project.unlock", { path, password });
      await useProject.getState().showOpened(summary);
      close();
    } catch (error) {
      // The right password, but the file is damaged: offer its backup instead.
      if (error instanceof ApiCallError && error.code === "damaged") {
        useSafety.getState().show({ kind: "damaged", path, message: error.message });
        return;
      }
      setBusy(false);
      setProblem(errorMessage(error));
      requestAnimationFrame(() => field.current?.select());
    }
  };

  return (
    <SafetyShell
      title={`${projectNameOf(path)} is protected by a password`}
      className="unlock-dialog"
      onCancel={busy ? undefined : close}
    >
      <form onSubmit={(event) => void submit(event)}>
        <p className="safety-path" title={path}>
          {path}
        </p>
        <label>
          Password
          <input
            ref={field}
            type="password"
            autoFocus
            autoComplete="current-password"
            aria-invalid={problem !== null}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <Problem text={problem} />
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Opening…" : "Open"}
          </button>
        </div>
      </form>
    </SafetyShell>
  );
}
