/** Placeholder: its owner replaces it (issue 9). */
export function DamagedDialog() {
  return null;
}
