/**
 * The Pseudonymise dialog's state: the form, the live preview (asked for a moment after
 * the last keystroke; a late answer to an older form is dropped), the copy's path, and
 * the run's outcome.
 */
import { create } from "zustand";
import type { PseudonymisePreview, PseudonymiseReport } from "../../../shared/api/safety-api.ts";
import { call, errorMessage } from "../api/client.ts";
import {
  EMPTY_FORM,
  formRequest,
  withCairnExtension,
  type PseudonymiseForm,
} from "./pseudonymise-request.ts";

/** How long typing must pause before the preview is counted again. */
export const PREVIEW_DELAY_MS = 300;

export type PreviewState =
  | { readonly kind: "none"; readonly hint: string }
  | { readonly kind: "counting" }
  | { readonly kind: "ready"; readonly preview: PseudonymisePreview }
  | { readonly kind: "failed"; readonly message: string };

interface PseudonymiseState {
  readonly form: PseudonymiseForm;
  readonly path: string;
  readonly preview: PreviewState;
  readonly phase: "choosing" | "running" | "done";
  readonly report: PseudonymiseReport | null;
  /** Why the last Create copy failed, in one sentence. */
  readonly error: string | null;
  /** A fresh dialog for the project at `defaultPath`'s side. */
  start(defaultPath: string): void;
  edit(patch: Partial<PseudonymiseForm>): void;
  setPath(path: string): void;
  refreshPreview(): Promise<void>;
  create(): Promise<void>;
}

let previewRequest = 0;

export const usePseudonymise = create<PseudonymiseState>((set, get) => ({
  form: EMPTY_FORM,
  path: "",
  preview: { kind: "none", hint: "Type the names to replace, one a line." },
  phase: "choosing",
  report: null,
  error: null,
  start: (defaultPath) =>
    set({
      form: EMPTY_FORM,
      path: defaultPath,
      preview: { kind: "none", hint: "Type the names to replace, one a line." },
      phase: "choosing",
      report: null,
      error: null,
    }),
  edit: (patch) => set({ form: { ...get().form, ...patch }, error: null }),
  setPath: (path) => set({ path, error: null }),
  refreshPreview: async () => {
    const request = formRequest(get().form);
    const ticket = ++previewRequest;
    if (!request.ok) {
      set({ preview: { kind: "none", hint: request.problem } });
      return;
    }
    set({ preview: { kind: "counting" } });
    try {
      const preview = await call("project.pseudonymisePreview", request.options);
      if (ticket === previewRequest) set({ preview: { kind: "ready", preview } });
    } catch (error) {
      if (ticket === previewRequest) {
        set({ preview: { kind: "failed", message: errorMessage(error) } });
      }
    }
  },
  create: async () => {
    const { form, path, phase } = get();
    const request = formRequest(form);
    const target = withCairnExtension(path);
    if (phase !== "choosing" || !request.ok || target === "") return;
    set({ phase: "running", error: null, path: target });
    try {
      const report = await call("project.pseudonymise", { ...request.options, target });
      set({ phase: "done", report });
    } catch (error) {
      set({ phase: "choosing", error: errorMessage(error) });
    }
  },
}));
