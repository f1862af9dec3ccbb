/**
 * Which hand-over dialog is open: preparing a copy for a second coder, or bringing a
 * coder's work back. Opened from the browser-mode File menu or the desktop's native menu.
 */
import { create } from "zustand";

export type CoderFileDialog = "prepare" | "merge";

interface CoderFilesState {
  readonly open: CoderFileDialog | null;
  show(dialog: CoderFileDialog): void;
  close(): void;
}

export const useCoderFiles = create<CoderFilesState>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));
