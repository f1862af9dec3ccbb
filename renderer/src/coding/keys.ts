/** Keyboard helpers for the coding shortcuts: which keys mean what, and where typing goes. */

/** True when keys typed now go into a text field, whose own shortcuts then win. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color"].includes(
    target.type,
  );
}

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Ctrl+Z / Cmd+Z undo; Shift+Ctrl+Z, Cmd+Shift+Z and Ctrl+Y redo. */
export function historyCommand(event: KeyLike): "undo" | "redo" | null {
  const primary = event.ctrlKey || event.metaKey;
  if (!primary || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}

/** A plain key press: no Ctrl, Cmd or Alt (Shift allowed for capitals). */
export function isPlainKey(event: KeyLike): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** The number key 1-9 as a 0-based shortcut slot, or null. */
export function shortcutSlot(event: KeyLike & { readonly code?: string }): number | null {
  if (!isPlainKey(event) || event.shiftKey) return null;
  const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : null;
  return digit === null ? null : digit - 1;
}

interface ComposingLike {
  readonly isComposing?: boolean;
  readonly keyCode?: number;
}

/**
 * True while an input method (Japanese, Chinese, Korean...) is composing: its Enter
 * commits the composed text and its Esc cancels it, so they must not also act. Chromium
 * and Safari report 229 as the keyCode of such keys, Safari even for the committing one.
 */
export function isComposing(event: ComposingLike): boolean {
  return event.isComposing === true || event.keyCode === 229;
}
