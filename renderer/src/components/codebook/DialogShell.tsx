/**
 * The frame of the codebook's dialogs: a modal form over the window, Esc or Cancel to
 * leave (the keyboard goes back to the code), Enter on the primary button to act.
 */
import type { FormEvent, ReactNode } from "react";

interface Props {
  readonly title: string;
  readonly className?: string;
  readonly children: ReactNode;
  onSubmit(): void;
  onCancel(): void;
}

export function DialogShell({ title, className, children, onSubmit, onCancel }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        className={`dialog codebook-dialog${className ? ` ${className}` : ""}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onSubmit={submit}
      >
        <h2>{title}</h2>
        {children}
      </form>
    </div>
  );
}

interface ActionsProps {
  readonly action: string;
  readonly disabled?: boolean;
  readonly danger?: boolean;
  onCancel(): void;
}

export function DialogActions({ action, disabled, danger, onCancel }: ActionsProps) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={danger ? "primary danger" : "primary"} disabled={disabled}>
        {action}
      </button>
    </div>
  );
}
