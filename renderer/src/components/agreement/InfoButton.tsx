/**
 * The ⓘ (a circled "i": the glyph itself is missing from common fonts) beside a column header or a level: one click opens a short plain explanation
 * of the coefficient or the unit (renderer/src/agreement/explanations.ts); Escape, a
 * click elsewhere or the button again closes it, and focus returns to the button.
 */
import { useEffect, useId, useRef, useState } from "react";
import { EXPLANATIONS, type ExplanationId } from "../../agreement/explanations.ts";

interface Props {
  readonly id: ExplanationId;
  /** Which edge the panel lines up with: the last columns open towards the left. */
  readonly align?: "start" | "end";
}

export function InfoButton({ id, align = "start" }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const explanation = EXPLANATIONS[id];

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <span className="agreement-info" ref={root}>
      <button
        type="button"
        ref={button}
        className="agreement-info-button"
        aria-label={`What is ${explanation.title}?`}
        title={`What is ${explanation.title}?`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        i
      </button>
      {open && (
        <div
          id={panelId}
          className={`agreement-info-panel align-${align}`}
          role="dialog"
          aria-label={explanation.title}
        >
          <h4>{explanation.title}</h4>
          {explanation.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      )}
    </span>
  );
}
