/**
 * "Edit" on a review item: the consensus passages of the code on this answer, chosen by
 * hand. Select text in the answer and "Add passage"; × removes one; Save decides the item
 * with exactly these passages (none left: keep neither). Esc or Cancel leaves it as it was.
 */
import { useEffect, useRef, useState } from "react";
import { MarkedText } from "./MarkedText.tsx";
import { addSpan, removeSpan, selectionIn, type Span } from "./review-text.ts";

interface Props {
  readonly text: string;
  readonly initial: readonly Span[];
  readonly color: string;
  onSave(passages: readonly Span[]): void;
  onCancel(): void;
}

export function ConsensusEditor({ text, initial, color, onSave, onCancel }: Props) {
  const [spans, setSpans] = useState<readonly Span[]>(initial);
  const [selected, setSelected] = useState<Span | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const group = useRef<HTMLDivElement>(null);

  // Opened with the E key, the editor takes the keyboard: Esc reaches it, Tab walks it.
  useEffect(() => group.current?.focus(), []);

  useEffect(() => {
    const sync = () => {
      if (root.current) setSelected(selectionIn(root.current, window.getSelection()));
    };
    document.addEventListener("selectionchange", sync);
    return () => document.removeEventListener("selectionchange", sync);
  }, []);

  const add = () => {
    if (!selected) return;
    setSpans(addSpan(spans, selected));
    window.getSelection()?.removeAllRanges();
    setSelected(null);
  };

  return (
    <div
      className="consensus-editor"
      ref={group}
      tabIndex={-1}
      role="group"
      aria-label="Edit the consensus passages"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p className="review-hint">
        Select text below and press “Add passage”; remove a passage with ×.
      </p>
      <MarkedText
        text={text}
        spans={spans}
        color={color}
        label="Consensus text being edited"
        rootRef={root}
      />
      <ul className="consensus-passages" aria-label="Consensus passages">
        {spans.map((span, index) => (
          <li key={`${span.start}-${span.end}`}>
            <q>{text.slice(span.start, span.end)}</q>
            <button
              type="button"
              aria-label={`Remove “${text.slice(span.start, span.end)}”`}
              onClick={() => setSpans(removeSpan(spans, index))}
            >
              ×
            </button>
          </li>
        ))}
        {spans.length === 0 && <li className="review-none">No passage: saving keeps neither.</li>}
      </ul>
      <div className="review-actions">
        <button
          type="button"
          disabled={!selected}
          // Keep the text selection: the click must not take it away before it is read.
          onMouseDown={(event) => event.preventDefault()}
          onClick={add}
        >
          Add passage
        </button>
        <button type="button" className="primary" onClick={() => onSave(spans)}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
