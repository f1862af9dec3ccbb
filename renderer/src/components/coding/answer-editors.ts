/**
 * Between the browser's selection and offsets in the stored answer text. Every answer
 * on screen is its own read-only Slate editor; this registry finds the editor an
 * on-screen node belongs to, so a DOM selection or a point under the pointer maps to a
 * Slate point (block index + offset), then to a whole-text offset with the pure
 * functions of shared/text/selection.ts (UTF-16, end exclusive, whole graphemes).
 */
import type { BasePoint } from "slate";
import { ReactEditor } from "slate-react";
import type { AnswerId } from "../../../../shared/domain.ts";
import {
  offsetOfPoint,
  pointOfOffset,
  selectionToRange,
  type LinePoint,
} from "../../../../shared/text/selection.ts";
import { isTextEntry } from "../../coding/keys.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useCoding, type TextSelection } from "../../stores/coding.ts";

interface AnswerEditor {
  readonly editor: ReactEditor;
  readonly text: string;
}

const editors = new Map<AnswerId, AnswerEditor>();

/** Registers an on-screen answer's editor; the returned function unregisters it. */
export function registerEditor(answerId: AnswerId, entry: AnswerEditor): () => void {
  editors.set(answerId, entry);
  return () => {
    if (editors.get(answerId) === entry) editors.delete(answerId);
  };
}

function linePoint(point: BasePoint): LinePoint {
  return { line: point.path[0] ?? 0, offset: point.offset };
}

function slatePoint(text: string, offset: number): BasePoint {
  const { line, offset: within } = pointOfOffset(text, offset);
  return { path: [line, 0], offset: within };
}

/** The answer whose text holds `node`, if any. */
export function answerOfNode(node: Node | null): AnswerId | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const holder = element?.closest<HTMLElement>("[data-answer-text]");
  const id = Number(holder?.dataset.answerText);
  return Number.isInteger(id) && id > 0 ? (id as AnswerId) : null;
}

interface DomSelection {
  readonly answerId: AnswerId;
  readonly text: string;
  readonly anchor: LinePoint;
  readonly focus: LinePoint;
}

/**
 * The browser's selection as Slate points of one answer, or null if it is not in one.
 * One end may lie outside every answer: a triple-click selects a line up to where the
 * next one would begin, which is in the margin beside the text. That end counts as the
 * answer's edge on its side, unless the selection crosses another answer on the way.
 */
function domSelection(answerId?: AnswerId): DomSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const anchorId = answerOfNode(selection.anchorNode);
  const focusId = answerOfNode(selection.focusNode);
  const id = anchorId ?? focusId;
  if (id === null || (answerId !== undefined && id !== answerId)) return null;
  if (focusId !== null && focusId !== id) return null;
  const entry = editors.get(id);
  if (!entry) return null;
  if (anchorId === focusId) {
    const range = ReactEditor.toSlateRange(entry.editor, selection, {
      exactMatch: false,
      suppressThrow: true,
    });
    if (!range) return null;
    return {
      answerId: id,
      text: entry.text,
      anchor: linePoint(range.anchor),
      focus: linePoint(range.focus),
    };
  }
  const inside = anchorId === id ? selection.anchorNode : selection.focusNode;
  const insideOffset = anchorId === id ? selection.anchorOffset : selection.focusOffset;
  const outside = anchorId === id ? selection.focusNode : selection.anchorNode;
  const outsideOffset = anchorId === id ? selection.focusOffset : selection.anchorOffset;
  const holder = holderOf(id);
  if (!inside || !outside || !holder) return null;
  if (crossesAnotherAnswer(selection.getRangeAt(0), holder)) return null;
  const point = ReactEditor.toSlatePoint(entry.editor, [inside, insideOffset], {
    exactMatch: false,
    suppressThrow: true,
  });
  if (!point) return null;
  const edge = edgeToward(holder, entry.text, outside, outsideOffset);
  const clamped = linePoint(point);
  return {
    answerId: id,
    text: entry.text,
    anchor: anchorId === id ? clamped : edge,
    focus: anchorId === id ? edge : clamped,
  };
}

function holderOf(answerId: AnswerId): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-answer-text="${answerId}"]`);
}

/** The answer's first point if (node, offset) comes before its text, else its last. */
function edgeToward(holder: HTMLElement, text: string, node: Node, offset: number): LinePoint {
  const span = document.createRange();
  span.selectNodeContents(holder);
  return span.comparePoint(node, offset) < 0
    ? { line: 0, offset: 0 }
    : pointOfOffset(text, text.length);
}

function crossesAnotherAnswer(range: Range, holder: HTMLElement): boolean {
  for (const other of document.querySelectorAll("[data-answer-text]")) {
    if (other !== holder && range.intersectsNode(other)) return true;
  }
  return false;
}

/** The selection's anchor and focus as whole-text offsets in one answer, or null. */
export function domSelectionOffsets(
  answerId: AnswerId,
): { readonly anchor: number; readonly focus: number } | null {
  const found = domSelection(answerId);
  if (!found) return null;
  return {
    anchor: offsetOfPoint(found.text, found.anchor),
    focus: offsetOfPoint(found.text, found.focus),
  };
}

/** The passage the browser's selection covers in an answer, trimmed and snapped; or null. */
export function selectionFromDom(): TextSelection | null {
  const found = domSelection();
  if (!found) return null;
  const range = selectionToRange(found.text, found.anchor, found.focus);
  return range ? { answerId: found.answerId, ...range } : null;
}

/**
 * Brings the store's selection up to date with the browser's (it may lag a keystroke),
 * and answers the passage selected now.
 */
export function syncSelection(): TextSelection | null {
  const selection = selectionFromDom();
  if (selection === null && keptOffScreen()) return useCoding.getState().selection;
  useCoding.getState().select(selection);
  return selection;
}

/**
 * A passage selected in a row that then scrolled out of the list (which unmounts it)
 * stays selected, as the status bar says: the browser's selection went away with the
 * row's text, the coder's did not. A caret or a selection in another answer replaces it.
 */
function keptOffScreen(): boolean {
  const stored = useCoding.getState().selection;
  if (!stored || holderOf(stored.answerId) !== null) return false;
  if (!useAnswers.getState().rows.some((row) => row.answerId === stored.answerId)) return false;
  const selection = window.getSelection();
  return (
    answerOfNode(selection?.anchorNode ?? null) === null &&
    answerOfNode(selection?.focusNode ?? null) === null
  );
}

/**
 * Puts the selected passage back into an answer's text when a render took it away: the
 * row came back on screen after scrolling away, or its highlights changed under it (a
 * code applied meanwhile redraws the text). Left alone while the coder selects in
 * another answer or types in a field.
 */
export function restoreSelection(answerId: AnswerId): void {
  const stored = useCoding.getState().selection;
  if (stored?.answerId !== answerId || isTextEntry(document.activeElement)) return;
  const selection = window.getSelection();
  if (!selection) return;
  for (const node of [selection.anchorNode, selection.focusNode]) {
    const elsewhere = answerOfNode(node);
    if (elsewhere !== null && elsewhere !== answerId) return;
  }
  const now = selectionFromDom();
  if (now?.answerId === answerId && now.start === stored.start && now.end === stored.end) return;
  selectInAnswer(answerId, stored.start, stored.end);
}

/** Selects [anchor, focus) of an answer in the browser (focus may come first). */
export function selectInAnswer(answerId: AnswerId, anchor: number, focus: number): boolean {
  const entry = editors.get(answerId);
  const selection = window.getSelection();
  if (!entry || !selection) return false;
  try {
    const [anchorNode, anchorOffset] = ReactEditor.toDOMPoint(
      entry.editor,
      slatePoint(entry.text, anchor),
    );
    const [focusNode, focusOffset] = ReactEditor.toDOMPoint(
      entry.editor,
      slatePoint(entry.text, focus),
    );
    selection.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
    return true;
  } catch {
    // The row scrolled away (its editor unmounted) between asking and doing.
    return false;
  }
}

/** The screen rectangle of a passage of an answer, to open a panel under it. */
export function passageRect(answerId: AnswerId, start: number, end: number): DOMRect | null {
  const entry = editors.get(answerId);
  if (!entry) return null;
  try {
    const range = ReactEditor.toDOMRange(entry.editor, {
      anchor: slatePoint(entry.text, start),
      focus: slatePoint(entry.text, end),
    });
    const rects = [...range.getClientRects()];
    return rects[rects.length - 1] ?? range.getBoundingClientRect();
  } catch {
    return null;
  }
}

/** The text offset under a screen point in an answer (for dragging a segment's edge). */
export function offsetAtPoint(answerId: AnswerId, x: number, y: number): number | null {
  const entry = editors.get(answerId);
  if (!entry) return null;
  const caret = caretAt(x, y);
  if (!caret || answerOfNode(caret.node) !== answerId) return null;
  const point = ReactEditor.toSlatePoint(entry.editor, [caret.node, caret.offset], {
    exactMatch: false,
    suppressThrow: true,
  });
  return point ? offsetOfPoint(entry.text, linePoint(point)) : null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
