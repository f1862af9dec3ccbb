/** Placeholder: its owner replaces it (issue 9). */
export function UnlockDialog() {
  return null;
}
