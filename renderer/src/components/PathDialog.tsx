/**
 * Asks for a file path. Browser mode has no native file dialog, so New, Open and Save a
 * copy take a path typed on the machine the server runs on.
 */
import { useState, type FormEvent, type ReactNode } from "react";

interface Props {
  readonly title: string;
  readonly action: string;
  readonly initial?: string;
  /** A sentence under the title: what the action will do with the file. */
  readonly hint?: ReactNode;
  onSubmit(path: string): void;
  onCancel(): void;
}

export function PathDialog({ title, action, initial = "", hint, onSubmit, onCancel }: Props) {
  const [path, setPath] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onSubmit(path.trim());
  };
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <form className="dialog" role="dialog" aria-label={title} onSubmit={submit}>
        <h2>{title}</h2>
        {hint !== undefined && <p className="dialog-hint">{hint}</p>}
        <label>
          File path on this computer
          <input
            autoFocus
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/me/surveys/members-2026.cairn"
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!path.trim()}>
            {action}
          </button>
        </div>
      </form>
    </div>
  );
}
