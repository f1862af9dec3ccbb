/** Puts the keyboard on a code's row once the tree shows it (after an edit's re-render). */
export function focusCodeRow(codeId: number, attempts = 10): void {
  requestAnimationFrame(() => {
    const button = document.querySelector<HTMLElement>(
      `.codebook [data-code-row="${codeId}"] .code-name`,
    );
    if (button) button.focus();
    else if (attempts > 0) focusCodeRow(codeId, attempts - 1);
  });
}

/** The row element of a code, for anchoring its menu. */
export function codeRowElement(codeId: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.codebook [data-code-row="${codeId}"]`);
}
