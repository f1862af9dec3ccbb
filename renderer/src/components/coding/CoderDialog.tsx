/**
 * Who is coding? Asked the first time something is coded on this machine (and from
 * "Coding as" later). Offers the project's coders, so a second session picks the same
 * spelling; names differing only in case or spacing are one coder anyway.
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import { coderNameKey } from "../../../../shared/coders.ts";
import { isComposing } from "../../coding/keys.ts";
import { useCoding } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import "./coding-chrome.css";

const NO_CODERS: readonly { readonly name: string }[] = [];

/** The project's coders, and the one the file was prepared for if not among them yet. */
function choices(
  coders: readonly { readonly name: string }[],
  preparedFor: string | null,
): readonly string[] {
  const names = coders.map((coder) => coder.name);
  if (preparedFor === null) return names;
  const key = coderNameKey(preparedFor);
  return names.some((name) => coderNameKey(name) === key) ? names : [...names, preparedFor];
}

export function CoderDialog() {
  const asking = useCoding((s) => s.askingCoder);
  return asking ? <CoderForm /> : null;
}

function CoderForm() {
  const current = useCoding((s) => s.coder);
  const known = useProject((s) => s.summary?.coders ?? NO_CODERS);
  // A file prepared for a second coder proposes their name, before they coded anything.
  const preparedFor = useProject((s) => s.summary?.preparedFor ?? null);
  const coders = useMemo(() => choices(known, preparedFor), [known, preparedFor]);
  const [name, setName] = useState(current ?? preparedFor ?? "");
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const { setCoder, cancelCoderPrompt } = useCoding.getState();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") return;
    setSaving(true);
    await setCoder(name.trim());
    setSaving(false);
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && cancelCoderPrompt()}
    >
      <form
        className="dialog coder-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${inputId}-title`}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && !isComposing(e.nativeEvent)) cancelCoderPrompt();
        }}
      >
        <h2 id={`${inputId}-title`}>Who is coding?</h2>
        <p className="dialog-text">
          Every passage you code records your name, so a second coder&apos;s work stays apart and
          agreement can be computed. Cairn remembers it on this computer.
        </p>
        {preparedFor !== null && (
          <p className="dialog-text">This file was prepared for {preparedFor} to code.</p>
        )}
        {coders.length > 0 && (
          <div className="coder-choices" role="group" aria-label="Coders in this project">
            {coders.map((coder) => (
              <button
                key={coder}
                type="button"
                aria-pressed={coder === name}
                onClick={() => setName(coder)}
              >
                {coder}
              </button>
            ))}
          </div>
        )}
        <label htmlFor={inputId}>Your name</label>
        <input
          id={inputId}
          autoFocus
          value={name}
          maxLength={200}
          placeholder="e.g. Aoife"
          onChange={(e) => setName(e.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" onClick={cancelCoderPrompt}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving || name.trim() === ""}>
            Start coding
          </button>
        </div>
      </form>
    </div>
  );
}
