/**
 * The respondents to pick from in the by-respondent view, in the project's order, loaded
 * page by page as the sidebar scrolls (respondents.list: every respondent, answered or
 * not). A search asks the core, which looks through all of them, not only those loaded.
 */
import { create } from "zustand";
import type { RespondentPage } from "../../../shared/api/contract.ts";
import type { RespondentId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import { useProject } from "./project.ts";

const PAGE_SIZE = 500;

export interface RosterEntry {
  readonly id: RespondentId;
  readonly label: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** A list of respondents loaded from the start, page by page. */
export interface RosterList {
  readonly entries: readonly RosterEntry[];
  readonly total: number;
  readonly loading: boolean;
}

const EMPTY: RosterList = { entries: [], total: 0, loading: false };

interface RespondentsState extends RosterList {
  /** The project whose respondents these are. */
  readonly path: string | null;
  readonly error: string | null;
  /** What the picker searches for ("" shows everyone). */
  readonly search: string;
  /** The respondents whose id contains the search (EMPTY while there is none). */
  readonly found: RosterList;
  /** Loads the first page, unless this project's roster is loaded already. */
  load(): Promise<void>;
  loadMore(): Promise<void>;
  setSearch(search: string): Promise<void>;
  /** The next page of the search's results. */
  findMore(): Promise<void>;
  /** The respondent after (or before) this one, loading the next page if it must. */
  neighbour(id: RespondentId, step: 1 | -1): Promise<RosterEntry | null>;
}

/** Bumped when the project changes: pages asked for before are dropped. */
let generation = 0;
/** Bumped with each search, so that only the latest one's pages are taken. */
let searches = 0;

export const useRespondents = create<RespondentsState>()((set, get) => ({
  path: null,
  entries: [],
  total: 0,
  loading: false,
  error: null,
  search: "",
  found: EMPTY,

  async load() {
    const path = useProject.getState().summary?.path ?? null;
    if (path === get().path && (get().entries.length > 0 || get().loading)) return;
    generation++;
    set({ path, entries: [], total: 0, error: null, loading: path !== null });
    if (path !== null) await fetchRoster(generation, 0);
  },

  async loadMore() {
    const { path, entries, total, loading } = get();
    if (path === null || loading || entries.length >= total) return;
    set({ loading: true });
    await fetchRoster(generation, entries.length);
  },

  async setSearch(search) {
    const term = search.trim();
    if (term === get().search) return;
    const asked = ++searches;
    set({ search: term, found: term === "" ? EMPTY : { ...EMPTY, loading: true } });
    if (term !== "") await fetchFound(generation, asked, 0);
  },

  async findMore() {
    const { search, found } = get();
    if (search === "" || found.loading || found.entries.length >= found.total) return;
    set({ found: { ...found, loading: true } });
    await fetchFound(generation, searches, found.entries.length);
  },

  async neighbour(id, step) {
    const at = () => get().entries.findIndex((entry) => entry.id === id);
    // A respondent found by a search may lie beyond the pages loaded: load on to them.
    const missing = () => at() === -1 || (step === 1 && at() === get().entries.length - 1);
    while (missing() && get().entries.length < get().total) {
      const loaded = get().entries.length;
      await get().loadMore();
      if (get().entries.length === loaded) break;
    }
    const index = at();
    return index === -1 ? null : (get().entries[index + step] ?? null);
  },
}));

function page(search: string, offset: number): Promise<RespondentPage> {
  return call("respondents.list", { ...(search ? { search } : {}), offset, limit: PAGE_SIZE });
}

function toEntries(result: RespondentPage): RosterEntry[] {
  return result.rows.map((row) => ({
    id: row.respondentId,
    label: row.respondent,
    attributes: row.attributes,
  }));
}

async function fetchRoster(asked: number, offset: number): Promise<void> {
  try {
    const result = await page("", offset);
    if (asked !== generation) return;
    const fresh = toEntries(result);
    useRespondents.setState((state) => ({
      entries: offset === 0 ? fresh : [...state.entries, ...fresh],
      total: result.total,
      loading: false,
    }));
  } catch (error) {
    if (asked !== generation) return;
    useRespondents.setState({ loading: false, error: errorMessage(error) });
  }
}

async function fetchFound(asked: number, search: number, offset: number): Promise<void> {
  const term = useRespondents.getState().search;
  try {
    const result = await page(term, offset);
    if (asked !== generation || search !== searches) return;
    const fresh = toEntries(result);
    useRespondents.setState((state) => ({
      found: {
        entries: offset === 0 ? fresh : [...state.found.entries, ...fresh],
        total: result.total,
        loading: false,
      },
    }));
  } catch (error) {
    if (asked !== generation || search !== searches) return;
    useRespondents.setState((state) => ({
      found: { ...state.found, loading: false },
      error: errorMessage(error),
    }));
  }
}

/** A new project (or an import into this one) may bring other respondents. */
useProject.subscribe((state, previous) => {
  if (state.summary === previous.summary || useRespondents.getState().path === null) return;
  const changed =
    state.summary?.path !== previous.summary?.path ||
    state.summary?.respondents !== previous.summary?.respondents;
  if (!changed) return;
  generation++;
  const asked = ++searches;
  const { search } = useRespondents.getState();
  useRespondents.setState({
    path: null,
    entries: [],
    total: 0,
    loading: false,
    error: null,
    found: search === "" ? EMPTY : { ...EMPTY, loading: true },
  });
  if (!state.summary) return;
  void useRespondents.getState().load();
  // The search typed stays, and now looks through these respondents.
  if (search !== "") void fetchFound(generation, asked, 0);
});
