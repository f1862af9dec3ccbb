/**
 * The codebook panel: the counts beside each code (for the coder view chosen in the
 * top bar), which branches are folded, the code the keyboard is on, the open menu or
 * dialog, and the codebook actions. Every change goes through `runEdit`, so it is one
 * undoable step, its result reaches the screen in one place, and a refusal from the
 * core (a name clash, a move into its own branch) shows in the error banner.
 */
import { create } from "zustand";
import type {
  CodebookFormat,
  CodebookImportReport,
  CodeCount,
  DeletionImpact,
} from "../../../shared/api/codebook-api.ts";
import type { CodeId, CoderId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import type { DropZone, MoveTarget } from "../codebook/moves.ts";
import { importReport } from "../codebook/sentences.ts";
import { count } from "../format.ts";
import { runEdit } from "./edits.ts";
import { useProject } from "./project.ts";

export type CodeDialog = "describe" | "merge" | "move" | "delete";

export type CodebookDialog =
  { readonly kind: CodeDialog; readonly codeId: CodeId } | { readonly kind: "import" | "export" };

/** Where a new code goes: under a parent (null: top level). */
export interface Creating {
  readonly parentId: CodeId | null;
  readonly kind: "code" | "category";
}

export interface MenuAt {
  readonly codeId: CodeId;
  readonly x: number;
  readonly y: number;
}

export interface Description {
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

/** A code being dragged, and where it would land if dropped now. */
export interface DragState {
  readonly sourceId: CodeId;
  /** The pointer, for the label that follows it. */
  readonly x: number;
  readonly y: number;
  /** The row under the pointer and the zone of it; null over no row. */
  readonly overId: CodeId | null;
  readonly zone: DropZone | null;
  /** Where the drop would move the code; null when it would go nowhere. */
  readonly target: MoveTarget | null;
  /** Over the code's own branch: the drop is refused. */
  readonly refused: boolean;
}

/** Whose counts to show: one coder, everyone (null), or nobody yet ("mine" unnamed). */
export type CountsFor = CoderId | null | "nobody";

interface CodebookState {
  readonly counts: ReadonlyMap<CodeId, CodeCount>;
  /** Whose the counts are (the coder view they follow). */
  readonly countsFor: CountsFor;
  readonly collapsed: ReadonlySet<CodeId>;
  /** The code the tree's keyboard focus is on (one tab stop for the whole tree). */
  readonly current: CodeId | null;
  readonly renaming: CodeId | null;
  readonly creating: Creating | null;
  readonly menu: MenuAt | null;
  readonly dialog: CodebookDialog | null;
  /** A one-line report ("Created 12 codes, updated 3"), shown until dismissed. */
  readonly notice: string | null;
  readonly drag: DragState | null;
  refreshCounts(whose: CountsFor): Promise<void>;
  /** Another project: nothing folded, no code current, no menu or dialog open. */
  reset(): void;
  setCollapsed(codeId: CodeId, collapsed: boolean): void;
  setCurrent(codeId: CodeId | null): void;
  setRenaming(codeId: CodeId | null): void;
  startCreating(creating: Creating | null): void;
  openMenu(menu: MenuAt | null): void;
  openDialog(dialog: CodebookDialog | null): void;
  tell(notice: string | null): void;
  setDrag(drag: DragState | null): void;
  create(parentId: CodeId | null, name: string): Promise<CodeId | null>;
  recolor(codeId: CodeId, color: string): Promise<boolean>;
  describe(codeId: CodeId, description: Description): Promise<boolean>;
  move(codeId: CodeId, target: MoveTarget): Promise<boolean>;
  deletionImpact(codeId: CodeId): Promise<DeletionImpact | null>;
  remove(codeId: CodeId): Promise<boolean>;
  merge(sourceIds: readonly CodeId[], targetId: CodeId): Promise<boolean>;
  /** The import's report (its counts, and what a lenient read bent), or null on failure. */
  importCodebook(path: string): Promise<CodebookImportReport | null>;
  exportCodebook(path: string, format: CodebookFormat): Promise<boolean>;
}

export function codePathOf(codeId: CodeId | null): readonly string[] {
  if (codeId === null) return [];
  return useProject.getState().codeIndex.get(codeId)?.path ?? [];
}

function label(codeId: CodeId): string {
  return codePathOf(codeId).join(" > ") || "the code";
}

/** Counts asked for, so an older reply never overwrites a newer one. */
let countsAsked = 0;

/** The panel of a project just opened: nothing counted, folded, open or dragged. */
const FRESH = {
  counts: new Map<CodeId, CodeCount>(),
  collapsed: new Set<CodeId>(),
  current: null,
  renaming: null,
  creating: null,
  menu: null,
  dialog: null,
  notice: null,
  drag: null,
} as const;

export const useCodebook = create<CodebookState>()((set, get) => ({
  ...FRESH,
  countsFor: null,

  async refreshCounts(whose) {
    const asked = ++countsAsked;
    set({ countsFor: whose });
    if (whose === "nobody") {
      set({ counts: new Map() });
      return;
    }
    try {
      const result = await call("codes.counts", whose === null ? {} : { coderId: whose });
      if (asked !== countsAsked) return;
      set({ counts: new Map(result.counts.map((c) => [c.codeId, c])) });
    } catch {
      // The counts are a reading beside the tree, not an action: the next edit asks again.
    }
  },

  reset() {
    countsAsked++;
    set({ ...FRESH, counts: new Map(), collapsed: new Set() });
  },

  setCollapsed(codeId, collapsed) {
    const next = new Set(get().collapsed);
    if (collapsed) next.add(codeId);
    else next.delete(codeId);
    set({ collapsed: next });
  },

  setCurrent: (current) => set({ current }),
  setRenaming: (renaming) => set({ renaming }),
  startCreating: (creating) => set({ creating, menu: null }),
  openMenu: (menu) => set({ menu }),
  openDialog: (dialog) => set({ dialog, menu: null }),
  tell: (notice) => set({ notice }),
  setDrag: (drag) => set({ drag }),

  async create(parentId, name) {
    const path = [...codePathOf(parentId), name];
    const result = await runEdit(
      () => call("codes.create", { path }),
      () => `Created ${path.join(" > ")}`,
    );
    if (!result) return null;
    if (parentId !== null) get().setCollapsed(parentId, false);
    set({ current: result.codeId });
    return result.codeId;
  },

  async recolor(codeId, color) {
    const result = await runEdit(
      () => call("codes.recolor", { codeId, color }),
      () => `Changed the colour of ${label(codeId)}`,
    );
    return result !== null;
  },

  async describe(codeId, description) {
    const result = await runEdit(
      () => call("codes.describe", { codeId, ...description }),
      () => `Saved the description of ${label(codeId)}`,
    );
    return result !== null;
  },

  async move(codeId, target) {
    const name = label(codeId);
    const result = await runEdit(
      () => call("codes.move", { codeId, ...target }),
      () =>
        target.parentId === null
          ? `Moved ${name} to the top level`
          : `Moved ${name} into ${label(target.parentId)}`,
    );
    if (result && target.parentId !== null) get().setCollapsed(target.parentId, false);
    return result !== null;
  },

  async deletionImpact(codeId) {
    try {
      return await call("codes.deletionImpact", { codeId });
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
      return null;
    }
  },

  async remove(codeId) {
    const name = label(codeId);
    const result = await runEdit(
      () => call("codes.delete", { codeId }),
      () => `Deleted ${name}`,
    );
    if (result && get().current === codeId) set({ current: null });
    return result !== null;
  },

  async merge(sourceIds, targetId) {
    const names = sourceIds.map(label).join(", ");
    const target = label(targetId);
    const result = await runEdit(
      () => call("codes.merge", { sourceIds: [...sourceIds], targetId }),
      (merged) => `Merged ${names} into ${target}: ${count(merged.moved, "passage")} moved`,
    );
    if (result) set({ current: targetId });
    return result !== null;
  },

  async importCodebook(path) {
    const result = await runEdit(
      () => call("codebook.import", { path }),
      (report) => importReport(report),
    );
    if (result) set({ notice: importReport(result) });
    return result;
  },

  async exportCodebook(path, format) {
    try {
      const result = await call("codebook.export", { path, format });
      set({ notice: `Exported ${count(result.codes, "code")} to ${result.path}` });
      return true;
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
      return false;
    }
  },
}));
