/**
 * The window's coding keys, when no text field has the keyboard:
 *   K (or Ctrl/Cmd+K)  quick picker for the selection     1-9  apply a shortcut code
 *   W                  quick picker for the whole answer  I    in-vivo code
 *   Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y                  undo and redo the project
 * In a text field these keys type, and Ctrl+Z undoes the typing. The desktop's Edit
 * menu sends undo/redo as "menu.command" (it takes Ctrl+Z there); this window decides
 * whether that means the text field's own undo or the project's.
 */
import type { MenuCommand } from "../../../../shared/api/contract.ts";
import { useEffect } from "react";
import { subscribe } from "../../api/client.ts";
import {
  historyCommand,
  isComposing,
  isPlainKey,
  isTextEntry,
  shortcutSlot,
} from "../../coding/keys.ts";
import { useCoding } from "../../stores/coding.ts";
import { focusAnswerText, usePanels } from "../../stores/coding-panels.ts";
import { useEdits } from "../../stores/edits.ts";
import { useExport } from "../../stores/export.ts";
import { useSafety } from "../../stores/safety.ts";
import {
  applyShortcut,
  codeInVivo,
  openPickerForSelection,
  openWholeAnswerPicker,
} from "./actions.ts";
import { syncSelection } from "./answer-editors.ts";

function panelOpen(): boolean {
  const { picker, popover, memo } = usePanels.getState();
  return picker !== null || popover !== null || memo !== null || useCoding.getState().askingCoder;
}

/** Esc with the keyboard outside any panel (it was lost to the page): close them. */
function closePanels(): boolean {
  const panels = usePanels.getState();
  const answerId = panels.popover?.answerId ?? panels.memo?.answerId ?? null;
  if (!panels.popover && !panels.memo) return false;
  panels.closePopover();
  panels.closeMemo();
  if (answerId !== null) focusAnswerText(answerId);
  return true;
}

/** Esc outside the answers (the passage may have scrolled away): forget the selection. */
function dropSelection(): boolean {
  if (useCoding.getState().selection === null) return false;
  window.getSelection()?.removeAllRanges();
  useCoding.getState().select(null);
  return true;
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || isComposing(event)) return;
  const history = historyCommand(event);
  if (history) {
    if (isTextEntry(event.target)) return;
    event.preventDefault();
    void useEdits.getState()[history]();
    return;
  }
  if (event.key === "Escape" && !isTextEntry(event.target) && (closePanels() || dropSelection())) {
    event.preventDefault();
    return;
  }
  if (isTextEntry(event.target) || panelOpen()) return;
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key === "k") {
    event.preventDefault();
    openPickerForSelection();
    return;
  }
  if (!isPlainKey(event)) return;
  const slot = shortcutSlot(event);
  if (slot !== null) {
    event.preventDefault();
    void applyShortcut(slot);
    return;
  }
  const action = { k: openPickerForSelection, w: openWholeAnswerPicker, i: codeInVivo }[key];
  if (action && !event.shiftKey) {
    event.preventDefault();
    void action();
  }
}

function onMenuCommand({ command }: { readonly command: MenuCommand }): void {
  switch (command) {
    case "undo":
    case "redo":
      if (isTextEntry(document.activeElement)) {
        // The text field's own undo, as the menu item would do in any other app.
        document.execCommand(command);
        return;
      }
      void useEdits.getState()[command]();
      return;
    case "export":
      useExport.getState().show("export");
      return;
    case "import-refi":
      useExport.getState().show("import-refi");
      return;
    case "prepare-coder":
    case "merge-coder":
      // CoderFileDialogs listens for these itself.
      return;
    case "restore-backup":
      useSafety.getState().show({ kind: "restore" });
      return;
    case "password":
      useSafety.getState().show({ kind: "password" });
      return;
    case "pseudonymise":
      useSafety.getState().show({ kind: "pseudonymise" });
      return;
  }
}

export function useCodingKeys(): void {
  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("selectionchange", syncSelection);
    const unsubscribe = subscribe("menu.command", onMenuCommand);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("selectionchange", syncSelection);
      unsubscribe();
    };
  }, []);
}
