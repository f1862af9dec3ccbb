/**
 * Moving a segment's edges from the keyboard: its start and end are two sliders. Arrow
 * keys move an edge by a character, Ctrl/Alt+Arrow by a word, with a live preview of
 * the highlight; Enter (or Save) keeps the change as one undoable step, Esc drops it.
 * The handles at both ends of the highlight do the same with the mouse.
 */
import type { KeyboardEvent } from "react";
import type { AnswerRow, Segment } from "../../../../shared/domain.ts";
import type { BoundaryDirection, BoundaryUnit } from "../../../../shared/text/boundaries.ts";
import { moveEdge, type Edge } from "../../coding/adjust.ts";
import { usePanels } from "../../stores/coding-panels.ts";
import { commitAdjust } from "./commit-adjust.ts";

interface Props {
  readonly row: AnswerRow;
  readonly segment: Segment;
}

export function EdgeControls({ row, segment }: Props) {
  const preview = usePanels((s) => (s.preview?.segmentId === segment.id ? s.preview : null));
  const range = preview ?? segment;
  const changed = range.start !== segment.start || range.end !== segment.end;

  const move = (edge: Edge, unit: BoundaryUnit, direction: BoundaryDirection) => {
    const next = moveEdge(row.text, range, edge, unit, direction);
    usePanels.getState().setPreview({ answerId: row.answerId, segmentId: segment.id, ...next });
  };
  const save = () => void commitAdjust(segment, range.start, range.end);
  const revert = () => usePanels.getState().setPreview(null);

  const onKeyDown = (edge: Edge) => (event: KeyboardEvent<HTMLDivElement>) => {
    const unit: BoundaryUnit =
      event.ctrlKey || event.altKey || event.metaKey ? "word" : "character";
    if (event.key === "ArrowLeft" || event.key === "ArrowDown") {
      move(edge, unit, "backward");
    } else if (event.key === "ArrowRight" || event.key === "ArrowUp") {
      move(edge, unit, "forward");
    } else if (event.key === "Enter") {
      save();
    } else if (event.key === "Escape" && changed) {
      revert();
    } else {
      return;
    }
    event.preventDefault();
  };

  const slider = (edge: Edge) => {
    const at = edge === "start" ? range.start : range.end;
    const name = edge === "start" ? "Start" : "End";
    const context =
      edge === "start" ? row.text.slice(at, at + 16) : row.text.slice(Math.max(0, at - 16), at);
    return (
      <div className="edge-control">
        <button
          type="button"
          aria-label={`Move the ${edge} back a character`}
          onClick={(e) => move(edge, e.altKey || e.ctrlKey ? "word" : "character", "backward")}
        >
          ◀
        </button>
        <div
          role="slider"
          tabIndex={0}
          className="edge-slider"
          aria-label={`${name} of the passage`}
          aria-valuemin={0}
          aria-valuemax={row.text.length}
          aria-valuenow={at}
          aria-valuetext={`${name} at character ${at}: ${edge === "start" ? `“${context}…”` : `“…${context}”`}`}
          onKeyDown={onKeyDown(edge)}
        >
          {name}
        </div>
        <button
          type="button"
          aria-label={`Move the ${edge} forward a character`}
          onClick={(e) => move(edge, e.altKey || e.ctrlKey ? "word" : "character", "forward")}
        >
          ▶
        </button>
      </div>
    );
  };

  return (
    <div className="edge-controls" role="group" aria-label="Adjust the passage">
      {slider("start")}
      {slider("end")}
      <div className="edge-actions">
        <button type="button" className="primary" disabled={!changed} onClick={save}>
          Save
        </button>
        <button type="button" disabled={!changed} onClick={revert}>
          Cancel
        </button>
      </div>
      <p className="panel-hint">
        Drag the handles, or focus Start/End: ←→ a character, Ctrl+←→ a word, Enter saves.
      </p>
    </div>
  );
}
