/**
 * File › Password…: set a password on a project that has none (new + repeat, and what a
 * password does and does not cover), or change or remove the one it has (the current
 * one first). Missing and mismatched fields are caught before the core is asked; a wrong
 * current password is the core's sentence under its field. The result is one sentence.
 */
import { useRef, useState, type FormEvent } from "react";
import { ApiCallError, call, errorMessage } from "../../api/client.ts";
import {
  PASSWORD_NOTE,
  passwordDoneText,
  passwordProblem,
  type PasswordMode,
} from "../../safety/password-text.ts";
import { useProject } from "../../stores/project.ts";
import { useSafety } from "../../stores/safety.ts";
import { Problem, SafetyShell } from "./SafetyShell.tsx";

const TITLES: Readonly<Record<PasswordMode, string>> = {
  set: "Set a password",
  change: "Change the password",
  remove: "Remove the password",
};
const ACTIONS: Readonly<Record<PasswordMode, string>> = {
  set: "Set password",
  change: "Change password",
  remove: "Remove password",
};

export function PasswordDialog() {
  const close = useSafety((s) => s.close);
  const summary = useProject((s) => s.summary);
  const [mode, setMode] = useState<PasswordMode>(summary?.encrypted ? "change" : "set");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  // A wrong or missing current password is said under its own field; the rest below all.
  const [problem, setProblem] = useState<{ text: string; atCurrent: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const currentField = useRef<HTMLInputElement>(null);

  if (done) {
    return (
      <SafetyShell title="Password" className="password-dialog" onCancel={close}>
        <p className="safety-status safety-done" role="status">
          {done}
        </p>
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </SafetyShell>
    );
  }
  if (!summary) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const wrong = passwordProblem(mode, { current, next, repeat });
    setProblem(wrong ? { text: wrong, atCurrent: mode !== "set" && current === "" } : null);
    if (wrong) return;
    setBusy(true);
    try {
      const changed = await call("project.setPassword", {
        ...(mode === "set" ? {} : { current }),
        password: mode === "remove" ? null : next,
      });
      await useProject.getState().showOpened(changed);
      setDone(passwordDoneText(mode));
    } catch (error) {
      const wrongCurrent = error instanceof ApiCallError && error.code === "wrong_password";
      setProblem({ text: errorMessage(error), atCurrent: wrongCurrent });
      if (wrongCurrent) currentField.current?.select();
    } finally {
      setBusy(false);
    }
  };
  const choose = (chosen: PasswordMode) => {
    setMode(chosen);
    setProblem(null);
  };

  return (
    <SafetyShell title={TITLES[mode]} className="password-dialog" onCancel={close}>
      <form onSubmit={(event) => void submit(event)}>
        {mode === "set" ? (
          <p className="dialog-hint">{PASSWORD_NOTE}</p>
        ) : (
          <fieldset className="password-modes">
            <legend>This project has a password</legend>
            <label className="inline">
              <input
                type="radio"
                name="password-mode"
                checked={mode === "change"}
                onChange={() => choose("change")}
              />
              Change it
            </label>
            <label className="inline">
              <input
                type="radio"
                name="password-mode"
                checked={mode === "remove"}
                onChange={() => choose("remove")}
              />
              Remove it: the project file is no longer encrypted
            </label>
          </fieldset>
        )}
        {mode === "change" && (
          <p className="dialog-hint">
            Backups made before keep the old password: restoring one asks for it.
          </p>
        )}
        <div className="password-fields">
          {mode !== "set" && (
            <>
              <label>
                Current password
                <input
                  ref={currentField}
                  type="password"
                  autoFocus
                  autoComplete="current-password"
                  value={current}
                  onChange={(event) => setCurrent(event.target.value)}
                />
              </label>
              <Problem text={problem?.atCurrent ? problem.text : null} />
            </>
          )}
          {mode !== "remove" && (
            <>
              <label>
                New password
                <input
                  type="password"
                  autoFocus={mode === "set"}
                  autoComplete="new-password"
                  value={next}
                  onChange={(event) => setNext(event.target.value)}
                />
              </label>
              <label>
                Repeat the new password
                <input
                  type="password"
                  autoComplete="new-password"
                  value={repeat}
                  onChange={(event) => setRepeat(event.target.value)}
                />
              </label>
            </>
          )}
        </div>
        <Problem text={problem && !problem.atCurrent ? problem.text : null} />
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className={mode === "remove" ? "primary danger" : "primary"}
            disabled={busy}
          >
            {ACTIONS[mode]}
          </button>
        </div>
      </form>
    </SafetyShell>
  );
}
