/**
 * A memo's text, saved when the field loses focus or on Ctrl/Cmd+Enter. Emptying it
 * deletes the memo. Another coder's memo is shown, not editable.
 *
 * The stored memo can change while the field is open (an edge moved onto another
 * segment merges both memos; an undo; another window). The field then shows the new
 * text, unless the coder has typed something not saved yet: that stays, and a note
 * shows the new stored text, so saving never silently replaces text the coder never saw.
 */
import { useEffect, useId, useRef, useState } from "react";
import { isComposing } from "../../coding/keys.ts";

interface Props {
  readonly label: string;
  /** The memo as stored now. */
  readonly initial: string;
  readonly readOnly?: boolean;
  readonly autoFocus?: boolean;
  /** Saves the text; resolves false when the save failed (the text stays to retry). */
  readonly onSave: (text: string) => Promise<boolean>;
}

export function MemoField({ label, initial, readOnly = false, autoFocus = false, onSave }: Props) {
  if (readOnly) {
    return (
      <div className="memo-field">
        <span className="memo-label">{label}</span>
        <p className="memo-readonly">{initial || <em>No memo</em>}</p>
      </div>
    );
  }
  return <EditableMemo label={label} initial={initial} autoFocus={autoFocus} onSave={onSave} />;
}

function EditableMemo({ label, initial, autoFocus, onSave }: Omit<Props, "readOnly">) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  /** The stored text the draft is an edit of: the draft has unsaved edits when it differs. */
  const [base, setBase] = useState(initial);
  /** The last stored text heard of, to notice when it changes. */
  const [heard, setHeard] = useState(initial);
  /** A stored text that changed under unsaved edits: shown, not put in the field. */
  const [theirs, setTheirs] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");

  if (initial !== heard) {
    setHeard(initial);
    if (initial !== base) {
      // Not the echo of this field's own save: someone else's change.
      setBase(initial);
      if (draft === base || draft === initial) {
        setDraft(initial);
        setTheirs(null);
      } else {
        setTheirs(initial);
      }
    }
  }

  // What the file holds as far as the handlers know, read without waiting for a render:
  // the blur and the unmount must never save the same text twice.
  const saved = useRef(base);
  const latest = useRef({ draft, onSave });
  useEffect(() => {
    saved.current = base;
    latest.current = { draft, onSave };
  });

  // A panel closed by a click elsewhere may unmount the field before it hears the blur.
  useEffect(
    () => () => {
      const { draft: text, onSave: save } = latest.current;
      if (text !== saved.current) void save(text);
    },
    [],
  );

  const save = async (text: string) => {
    if (text === saved.current) return;
    const before = saved.current;
    // Counted as saved at once, so the blur and the unmount never save it twice.
    saved.current = text;
    setBase(text);
    setTheirs(null);
    setState("saving");
    const ok = await onSave(text);
    if (!ok) {
      saved.current = before;
      setBase(before);
    }
    setState(ok ? "saved" : "idle");
  };

  const takeTheirs = () => {
    if (theirs === null) return;
    setDraft(theirs);
    setTheirs(null);
  };

  return (
    <div className="memo-field">
      <label className="memo-label" htmlFor={id}>
        {label}
        {state === "saving" && <span className="memo-state"> saving…</span>}
        {state === "saved" && theirs === null && <span className="memo-state"> saved</span>}
      </label>
      {theirs !== null && (
        <div className="memo-conflict" role="alert">
          <p>
            This memo changed while you were writing. It now reads{" "}
            {theirs.trim() === "" ? <em>(empty)</em> : <q>{theirs}</q>}. Saving puts your text in
            its place.
          </p>
          <button
            type="button"
            // The field keeps the keyboard: leaving it would save the text being replaced.
            onMouseDown={(event) => event.preventDefault()}
            onClick={takeTheirs}
          >
            Use the new text
          </button>
        </div>
      )}
      <textarea
        id={id}
        value={draft}
        autoFocus={autoFocus}
        rows={3}
        placeholder="Write a note… (saved when you leave the field, or Ctrl+Enter)"
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={(event) => void save(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter and Esc of an input method finish or cancel the word being composed.
          if (isComposing(event.nativeEvent)) return;
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
