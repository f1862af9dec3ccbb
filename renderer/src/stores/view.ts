/**
 * Which view fills the middle of the window: the coding grid, the search (with
 * auto-code), the passages of a code (for quotes), the co-occurrence table, or the
 * frequencies (tallies, crosstab, response rates and charts for the report). The
 * codebook and the question list stay beside every view.
 */
import { create } from "zustand";
import type { AnswerId, CodeId, CoderId, QuestionId } from "../../../shared/domain.ts";
import type { AttributeChoice } from "../retrieval/passages-query.ts";
import { useProject } from "./project.ts";

export type MainView =
  "coding" | "search" | "passages" | "cooccurrence" | "frequencies" | "agreement";

/** Which passages the passages view lists. */
export interface PassagesScope {
  readonly codeId: CodeId;
  /** A co-occurrence cell: only where this code is present too. */
  readonly withCode?: CodeId;
  readonly questionId?: QuestionId;
  /**
   * Whose coding and which respondents, when the list must be exactly the passages
   * behind a figure (a tally's number clicked): the passages view takes them as its coder
   * choice and attribute filter, which the reader may change from there. Absent: the
   * view keeps the choices it has.
   */
  readonly coder?: CoderId | "all";
  readonly attributes?: readonly AttributeChoice[];
}

/** An answer to show in the grid, and the passage in it to select (a search hit). */
export interface Reveal {
  readonly answerId: AnswerId;
  readonly questionId: QuestionId;
  readonly start: number;
  readonly end: number;
  /** Raised on each request, so revealing the same hit twice scrolls again. */
  readonly serial: number;
}

interface ViewState {
  readonly view: MainView;
  readonly passages: PassagesScope | null;
  readonly reveal: Reveal | null;
  show(view: MainView): void;
  showPassages(scope: PassagesScope): void;
  /** Back to the coding grid, scrolled to the answer with the passage selected. */
  revealInGrid(target: Omit<Reveal, "serial">): void;
}

export const useView = create<ViewState>()((set, get) => ({
  view: "coding",
  passages: null,
  reveal: null,
  show: (view) => set({ view }),
  showPassages: (scope) => set({ view: "passages", passages: scope }),
  revealInGrid: (target) =>
    set({ view: "coding", reveal: { ...target, serial: (get().reveal?.serial ?? 0) + 1 } }),
}));

// Another project: a code id or an answer asked for belongs to the one before (the same
// id may name an unrelated code here), so the passages' scope and a pending reveal go.
useProject.subscribe((state, previous) => {
  if (state.summary?.path === previous.summary?.path) return;
  useView.setState({ passages: null, reveal: null });
});
