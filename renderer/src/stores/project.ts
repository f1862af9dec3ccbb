/**
 * The open project as the renderer knows it: its summary, its codebook and the selected
 * question. The core is the source of truth; this store only mirrors what it reports.
 */
import { create } from "zustand";
import type { Capabilities } from "../../../shared/api/contract.ts";
import type { CodeId, CodeNode, ProjectSummary, QuestionId } from "../../../shared/domain.ts";
import { ApiCallError, call, errorMessage, subscribe } from "../api/client.ts";
import { recoveryFor } from "../safety/open-failure.ts";
import { useSafety } from "./safety.ts";

export interface CodeInfo {
  readonly id: CodeId;
  readonly name: string;
  readonly path: readonly string[];
  readonly color: string;
}

interface ProjectState {
  readonly phase: "loading" | "ready";
  readonly capabilities: Capabilities | null;
  readonly summary: ProjectSummary | null;
  readonly codes: readonly CodeNode[];
  readonly codeIndex: ReadonlyMap<CodeId, CodeInfo>;
  readonly selectedQuestionId: QuestionId | null;
  /** The last failed action, shown until dismissed. */
  readonly error: string | null;
  init(): Promise<void>;
  selectQuestion(id: QuestionId): void;
  /**
   * Opens a project. One that needs its password, or is damaged, opens the unlock prompt
   * or the backup offer instead of an error; the open project stays open meanwhile.
   */
  openProject(path: string): Promise<void>;
  /** Shows a project the core has just opened some other way (unlocked, restored). */
  showOpened(summary: ProjectSummary): Promise<void>;
  createProject(path: string): Promise<void>;
  closeProject(): Promise<void>;
  saveCopy(path: string): Promise<string | null>;
  /**
   * Takes in what an edit changed in the open project (a fresh summary, a fresh
   * codebook) without reloading anything else; a summary of another project is ignored.
   */
  takeEdited(changes: {
    readonly summary?: ProjectSummary | null;
    readonly codes?: readonly CodeNode[];
  }): void;
  /** Shows a failed action elsewhere in the window (a status flip...) in the banner. */
  reportError(message: string): void;
  dismissError(): void;
}

export function indexCodes(nodes: readonly CodeNode[]): Map<CodeId, CodeInfo> {
  const index = new Map<CodeId, CodeInfo>();
  const visit = (list: readonly CodeNode[]) => {
    for (const node of list) {
      index.set(node.id, { id: node.id, name: node.name, path: node.path, color: node.color });
      visit(node.children);
    }
  };
  visit(nodes);
  return index;
}

let initialised = false;
let adoptions = 0;

export const useProject = create<ProjectState>()((set, get) => {
  /** Takes in a (possibly new) project summary and reloads what depends on it. */
  async function adopt(summary: ProjectSummary | null): Promise<void> {
    // The change event and the call's own reply can both bring a summary: the last one
    // asked for wins, and an older reply never pairs its codebook with a newer project.
    const generation = ++adoptions;
    const codes = summary ? await call("codes.tree", {}) : [];
    if (generation !== adoptions) return;
    const previous = get();
    const samePath = previous.summary?.path === summary?.path;
    const stillThere =
      samePath && summary?.questions.some((q) => q.id === previous.selectedQuestionId);
    set({
      phase: "ready",
      summary,
      codes,
      codeIndex: indexCodes(codes),
      selectedQuestionId: stillThere
        ? previous.selectedQuestionId
        : (summary?.questions[0]?.id ?? null),
    });
  }

  async function attempt(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  }

  return {
    phase: "loading",
    capabilities: null,
    summary: null,
    codes: [],
    codeIndex: new Map(),
    selectedQuestionId: null,
    error: null,

    async init() {
      // React's StrictMode mounts twice in development: subscribe only once.
      if (initialised) return;
      initialised = true;
      await attempt(async () => {
        subscribe("project.changed", (summary) => void adopt(summary));
        const [capabilities, summary] = await Promise.all([
          call("app.capabilities", {}),
          call("project.current", {}),
        ]);
        set({ capabilities });
        await adopt(summary);
      });
      if (get().phase === "loading") set({ phase: "ready" });
    },
    selectQuestion(id) {
      set({ selectedQuestionId: id });
    },
    openProject: (path) =>
      attempt(async () => {
        try {
          await adopt(await call("project.open", { path }));
        } catch (error) {
          const recovery = error instanceof ApiCallError ? recoveryFor(path, error) : null;
          if (!recovery) throw error;
          useSafety.getState().show(recovery);
        }
      }),
    showOpened: (summary) => adopt(summary),
    createProject: (path) => attempt(async () => adopt(await call("project.create", { path }))),
    closeProject: () =>
      attempt(async () => {
        await call("project.close", {});
        await adopt(null);
      }),
    async saveCopy(path) {
      try {
        return (await call("project.saveCopy", { path })).path;
      } catch (error) {
        set({ error: errorMessage(error) });
        return null;
      }
    },
    takeEdited({ summary, codes }) {
      const current = get().summary;
      if (summary && summary.path === current?.path) set({ summary });
      if (codes) set({ codes, codeIndex: indexCodes(codes) });
    },
    reportError(message) {
      set({ error: message });
    },
    dismissError() {
      set({ error: null });
    },
  };
});
