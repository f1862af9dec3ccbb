/** Shared behaviour of the floating panels: where they sit, and closing on a click outside. */
import { useEffect, useLayoutEffect, useState, type CSSProperties, type RefObject } from "react";
import type { Anchor } from "../../stores/coding-panels.ts";

const MARGIN = 8;

/**
 * Fixed under its anchor and kept inside the window: a panel that would run off the
 * bottom opens above the anchor instead (above `anchor.above`, the top of what opened
 * it). The panel's real size is measured once it is on screen.
 */
export function useFloatingStyle(
  ref: RefObject<HTMLElement | null>,
  anchor: Anchor,
  width: number,
): CSSProperties {
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setHeight(element.offsetHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  const left = Math.max(MARGIN, Math.min(anchor.x, window.innerWidth - width - MARGIN));
  const tall = height ?? 0;
  const fits = anchor.y + tall + MARGIN <= window.innerHeight;
  const top = fits ? anchor.y : Math.max(MARGIN, (anchor.above ?? anchor.y) - tall - 6);
  // Hidden for the one frame before its height is known, so it never jumps.
  return {
    position: "fixed",
    left,
    top,
    width,
    visibility: height === null ? "hidden" : undefined,
  };
}

/** Clicks that belong to a panel's work (a drag handle, another panel) do not close it. */
const INSIDE = ".floating-panel, .adjust-handle, .dialog";

/** Calls `onDismiss` on a mouse press outside the panel. */
export function useDismiss(ref: RefObject<HTMLElement | null>, onDismiss: () => void): void {
  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element | null;
      if (ref.current?.contains(target as Node)) return;
      if (target?.closest?.(INSIDE)) return;
      onDismiss();
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  });
}
