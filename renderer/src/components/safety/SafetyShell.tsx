/**
 * The frame of the backup and password dialogs: modal over the window, named by its
 * heading, Escape to leave. Focus goes into the dialog when it opens (to an autoFocus
 * field, else the dialog itself) and back to where it was when it closes.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { asSentence } from "../../safety/sentence.ts";
import "./safety-dialogs.css";

interface Props {
  readonly title: string;
  readonly className?: string;
  readonly children: ReactNode;
  /** Escape; absent while something runs that cannot be left (a restore). */
  onCancel?(): void;
}

export function SafetyShell({ title, className, children, onCancel }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Read while rendering, before an autoFocus field inside takes the focus.
  const [before] = useState(() => document.activeElement);
  useEffect(() => {
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [before]);
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !onCancel) return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <div
        ref={ref}
        className={`dialog safety-dialog${className ? ` ${className}` : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** One sentence of what went wrong, under the part it is about. */
export function Problem({ text }: { readonly text: string | null }) {
  if (!text) return null;
  return (
    <p className="safety-error" role="alert">
      {asSentence(text)}
    </p>
  );
}
