/**
 * Where each segment's highlight sits in an answer's text, measured in the DOM: its
 * vertical extent (for the margin stripes) and where its first and last characters are
 * (for the drag handles). Highlight pieces carry `data-segments="id id"`; the positions
 * are relative to the text's container, so they hold however the list is scrolled.
 *
 * Slate applies new decorations in a second pass after a render, and the text rewraps
 * when the window is resized: a MutationObserver and a ResizeObserver measure again.
 */
import { useLayoutEffect, useState, type RefObject } from "react";

export interface SegmentGeometry {
  readonly top: number;
  readonly bottom: number;
  /** The first line box: where the passage starts. */
  readonly first: EdgeBox;
  /** The last line box: where the passage ends. */
  readonly last: EdgeBox;
}

export interface EdgeBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export type Geometry = ReadonlyMap<number, SegmentGeometry>;

const EMPTY: Geometry = new Map();

function measure(container: HTMLElement): Map<number, SegmentGeometry> {
  const origin = container.getBoundingClientRect();
  const found = new Map<number, SegmentGeometry>();
  for (const element of container.querySelectorAll<HTMLElement>("[data-segments]")) {
    const ids = (element.dataset.segments ?? "").split(" ").map(Number);
    for (const rect of element.getClientRects()) {
      if (rect.width === 0 && rect.height === 0) continue;
      const box: EdgeBox = {
        left: rect.left - origin.left,
        right: rect.right - origin.left,
        top: rect.top - origin.top,
        bottom: rect.bottom - origin.top,
      };
      for (const id of ids) {
        const known = found.get(id);
        found.set(
          id,
          known
            ? {
                top: Math.min(known.top, box.top),
                bottom: Math.max(known.bottom, box.bottom),
                first: known.first,
                last: box,
              }
            : { top: box.top, bottom: box.bottom, first: box, last: box },
        );
      }
    }
  }
  return found;
}

function sameBox(a: EdgeBox, b: EdgeBox): boolean {
  return a.left === b.left && a.right === b.right && a.top === b.top && a.bottom === b.bottom;
}

function sameGeometry(a: Geometry, b: Geometry): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || x.top !== y.top || x.bottom !== y.bottom) return false;
    if (!sameBox(x.first, y.first) || !sameBox(x.last, y.last)) return false;
  }
  return true;
}

export function useSegmentGeometry(containerRef: RefObject<HTMLElement | null>): Geometry {
  const [geometry, setGeometry] = useState<Geometry>(EMPTY);
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const update = () => {
      const next = measure(container);
      setGeometry((previous) => (sameGeometry(previous, next) ? previous : next));
    };
    // No measuring here: the ResizeObserver's first callback comes right after this
    // layout anyway, and measuring now would force a second layout of every new row.
    const mutations = new MutationObserver(update);
    mutations.observe(container, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-segments"],
    });
    const resizes = new ResizeObserver(update);
    resizes.observe(container);
    return () => {
      mutations.disconnect();
      resizes.disconnect();
    };
  }, [containerRef]);
  return geometry;
}
