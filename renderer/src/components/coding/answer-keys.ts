/**
 * Selecting text in an answer with the keyboard. The answer is read-only, so the
 * browser gives it no caret of its own: these keys move the selection as a text field
 * would (Shift+Arrow by character, Ctrl/Alt+Shift+Arrow by word, Shift+Home/End to the
 * line's edge, Ctrl/Cmd+A the whole answer), and Enter opens the codes under it.
 */
import type { KeyboardEvent } from "react";
import type { AnswerId, Segment, SegmentId } from "../../../../shared/domain.ts";
import { nextBoundary } from "../../../../shared/text/boundaries.ts";
import { splitLines } from "../../../../shared/text/highlights.ts";
import { segmentsOver } from "../../coding/segments.ts";
import { useCoding } from "../../stores/coding.ts";
import { anchorAt, usePanels, type Anchor } from "../../stores/coding-panels.ts";
import {
  domSelectionOffsets,
  passageRect,
  selectInAnswer,
  syncSelection,
} from "./answer-editors.ts";

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const line = splitLines(text).find((l) => offset >= l.start && offset <= l.end);
  return line ?? { start: 0, end: text.length };
}

function select(answerId: AnswerId, anchor: number, focus: number): void {
  selectInAnswer(answerId, anchor, focus);
  syncSelection();
}

/** Handles a key pressed in an answer's text; true when it did something. */
export function handleAnswerKey(
  event: KeyboardEvent<HTMLElement>,
  answerId: AnswerId,
  text: string,
  segments: readonly Segment[],
): boolean {
  const primary = event.ctrlKey || event.metaKey;
  const current = domSelectionOffsets(answerId) ?? { anchor: 0, focus: 0 };
  const { anchor, focus } = current;
  switch (event.key) {
    case "ArrowLeft":
    case "ArrowRight": {
      const direction = event.key === "ArrowRight" ? "forward" : "backward";
      const unit = primary || event.altKey ? "word" : "character";
      if (event.shiftKey) {
        select(answerId, anchor, nextBoundary(text, focus, unit, direction));
      } else if (anchor !== focus && unit === "character") {
        const edge = direction === "forward" ? Math.max(anchor, focus) : Math.min(anchor, focus);
        select(answerId, edge, edge);
      } else {
        const caret = nextBoundary(text, focus, unit, direction);
        select(answerId, caret, caret);
      }
      return true;
    }
    case "Home":
    case "End": {
      const bounds = primary ? { start: 0, end: text.length } : lineBounds(text, focus);
      const to = event.key === "Home" ? bounds.start : bounds.end;
      select(answerId, event.shiftKey ? anchor : to, to);
      return true;
    }
    case "a":
    case "A":
      if (!primary || event.altKey) return false;
      select(answerId, 0, text.length);
      return true;
    case "Enter":
      return openCodesAt(answerId, segments, Math.min(anchor, focus), Math.max(anchor, focus));
    case "Escape":
      if (anchor === focus) return false;
      select(answerId, focus, focus);
      return true;
    default:
      return false;
  }
}

/** Opens the popover on the segments over a passage (or a caret); false if there are none. */
export function openCodesAt(
  answerId: AnswerId,
  segments: readonly Segment[],
  start: number,
  end: number,
): boolean {
  const over = segmentsOver(segments, start, end);
  if (over.length === 0) return false;
  const rect = passageRect(answerId, start, Math.max(end, start));
  const anchor = rect ? anchorAt(rect, 6) : { x: 200, y: 200 };
  openPopover(answerId, over, anchor);
  return true;
}

export function openPopover(
  answerId: AnswerId,
  segments: readonly Segment[],
  anchor: Anchor,
): void {
  useCoding.getState().setActiveAnswer(answerId);
  const ids: SegmentId[] = segments.map((s) => s.id);
  usePanels.getState().openPopover(answerId, ids, anchor);
}
