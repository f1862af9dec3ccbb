/**
 * The codebook tree's keys (the ARIA tree pattern), on the code the keyboard is on:
 *   Up/Down, Home/End     the previous/next code shown, the first/last
 *   Right/Left            open a closed category or go to its first child / close an
 *                         open one or go to the parent
 *   Enter or Space        apply the code to the selected passage (the row is a button)
 *   F2                    rename              Shift+F10, Menu key   the code's actions
 *   Delete                delete (asks first)
 *   Alt+Up/Down           move among its siblings
 *   Alt+Right / Alt+Left  into the sibling above (last child) / out, after its parent
 */
import type { KeyboardEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { isComposing, isTextEntry } from "../../coding/keys.ts";
import {
  indent,
  moveAmongSiblings,
  outdent,
  placeOf,
  visibleCodes,
  type MoveTarget,
} from "../../codebook/moves.ts";
import { useCodebook } from "../../stores/codebook.ts";
import { useEdits } from "../../stores/edits.ts";
import { useProject } from "../../stores/project.ts";
import { codeRowElement, focusCodeRow } from "./focus.ts";

const MOVES: Record<string, (tree: Parameters<typeof indent>[0], id: CodeId) => MoveTarget | null> =
  {
    ArrowUp: (tree, id) => moveAmongSiblings(tree, id, -1),
    ArrowDown: (tree, id) => moveAmongSiblings(tree, id, 1),
    ArrowRight: indent,
    ArrowLeft: outdent,
  };

const CANNOT: Record<string, string> = {
  ArrowUp: "It is already first among its siblings.",
  ArrowDown: "It is already last among its siblings.",
  ArrowRight: "There is no code above it to move it into.",
  ArrowLeft: "It is already at the top level.",
};

/** Opens a code's actions menu under its row (Shift+F10, the Menu key, the ⋯ button). */
export function openMenuAtRow(codeId: CodeId): void {
  const rect = codeRowElement(codeId)?.getBoundingClientRect();
  const x = rect ? rect.left + 24 : 100;
  const y = rect ? rect.bottom + 2 : 100;
  useCodebook.getState().openMenu({ codeId, x, y });
}

function moveWithKeys(codeId: CodeId, key: string): void {
  const move = MOVES[key];
  if (!move) return;
  const target = move(useProject.getState().codes, codeId);
  if (!target) {
    useEdits.getState().announce(CANNOT[key] ?? "");
    return;
  }
  void useCodebook
    .getState()
    .move(codeId, target)
    .then(() => focusCodeRow(codeId));
}

/** Focus goes to another row: the one the arrows point at. */
function go(codeId: CodeId | undefined): void {
  if (codeId === undefined) return;
  useCodebook.getState().setCurrent(codeId);
  focusCodeRow(codeId);
}

/** Handles a key on the tree; returns true when it used it. */
function handle(event: KeyboardEvent<HTMLElement>, codeId: CodeId): boolean {
  const book = useCodebook.getState();
  const tree = useProject.getState().codes;
  const place = placeOf(tree, codeId);
  if (!place) return false;
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    if (!(event.key in MOVES)) return false;
    moveWithKeys(codeId, event.key);
    return true;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if ((event.key === "F10" && event.shiftKey) || event.key === "ContextMenu") {
    openMenuAtRow(codeId);
    return true;
  }
  if (event.shiftKey) return false;
  const shown = visibleCodes(tree, book.collapsed);
  const at = shown.findIndex((node) => node.id === codeId);
  const open = place.node.children.length > 0 && !book.collapsed.has(codeId);
  switch (event.key) {
    case "ArrowDown":
      go(shown[at + 1]?.id);
      return true;
    case "ArrowUp":
      go(shown[at - 1]?.id);
      return true;
    case "Home":
      go(shown[0]?.id);
      return true;
    case "End":
      go(shown[shown.length - 1]?.id);
      return true;
    case "ArrowRight":
      if (place.node.children.length === 0) return true;
      if (open) go(place.node.children[0]?.id);
      else book.setCollapsed(codeId, false);
      return true;
    case "ArrowLeft":
      if (open) book.setCollapsed(codeId, true);
      else go(place.parent?.id);
      return true;
    case "F2":
      book.setRenaming(codeId);
      return true;
    case "Delete":
      book.openDialog({ kind: "delete", codeId });
      return true;
    default:
      return false;
  }
}

export function onTreeKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (event.defaultPrevented || isComposing(event.nativeEvent)) return;
  if (isTextEntry(event.target)) return;
  const row = (event.target as HTMLElement).closest<HTMLElement>("[data-code-row]");
  if (!row) return;
  if (handle(event, Number(row.dataset.codeRow) as CodeId)) event.preventDefault();
}
