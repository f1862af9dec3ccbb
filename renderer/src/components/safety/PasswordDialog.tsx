/** Placeholder: its owner replaces it (issue 9). */
export function PasswordDialog() {
  return null;
}
