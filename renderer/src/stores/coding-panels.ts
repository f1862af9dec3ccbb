/**
 * The floating panels of coding, one of each at a time: the quick picker, the segment
 * popover (with a live preview while a segment's edges move) and the memo editor of an
 * answer or respondent. Rows read only the part about their own answer.
 */
import { create } from "zustand";
import type { AnswerId, SegmentId } from "../../../shared/domain.ts";
import type { TextSelection } from "./coding.ts";

export type PickerMode =
  | { readonly kind: "apply"; readonly target: TextSelection }
  | { readonly kind: "whole"; readonly answerId: AnswerId }
  | { readonly kind: "recode"; readonly answerId: AnswerId; readonly segmentId: SegmentId };

/** Where a panel opens: a point on screen (viewport pixels), usually under its cause. */
export interface Anchor {
  readonly x: number;
  readonly y: number;
  /** The top of what opened the panel: it opens above this when there is no room below. */
  readonly above?: number;
}

/** Under an element (a button, a highlight's line box), or above it if need be. */
export function anchorAt(rect: DOMRect | DOMRectReadOnly, gap = 4): Anchor {
  return { x: rect.left, y: rect.bottom + gap, above: rect.top };
}

export interface PickerState {
  readonly mode: PickerMode;
  readonly anchor: Anchor;
}

export interface PopoverState {
  readonly answerId: AnswerId;
  /** The segments covering the spot clicked, in the order shown. */
  readonly segmentIds: readonly SegmentId[];
  /** The segment whose edges the handles and arrow keys move. */
  readonly activeId: SegmentId | null;
  readonly anchor: Anchor;
}

/** A segment's edges while being moved, before the core has them. */
export interface AdjustPreview {
  readonly answerId: AnswerId;
  readonly segmentId: SegmentId;
  readonly start: number;
  readonly end: number;
}

export interface MemoEditorState {
  readonly kind: "answer" | "respondent";
  readonly answerId: AnswerId;
  readonly anchor: Anchor;
}

interface PanelsState {
  readonly picker: PickerState | null;
  readonly popover: PopoverState | null;
  readonly preview: AdjustPreview | null;
  readonly memo: MemoEditorState | null;
  openPicker(mode: PickerMode, anchor: Anchor): void;
  closePicker(): void;
  openPopover(answerId: AnswerId, segmentIds: readonly SegmentId[], anchor: Anchor): void;
  closePopover(): void;
  setActiveSegment(segmentId: SegmentId | null): void;
  setPreview(preview: AdjustPreview | null): void;
  /** An edit gave a segment a new id (a merge): the popover follows it. */
  replaceSegment(oldId: SegmentId, newId: SegmentId): void;
  /** Segments removed: the popover drops them, and closes when none is left. */
  dropSegments(ids: readonly SegmentId[]): void;
  openMemo(kind: MemoEditorState["kind"], answerId: AnswerId, anchor: Anchor): void;
  closeMemo(): void;
}

export const usePanels = create<PanelsState>()((set) => ({
  picker: null,
  popover: null,
  preview: null,
  memo: null,

  openPicker(mode, anchor) {
    set({ picker: { mode, anchor }, memo: null });
  },
  closePicker() {
    set({ picker: null });
  },
  openPopover(answerId, segmentIds, anchor) {
    set({
      popover: { answerId, segmentIds, activeId: segmentIds[0] ?? null, anchor },
      preview: null,
      picker: null,
      memo: null,
    });
  },
  closePopover() {
    set({ popover: null, preview: null });
  },
  setActiveSegment(segmentId) {
    set((s) =>
      s.popover ? { popover: { ...s.popover, activeId: segmentId }, preview: null } : {},
    );
  },
  setPreview(preview) {
    set({ preview });
  },
  replaceSegment(oldId, newId) {
    set((s) => {
      if (!s.popover) return {};
      const ids = s.popover.segmentIds.map((id) => (id === oldId ? newId : id));
      const activeId = s.popover.activeId === oldId ? newId : s.popover.activeId;
      return { popover: { ...s.popover, segmentIds: [...new Set(ids)], activeId } };
    });
  },
  dropSegments(ids) {
    set((s) => {
      if (!s.popover) return {};
      const segmentIds = s.popover.segmentIds.filter((id) => !ids.includes(id));
      if (segmentIds.length === 0) return { popover: null, preview: null };
      const activeId = segmentIds.includes(s.popover.activeId as SegmentId)
        ? s.popover.activeId
        : (segmentIds[0] ?? null);
      return { popover: { ...s.popover, segmentIds, activeId } };
    });
  },
  openMemo(kind, answerId, anchor) {
    set({ memo: { kind, answerId, anchor }, picker: null, popover: null, preview: null });
  },
  closeMemo() {
    set({ memo: null });
  },
}));

/** Puts the keyboard back on an answer's text (after a panel closes). */
export function focusAnswerText(answerId: AnswerId): void {
  const element = document.querySelector<HTMLElement>(`[data-answer-text="${answerId}"]`);
  element?.focus({ preventScroll: true });
}
