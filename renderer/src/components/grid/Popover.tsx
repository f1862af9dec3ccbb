/**
 * A toolbar button that opens a small panel below it; the panel closes on Escape, on a
 * click elsewhere, or when its button is pressed again. Focus returns to the button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface PopoverProps {
  /** The button's text. */
  readonly label: ReactNode;
  /** The button's name for assistive technology, when its text is not enough. */
  readonly ariaLabel?: string;
  readonly active?: boolean;
  readonly align?: "start" | "end";
  readonly panelLabel: string;
  readonly children: ReactNode;
}

export function Popover({
  label,
  ariaLabel,
  active = false,
  align = "start",
  panelLabel,
  children,
}: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

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
    <div className="grid-popover" ref={root}>
      <button
        type="button"
        ref={button}
        className={`grid-button${active ? " active" : ""}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={ariaLabel}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          className={`grid-popover-panel align-${align}`}
          role="dialog"
          aria-label={panelLabel}
        >
          {children}
        </div>
      )}
    </div>
  );
}
