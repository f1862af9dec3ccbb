/**
 * The passages view: which passages of the chosen code show (whose coding, which
 * attribute values, in what order), the rows loaded so far, the ones ticked for quotes
 * and the attribute quotes are attributed by. What is listed (code, co-occurring code,
 * question) lives in useView, so the codebook and the co-occurrence table can ask for it.
 */
import { create } from "zustand";
import type { Passage } from "../../../shared/api/retrieval-api.ts";
import type { SegmentId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import {
  coderFilter,
  passagesInput,
  type AttributeChoice,
  type CoderChoice,
  type PassageSort,
} from "../retrieval/passages-query.ts";
import { coderIdIn, isBlindWithoutCoder, useCoding } from "./coding.ts";
import { useProject } from "./project.ts";
import { useView } from "./view.ts";

/** Passages asked for at once; "Load more" asks for the next as many. */
export const PASSAGE_PAGE = 200;

interface PassagesState {
  readonly coder: CoderChoice;
  readonly attributes: readonly AttributeChoice[];
  readonly sort: PassageSort;
  readonly rows: readonly Passage[];
  readonly total: number;
  /** The query the rows answer (without paging); another one clears the ticks. */
  readonly key: string;
  readonly loading: boolean;
  readonly error: string | null;
  readonly selected: ReadonlySet<SegmentId>;
  /** The attribute a quote is attributed by; null: the respondent's id. Kept all session. */
  readonly attribution: string | null;
  setCoder(coder: CoderChoice): void;
  setAttributes(attributes: readonly AttributeChoice[]): void;
  setSort(sort: PassageSort): void;
  setAttribution(attribution: string | null): void;
  toggle(segmentId: SegmentId, on: boolean): void;
  selectAll(on: boolean): void;
  /** Lists the passages from the start (the query or the project changed). */
  load(): Promise<void>;
  loadMore(): Promise<void>;
}

/** The query the view asks, from its own state and the scope and coder elsewhere. */
function currentInput(state: PassagesState, offset: number, limit: number) {
  const chosen = useView.getState().passages;
  const { summary, codeIndex } = useProject.getState();
  // A code deleted or merged away meanwhile: the view says so, and asks nothing (the core
  // would refuse it). A co-occurring code gone lists the code's passages; undone, it is back.
  if (!chosen || !codeIndex.has(chosen.codeId)) return null;
  const { withCode, ...rest } = chosen;
  const scope = withCode !== undefined && codeIndex.has(withCode) ? chosen : rest;
  const { coder, view, blind } = useCoding.getState();
  // Blind mode: only the coder's own passages (the view is "mine"), whatever was chosen;
  // none at all before their first one (the view says so).
  if (isBlindWithoutCoder(blind, summary, coder)) return null;
  const coderId = coderFilter(blind ? null : state.coder, view, coderIdIn(summary, coder));
  return passagesInput(scope, coderId, state.attributes, state.sort, offset, limit);
}

function keyOf(input: NonNullable<ReturnType<typeof currentInput>>): string {
  const { offset: _offset, limit: _limit, ...query } = input;
  return JSON.stringify(query);
}

let requests = 0;

export const usePassages = create<PassagesState>()((set, get) => ({
  coder: null,
  attributes: [],
  sort: "question",
  rows: [],
  total: 0,
  key: "",
  loading: false,
  error: null,
  selected: new Set(),
  attribution: null,

  setCoder: (coder) => set(useCoding.getState().blind ? { coder: null } : { coder }),
  setAttributes: (attributes) => set({ attributes }),
  setSort: (sort) => set({ sort }),
  setAttribution: (attribution) => set({ attribution }),

  toggle(segmentId, on) {
    const selected = new Set(get().selected);
    if (on) selected.add(segmentId);
    else selected.delete(segmentId);
    set({ selected });
  },

  selectAll(on) {
    set({ selected: new Set(on ? get().rows.map((row) => row.segmentId) : []) });
  },

  async load() {
    // After an edit the same query is asked again: as many rows as were shown come back,
    // so the list does not shrink under the reader and their ticks stay.
    const before = get();
    const input = currentInput(before, 0, PASSAGE_PAGE);
    if (!input) {
      requests++;
      set({ key: "", rows: [], total: 0, loading: false, error: null, selected: new Set() });
      return;
    }
    const key = keyOf(input);
    const again = key === before.key;
    const limit = again ? Math.min(5000, Math.max(PASSAGE_PAGE, before.rows.length)) : PASSAGE_PAGE;
    const request = ++requests;
    set(
      again ? { loading: true } : { loading: true, key, rows: [], total: 0, selected: new Set() },
    );
    try {
      const page = await call("passages.list", { ...input, limit });
      if (request !== requests) return;
      const present = new Set(page.rows.map((row) => row.segmentId));
      set({
        rows: page.rows,
        total: page.total,
        loading: false,
        error: null,
        selected: new Set([...get().selected].filter((id) => present.has(id))),
      });
    } catch (error) {
      if (request === requests) set({ loading: false, error: errorMessage(error) });
    }
  },

  async loadMore() {
    const state = get();
    const input = currentInput(state, state.rows.length, PASSAGE_PAGE);
    if (!input || keyOf(input) !== state.key || state.rows.length >= state.total) return;
    const request = ++requests;
    set({ loading: true });
    try {
      const page = await call("passages.list", input);
      if (request !== requests) return;
      set({ rows: [...get().rows, ...page.rows], total: page.total, loading: false, error: null });
    } catch (error) {
      if (request === requests) set({ loading: false, error: errorMessage(error) });
    }
  },
}));

/** The ticked passages in the order they are listed. */
export function selectedPassages(state: {
  readonly rows: readonly Passage[];
  readonly selected: ReadonlySet<SegmentId>;
}): Passage[] {
  return state.rows.filter((row) => state.selected.has(row.segmentId));
}

// A figure's passages asked for (a number in a tally): list them under the figure's own
// coder and filter, so the count agrees with the number clicked. The view's set comes
// first and this runs before React renders, so the list is asked for once.
useView.subscribe((state, previous) => {
  const scope = state.passages;
  if (scope === previous.passages || scope === null) return;
  if (scope.coder === undefined && scope.attributes === undefined) return;
  const coder = useCoding.getState().blind ? undefined : scope.coder;
  usePassages.setState({
    ...(coder !== undefined ? { coder } : {}),
    ...(scope.attributes !== undefined
      ? { attributes: scope.attributes.filter((a) => a.values.length > 0) }
      : {}),
  });
});

useCoding.subscribe((state, previous) => {
  if (state.blind && !previous.blind) usePassages.setState({ coder: null });
});

// Another project: its attributes and passages are others; the ticks and filters go.
useProject.subscribe((state, previous) => {
  if (state.summary?.path === previous.summary?.path) return;
  usePassages.setState({ attributes: [], rows: [], total: 0, key: "", selected: new Set() });
});
