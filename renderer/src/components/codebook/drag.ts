/**
 * Dragging a code in the tree with the mouse: onto a row's middle makes it a child,
 * onto a row's top or bottom edge puts it before or after (a line shows where), onto its
 * own branch is refused. Pointer events, not the browser's drag and drop: the rows keep
 * the text selection by refusing mousedown, which would also stop a native drag.
 */
import type { PointerEvent as ReactPointerEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { dropMove, dropZoneAt, isWithin, placeOf, type DropZone } from "../../codebook/moves.ts";
import { useCodebook, type DragState } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { focusCodeRow } from "./focus.ts";

/** Pixels the pointer travels before a press becomes a drag (a click stays a click). */
const THRESHOLD = 5;

/** What a drop at (x, y) would do with `sourceId`. */
function dropAt(sourceId: CodeId, x: number, y: number): DragState {
  const none = { sourceId, x, y, overId: null, zone: null, target: null, refused: false };
  const row = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-code-row]");
  if (!row) return none;
  const tree = useProject.getState().codes;
  let overId = Number(row.dataset.codeRow) as CodeId;
  const rect = row.getBoundingClientRect();
  let zone: DropZone = dropZoneAt(y - rect.top, rect.height);
  // Under an open category the line sits above its first child: it goes there.
  const over = placeOf(tree, overId)?.node;
  const firstChild = over?.children[0];
  if (zone === "after" && firstChild && !useCodebook.getState().collapsed.has(overId)) {
    overId = firstChild.id;
    zone = "before";
  }
  if (overId === sourceId) return none;
  if (isWithin(tree, sourceId, overId)) return { ...none, overId, zone, refused: true };
  return { ...none, overId, zone, target: dropMove(tree, sourceId, overId, zone) };
}

/** The click that ends a drag is not a click on the code (it would apply it). */
function swallowNextClick(): void {
  const stop = (event: Event) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener("click", stop, { capture: true, once: true });
  setTimeout(() => window.removeEventListener("click", stop, { capture: true }), 0);
}

/** Starts following a press on a code's row; it becomes a drag once the pointer moves. */
export function pressOnRow(event: ReactPointerEvent<HTMLElement>, codeId: CodeId): void {
  if (event.button !== 0) return;
  const target = event.target as HTMLElement;
  if (target.closest("input, .pin, .code-more, .twisty")) return;
  const from = { x: event.clientX, y: event.clientY };
  let dragging = false;
  const { setDrag } = useCodebook.getState();

  const onMove = (move: PointerEvent) => {
    if (!dragging && Math.hypot(move.clientX - from.x, move.clientY - from.y) < THRESHOLD) return;
    dragging = true;
    document.body.classList.add("dragging-code");
    setDrag(dropAt(codeId, move.clientX, move.clientY));
  };
  const finish = (drop: boolean) => {
    document.removeEventListener("pointermove", onMove);
    document.removeEventListener("pointerup", onUp);
    document.removeEventListener("pointercancel", onCancel);
    window.removeEventListener("keydown", onKey, { capture: true });
    document.body.classList.remove("dragging-code");
    const last = useCodebook.getState().drag;
    setDrag(null);
    if (!dragging) return;
    swallowNextClick();
    if (drop && last?.target) {
      const move = last.target;
      void useCodebook
        .getState()
        .move(codeId, move)
        .then((moved) => moved && focusCodeRow(codeId));
    }
  };
  const onUp = () => finish(true);
  const onCancel = () => finish(false);
  const onKey = (key: KeyboardEvent) => {
    if (key.key !== "Escape" || !dragging) return;
    key.preventDefault();
    key.stopPropagation();
    finish(false);
  };
  document.addEventListener("pointermove", onMove);
  document.addEventListener("pointerup", onUp);
  document.addEventListener("pointercancel", onCancel);
  window.addEventListener("keydown", onKey, { capture: true });
}
