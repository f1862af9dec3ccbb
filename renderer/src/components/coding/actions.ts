/**
 * The coding actions a key, a button or the codebook can start: they read the current
 * selection (from the browser itself, which the store may trail by a moment), open the
 * picker where the passage is, and tidy up after a code is applied.
 */
import { inVivoName } from "../../../../shared/codes/in-vivo.ts";
import type { AnswerId } from "../../../../shared/domain.ts";
import { useAnswers } from "../../stores/answers.ts";
import {
  currentShortcuts,
  useCoding,
  type CodeRef,
  type CodingTarget,
} from "../../stores/coding.ts";
import { anchorAt, focusAnswerText, usePanels, type Anchor } from "../../stores/coding-panels.ts";
import { useEdits } from "../../stores/edits.ts";
import { passageRect, selectionFromDom, syncSelection } from "./answer-editors.ts";

function announce(text: string): void {
  useEdits.getState().announce(text);
}

/** The selected passage now, from the browser if it has one, else as last known. */
export function currentSelection() {
  return syncSelection() ?? useCoding.getState().selection;
}

function anchorUnder(answerId: AnswerId, start: number, end: number): Anchor {
  const rect = passageRect(answerId, start, end);
  if (rect) return anchorAt(rect, 6);
  return anchorOfAnswer(answerId);
}

function anchorOfAnswer(answerId: AnswerId): Anchor {
  const element = document.querySelector(`[data-answer-text="${answerId}"]`);
  const rect = element?.getBoundingClientRect();
  return rect ? { x: rect.left, y: rect.top + 26, above: rect.top } : { x: 240, y: 160 };
}

function samePassage(a: CodingTarget | null, b: CodingTarget | null): boolean {
  return a?.answerId === b?.answerId && a?.start === b?.start && a?.end === b?.end;
}

/**
 * Applies a code, then clears the selection so the new highlight shows. A passage
 * selected while the code was on its way is the coder's next one: it stays selected,
 * and the keyboard stays where it is.
 */
export async function applyCode(code: CodeRef, target: CodingTarget): Promise<boolean> {
  const before = selectionFromDom();
  const applied = await useCoding.getState().apply(code, target);
  if (!applied) return applied;
  const now = selectionFromDom();
  const untouched = samePassage(now, target) || samePassage(now, before);
  if (untouched) {
    if (now !== null) window.getSelection()?.removeAllRanges();
    focusAnswerText(target.answerId);
  }
  const stored = useCoding.getState().selection;
  if (samePassage(stored, target) || samePassage(stored, before)) useCoding.getState().select(null);
  return applied;
}

export function openPickerForSelection(): void {
  const selection = currentSelection();
  if (!selection) {
    announce("Select a passage first, or press W to code the whole answer.");
    return;
  }
  usePanels
    .getState()
    .openPicker(
      { kind: "apply", target: selection },
      anchorUnder(selection.answerId, selection.start, selection.end),
    );
}

export function openWholeAnswerPicker(): void {
  const answerId = currentSelection()?.answerId ?? useCoding.getState().activeAnswerId;
  if (answerId === null) {
    announce("Click or select in an answer first.");
    return;
  }
  usePanels.getState().openPicker({ kind: "whole", answerId }, anchorOfAnswer(answerId));
}

export async function applyToSelection(code: CodeRef): Promise<void> {
  const selection = currentSelection();
  if (!selection) {
    announce("Select a passage first, then choose the code.");
    return;
  }
  await applyCode(code, selection);
}

export async function applyShortcut(slot: number): Promise<void> {
  const codeId = currentShortcuts()[slot];
  if (codeId === undefined) {
    announce(`No code on key ${slot + 1} yet: pin codes in the codebook.`);
    return;
  }
  await applyToSelection({ id: codeId });
}

/** In-vivo coding: the selected words become a new top-level code, applied to them. */
export async function codeInVivo(): Promise<void> {
  const selection = currentSelection();
  const row = selection
    ? useAnswers.getState().rows.find((r) => r.answerId === selection.answerId)
    : undefined;
  if (!selection || !row) {
    announce("Select the words that name the code first.");
    return;
  }
  const name = inVivoName(row.text.slice(selection.start, selection.end));
  if (name === null) {
    announce("The selection has no words to name a code.");
    return;
  }
  await applyCode({ path: [name] }, selection);
}
