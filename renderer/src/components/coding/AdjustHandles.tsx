/**
 * Drag handles at both ends of the segment open in the popover. Dragging one moves that
 * edge to the character under the pointer, with a live preview of the highlight; letting
 * go saves the new edges (one undoable step).
 */
import { useState, type PointerEvent as ReactPointerEvent } from "react";
import type { AnswerId, Segment } from "../../../../shared/domain.ts";
import { dragEdge, type Edge } from "../../coding/adjust.ts";
import { usePanels } from "../../stores/coding-panels.ts";
import { offsetAtPoint } from "./answer-editors.ts";
import { commitAdjust } from "./commit-adjust.ts";
import type { SegmentGeometry } from "./useSegmentGeometry.ts";

interface Props {
  readonly answerId: AnswerId;
  readonly text: string;
  /** The segment as stored. */
  readonly segment: Segment;
  /** Its edges as shown now (the preview while dragging). */
  readonly shown: { readonly start: number; readonly end: number };
  readonly geometry: SegmentGeometry;
}

export function AdjustHandles({ answerId, text, segment, shown, geometry }: Props) {
  const [dragging, setDragging] = useState<Edge | null>(null);

  const begin = (edge: Edge) => (event: ReactPointerEvent<HTMLSpanElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    setDragging(edge);
    let range = { start: shown.start, end: shown.end };
    const move = (e: PointerEvent) => {
      const offset = offsetAtPoint(answerId, e.clientX, e.clientY);
      if (offset === null) return;
      const next = dragEdge(text, range, edge, offset);
      if (next.start === range.start && next.end === range.end) return;
      range = next;
      usePanels.getState().setPreview({ answerId, segmentId: segment.id, ...next });
    };
    const end = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
      setDragging(null);
      void commitAdjust(segment, range.start, range.end);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
  };

  const { first, last } = geometry;
  return (
    <>
      <span
        className={`adjust-handle start${dragging === "start" ? " dragging" : ""}`}
        style={{ left: first.left - 5, top: first.top, height: first.bottom - first.top }}
        onPointerDown={begin("start")}
        title="Drag to move the start"
        aria-hidden="true"
      />
      <span
        className={`adjust-handle end${dragging === "end" ? " dragging" : ""}`}
        style={{ left: last.right - 3, top: last.top, height: last.bottom - last.top }}
        onPointerDown={begin("end")}
        title="Drag to move the end"
        aria-hidden="true"
      />
    </>
  );
}
