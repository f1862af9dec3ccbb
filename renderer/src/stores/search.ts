/**
 * The search view: what is typed in its box, the hits of the search last run (paged from
 * the core as the list scrolls), and the auto-code panel (the code, the scope, the
 * preview and which of its hits are checked). It lives outside the view so that a hit
 * shown in the grid and the way back find the search as it was left.
 */
import { create } from "zustand";
import type { AutocodeScope } from "../../../shared/api/search-api.ts";
import type { CodeId, QuestionId } from "../../../shared/domain.ts";
import { call, errorMessage, subscribe } from "../api/client.ts";
import { count } from "../format.ts";
import { allCheckable, keepUnchecked, skippedKeys } from "../search/autocode-choice.ts";
import { codeLabel } from "../search/code-ref.ts";
import {
  queryInput,
  type AutocodePanel,
  type SearchQuery,
  type SearchResults,
} from "../search/search-state.ts";
import { useCoding, type CodeRef } from "./coding.ts";
import { runEdit, useEdits } from "./edits.ts";
import { useProject } from "./project.ts";
import { useView } from "./view.ts";

export type { AutocodePanel, SearchQuery, SearchResults } from "../search/search-state.ts";

interface SearchState {
  readonly text: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
  readonly questionId: QuestionId | null;
  readonly results: SearchResults | null;
  readonly searching: boolean;
  readonly loadingMore: boolean;
  /** Why the search failed (an invalid regex...), in the core's words. */
  readonly error: string | null;
  readonly autocode: AutocodePanel | null;
  setText(text: string): void;
  setRegex(regex: boolean): void;
  setCaseSensitive(caseSensitive: boolean): void;
  setQuestion(questionId: QuestionId | null): void;
  run(): Promise<void>;
  /** The search shown, run again (an import changed the answers). */
  rerun(): Promise<void>;
  loadMore(): Promise<void>;
  openAutocode(): void;
  closeAutocode(): void;
  chooseCode(code: CodeRef | null): void;
  setScope(scope: AutocodeScope): void;
  toggle(key: string): void;
  checkAll(checked: boolean): void;
  refreshPreview(): Promise<void>;
  apply(): Promise<void>;
}

/** Hits fetched per page: a few screens. */
export const PAGE = 200;

const EMPTY = new Set<string>();

/** A code as the coder reads it: its path, or the new path to create. */
export function codeRefLabel(code: CodeRef): string {
  return codeLabel(useProject.getState().codeIndex, code);
}

/** Raised by every search and preview request: an older reply is dropped. */
let searches = 0;
let previews = 0;
/** The coder was asked for their name on the way to applying. */
let applyAfterCoder = false;

export const useSearch = create<SearchState>()((set, get) => {
  function patchPanel(patch: Partial<AutocodePanel>): void {
    const panel = get().autocode;
    if (panel) set({ autocode: { ...panel, ...patch } });
  }

  async function search(query: SearchQuery): Promise<void> {
    const generation = ++searches;
    set({ searching: true, error: null });
    try {
      const result = await call("search.run", { ...queryInput(query), offset: 0, limit: PAGE });
      if (generation !== searches) return;
      set({ results: { query, ...result }, searching: false });
      if (get().autocode) {
        patchPanel({ unchecked: EMPTY, done: null, preview: null });
        void get().refreshPreview();
      }
    } catch (error) {
      if (generation !== searches) return;
      set({ error: errorMessage(error), searching: false, results: null, autocode: null });
    }
  }

  return {
    text: "",
    regex: false,
    caseSensitive: false,
    questionId: null,
    results: null,
    searching: false,
    loadingMore: false,
    error: null,
    autocode: null,

    setText: (text) => set({ text }),
    // Another kind of search or another question: the hits shown follow at once.
    setRegex(regex) {
      set({ regex });
      if (get().results) void get().run();
    },
    setCaseSensitive(caseSensitive) {
      set({ caseSensitive });
      if (get().results && get().regex) void get().run();
    },
    setQuestion(questionId) {
      set({ questionId });
      if (get().results) void get().run();
    },

    async run() {
      const { text, regex, caseSensitive, questionId } = get();
      if (text.trim() === "") {
        ++searches;
        set({ results: null, error: null, searching: false, autocode: null });
        return;
      }
      listenForImports();
      await search({ query: text.trim(), regex, caseSensitive, questionId });
    },

    async rerun() {
      const results = get().results;
      if (results) await search(results.query);
    },

    async loadMore() {
      const { results, loadingMore } = get();
      if (!results || loadingMore || results.rows.length >= results.hits) return;
      const generation = searches;
      set({ loadingMore: true });
      try {
        const page = await call("search.run", {
          ...queryInput(results.query),
          offset: results.rows.length,
          limit: PAGE,
        });
        if (generation !== searches) return;
        set({ results: { ...results, rows: [...results.rows, ...page.rows] } });
      } catch (error) {
        if (generation === searches) set({ error: errorMessage(error) });
      } finally {
        if (generation === searches) set({ loadingMore: false });
      }
    },

    openAutocode() {
      if (!get().results || get().autocode) return;
      set({
        autocode: {
          code: null,
          scope: "hit",
          preview: null,
          loading: false,
          error: null,
          unchecked: EMPTY,
          applying: false,
          done: null,
        },
      });
      void get().refreshPreview();
    },
    closeAutocode() {
      previews++;
      applyAfterCoder = false;
      set({ autocode: null });
    },
    chooseCode(code) {
      patchPanel({ code, done: null });
      void get().refreshPreview();
    },
    setScope(scope) {
      patchPanel({ scope, done: null });
      void get().refreshPreview();
    },
    toggle(key) {
      const panel = get().autocode;
      if (!panel) return;
      const unchecked = new Set(panel.unchecked);
      if (!unchecked.delete(key)) unchecked.add(key);
      patchPanel({ unchecked });
    },
    checkAll(checked) {
      const panel = get().autocode;
      if (!panel?.preview) return;
      patchPanel({ unchecked: checked ? EMPTY : allCheckable(panel.preview.passages) });
    },

    async refreshPreview() {
      const { results, autocode: panel } = get();
      if (!results || !panel) return;
      const generation = ++previews;
      const coder = useCoding.getState().coder;
      patchPanel({ loading: true, error: null });
      try {
        const preview = await call("autocode.preview", {
          ...queryInput(results.query),
          scope: panel.scope,
          ...(panel.code ? { code: panel.code } : {}),
          ...(coder === null ? {} : { coder }),
        });
        if (generation !== previews) return;
        const current = get().autocode;
        patchPanel({
          preview,
          loading: false,
          unchecked: keepUnchecked(preview.passages, current?.unchecked ?? EMPTY),
        });
      } catch (error) {
        if (generation === previews) patchPanel({ loading: false, error: errorMessage(error) });
      }
    },

    async apply() {
      const { results, autocode: panel } = get();
      if (!results || !panel?.code || !panel.preview || panel.applying) return;
      const coder = useCoding.getState().coder;
      if (coder === null) {
        // Nobody is coding on this machine yet: ask, then apply once they answer.
        applyAfterCoder = true;
        useCoding.getState().askCoder();
        return;
      }
      const { code, scope } = panel;
      patchPanel({ applying: true, done: null });
      const result = await runEdit(
        () =>
          call("autocode.apply", {
            ...queryInput(results.query),
            scope,
            code,
            coder,
            skip: skippedKeys(panel.preview?.passages ?? [], panel.unchecked),
          }),
        (edit) =>
          `Auto-coded ${count(edit.coded, "passage")} with ${codeRefLabel({ id: edit.codeId })}`,
      );
      patchPanel({ applying: false });
      if (!result) return;
      // A new path stays a path: it names the new code now, and a new code again if undone.
      patchPanel({
        done: `Coded ${count(result.coded, "passage")} with ${codeRefLabel({ id: result.codeId })}.`,
      });
      await get().refreshPreview();
    },
  };
});

// The coder answered the "Who is coding?" prompt the apply opened: go on (or not).
useCoding.subscribe((state, previous) => {
  if (state.coder !== previous.coder && useSearch.getState().autocode) {
    void useSearch.getState().refreshPreview();
  }
  if (!applyAfterCoder || state.askingCoder || !previous.askingCoder) return;
  applyAfterCoder = false;
  if (state.coder !== null) void useSearch.getState().apply();
});

/** An edit came while the search was out of sight: its preview is read again on return. */
let previewStale = false;

// Any edit (this apply, an undo, coding in the grid) may change which hits are coded.
// The preview can list 50,000 passages: it is read again only where it can be seen.
useEdits.subscribe((state, previous) => {
  if (state.history === previous.history) return;
  const panel = useSearch.getState().autocode;
  if (!panel?.preview || panel.applying) return;
  useSearch.setState({ autocode: { ...panel, done: null } });
  if (useView.getState().view === "search") void useSearch.getState().refreshPreview();
  else previewStale = true;
});

useView.subscribe((state, previous) => {
  if (state.view === previous.view || state.view !== "search" || !previewStale) return;
  previewStale = false;
  void useSearch.getState().refreshPreview();
});

let listening = false;

/**
 * An import into the open project adds answers and replaces texts: the hits shown (and
 * their offsets, which "show in the grid" uses) would be the old ones. Listens from the
 * first search on, as the client then exists.
 */
function listenForImports(): void {
  if (listening) return;
  listening = true;
  subscribe("project.changed", (summary) => {
    const shown = useProject.getState().summary?.path;
    if (summary !== null && summary.path === shown) void useSearch.getState().rerun();
  });
}

// Another project: its answers, its codes; nothing of the last one's search applies.
// The code chosen for auto-coding can go (deleted, merged, its creation undone): the
// coder chooses another rather than meet the core's refusal.
useProject.subscribe((state, previous) => {
  if (state.summary?.path === previous.summary?.path) {
    const code = useSearch.getState().autocode?.code;
    if (code && "id" in code && !state.codeIndex.has(code.id as CodeId)) {
      useSearch.getState().chooseCode(null);
    }
    return;
  }
  searches++;
  previews++;
  applyAfterCoder = false;
  useSearch.setState({
    results: null,
    error: null,
    searching: false,
    loadingMore: false,
    autocode: null,
    questionId: null,
  });
});
