/**
 * A toolbar button that opens a small panel below it (closing as usePopover says).
 */
import type { ReactNode } from "react";
import { usePopover } from "./usePopover.ts";

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
  const { open, toggle, root, button, panelId } = usePopover<HTMLDivElement>();

  return (
    <div className="grid-popover" ref={root}>
      <button
        type="button"
        ref={button}
        className={`grid-button${active ? " active" : ""}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={ariaLabel}
        onClick={toggle}
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
