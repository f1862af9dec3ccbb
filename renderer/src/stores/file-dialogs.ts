/**
 * Which browser-mode file dialog is showing (New, Open, Save a copy as), so the File
 * menu and the welcome screen open the same ones. The desktop app uses native dialogs.
 */
import { create } from "zustand";

export type FileDialog = "new" | "open" | "copy";

interface FileDialogsState {
  readonly dialog: FileDialog | null;
  /** A one-line confirmation ("Saved a copy to ..."), shown until dismissed. */
  readonly notice: string | null;
  show(dialog: FileDialog): void;
  hide(): void;
  tell(notice: string | null): void;
}

export const useFileDialogs = create<FileDialogsState>()((set) => ({
  dialog: null,
  notice: null,
  show: (dialog) => set({ dialog }),
  hide: () => set({ dialog: null }),
  tell: (notice) => set({ notice }),
}));
