/**
 * A memo's text, saved when the field loses focus or on Ctrl/Cmd+Enter. Emptying it
 * deletes the memo. Another coder's memo is shown, not editable.
 */
import { useEffect, useId, useRef, useState } from "react";

interface Props {
  readonly label: string;
  readonly initial: string;
  readonly readOnly?: boolean;
  readonly autoFocus?: boolean;
  /** Saves the text; resolves false when the save failed (the text stays to retry). */
  readonly onSave: (text: string) => Promise<boolean>;
}

export function MemoField({ label, initial, readOnly = false, autoFocus = false, onSave }: Props) {
  const id = useId();
  const saved = useRef(initial);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const field = useRef<HTMLTextAreaElement>(null);
  const latestSave = useRef(onSave);
  useEffect(() => {
    latestSave.current = onSave;
  });

  // A panel closed by a click elsewhere may unmount the field before it hears the blur.
  useEffect(() => {
    const element = field.current;
    return () => {
      if (element && element.value !== saved.current) void latestSave.current(element.value);
    };
  }, []);

  if (readOnly) {
    return (
      <div className="memo-field">
        <span className="memo-label">{label}</span>
        <p className="memo-readonly">{initial || <em>No memo</em>}</p>
      </div>
    );
  }

  const save = async (text: string) => {
    if (text === saved.current) return;
    const before = saved.current;
    // Counted as saved at once, so the blur and the unmount never save it twice.
    saved.current = text;
    setState("saving");
    const ok = await onSave(text);
    if (!ok) saved.current = before;
    setState(ok ? "saved" : "idle");
  };

  return (
    <div className="memo-field">
      <label className="memo-label" htmlFor={id}>
        {label}
        {state === "saving" && <span className="memo-state"> saving…</span>}
        {state === "saved" && <span className="memo-state"> saved</span>}
      </label>
      <textarea
        ref={field}
        id={id}
        defaultValue={initial}
        autoFocus={autoFocus}
        rows={3}
        placeholder="Write a note… (saved when you leave the field, or Ctrl+Enter)"
        onBlur={(event) => void save(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save(event.currentTarget.value);
          } else if (event.key === "Escape") {
            void save(event.currentTarget.value);
          }
        }}
      />
    </div>
  );
}
