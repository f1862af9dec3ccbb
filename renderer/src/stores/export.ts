/**
 * The export dialog and the REFI-QDA import dialog: the choices, the run with its progress
 * (`export.progress` events) and its cancel, and what came out. Opened from the
 * browser-mode File menu or the desktop's native one (a "menu.command" event).
 */
import { create } from "zustand";
import {
  EXPORT_SHEETS,
  type ExportProgress,
  type ExportReport,
  type RefiImportReport,
} from "../../../shared/api/export-api.ts";
import type { CoderId } from "../../../shared/domain.ts";
import { ApiCallError, call, errorMessage, subscribe } from "../api/client.ts";
import { defaultExportPath, withExportExtension } from "../export/export-paths.ts";
import {
  DEFAULT_CHOICES,
  exportRequestOf,
  type AttributeCondition,
  type ExportChoices,
} from "../export/export-request.ts";
import { useProject } from "./project.ts";

export type ExportDialog = "export" | "import-refi";
export type ExportPhase = "choosing" | "running" | "done" | "cancelled";

interface ExportState {
  readonly dialog: ExportDialog | null;
  readonly phase: ExportPhase;
  readonly choices: ExportChoices;
  /** The user typed a path: format changes then swap only its extension. */
  readonly pathEdited: boolean;
  /** The last batch's progress in this run; null before the first. */
  readonly progress: ExportProgress | null;
  readonly report: ExportReport | null;
  readonly refiReport: RefiImportReport | null;
  /** The last failure, in the core's words; the dialog stays as it was. */
  readonly error: string | null;
  /**
   * Opens a dialog with fresh choices; `preset` changes some (the Frequencies tab's Export…
   * asks for its sheet, its coder and its filter ticked).
   */
  show(dialog: ExportDialog, preset?: Partial<ExportChoices>): void;
  close(): void;
  choose(change: Partial<ExportChoices>): void;
  setPath(path: string): void;
  run(filter: readonly AttributeCondition[], agreementCoderIds?: readonly CoderId[]): Promise<void>;
  cancel(): Promise<void>;
  /** Back to the choices after a cancel. */
  again(): void;
  importRefi(path: string, project: string): Promise<void>;
}

const IDLE = {
  phase: "choosing",
  pathEdited: false,
  progress: null,
  report: null,
  refiReport: null,
  error: null,
} as const satisfies Partial<ExportState>;

function defaultPath(choices: ExportChoices): string {
  const projectPath = useProject.getState().summary?.path ?? "";
  return projectPath === "" ? "" : defaultExportPath(projectPath, choices.format, choices.table);
}

export const useExport = create<ExportState>()((set, get) => ({
  dialog: null,
  choices: DEFAULT_CHOICES,
  ...IDLE,

  show(dialog, preset = {}) {
    // A running export or import keeps its dialog on screen until it ends.
    if (get().phase === "running") return;
    // The Agreement sheet needs two coders: with fewer it is not offered, nor asked for.
    const coders = useProject.getState().summary?.coders.length ?? 0;
    const sheets = coders >= 2 ? EXPORT_SHEETS : EXPORT_SHEETS.filter((s) => s !== "agreement");
    const choices = { ...DEFAULT_CHOICES, sheets, ...preset };
    set({ ...IDLE, dialog, choices: { ...choices, path: defaultPath(choices) } });
  },
  close() {
    // A running export or import finishes first (it cannot be left behind unseen).
    if (get().phase === "running") return;
    set({ ...IDLE, dialog: null });
  },
  choose(change) {
    const { choices, pathEdited } = get();
    const next = { ...choices, ...change };
    const path = pathEdited ? withExportExtension(next.path, next.format) : defaultPath(next);
    set({ choices: { ...next, path }, error: null });
  },
  setPath(path) {
    set((state) => ({ choices: { ...state.choices, path }, pathEdited: true, error: null }));
  },

  async run(filter, agreementCoderIds = []) {
    if (get().phase === "running") return;
    const request = exportRequestOf(get().choices, filter, agreementCoderIds);
    set({ phase: "running", progress: null, report: null, error: null });
    // Subscribed before the call, so the first batch's progress is not missed.
    const stop = subscribe("export.progress", (progress) => set({ progress }));
    try {
      const report = await call("export.run", request);
      set({ phase: "done", report });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === "cancelled") set({ phase: "cancelled" });
      else set({ phase: "choosing", error: `Could not export: ${errorMessage(error)}` });
    } finally {
      stop();
    }
  },
  async cancel() {
    try {
      await call("export.cancel", {});
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  again() {
    set({ phase: "choosing", progress: null, error: null });
  },

  async importRefi(path, project) {
    if (get().phase === "running") return;
    set({ phase: "running", refiReport: null, error: null });
    try {
      const { report, summary } = await call("refi.import", { path, project });
      // The core opened the new project; its change events may have brought the empty
      // project made before the import: opening it again (already open, nothing to do
      // in the core) brings the window its full summary and codebook.
      await useProject.getState().openProject(summary.path);
      set({ phase: "done", refiReport: report });
    } catch (error) {
      set({ phase: "choosing", error: `Could not import: ${errorMessage(error)}` });
    }
  },
}));

// Another project: a dialog left open would export (or name paths after) the old one.
useProject.subscribe((state, previous) => {
  if (state.summary?.path === previous.summary?.path) return;
  const { dialog, phase } = useExport.getState();
  if (dialog === "export" && phase !== "running") useExport.setState({ ...IDLE, dialog: null });
});
