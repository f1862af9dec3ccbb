/**
 * Which safety dialog is open: Restore from backup, the project's password, a
 * pseudonymised copy, the password prompt of an encrypted project being opened, or the
 * offer of a backup for a damaged one. Opened from the File menus (a "menu.command" event
 * in the desktop app) and from a failed open.
 */
import { create } from "zustand";

export type SafetyDialog =
  | { readonly kind: "restore" }
  | { readonly kind: "password" }
  | { readonly kind: "pseudonymise" }
  /** An encrypted project asked for its password on open. */
  | { readonly kind: "unlock"; readonly path: string }
  /** A project failed its integrity check on open: offer its latest good backup. */
  | { readonly kind: "damaged"; readonly path: string; readonly message: string };

interface SafetyState {
  readonly dialog: SafetyDialog | null;
  show(dialog: SafetyDialog): void;
  close(): void;
}

export const useSafety = create<SafetyState>((set) => ({
  dialog: null,
  show: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));
