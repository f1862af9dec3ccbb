/**
 * The respondents to pick from in the by-respondent view, in the project's order, loaded
 * page by page as the sidebar scrolls.
 *
 * There is no API that lists respondents yet, so the roster is read from the answers of
 * the first question (the importer stores a row for every respondent in every question,
 * blank cells included). A `respondents.list` entry would carry less and could search.
 */
import { create } from "zustand";
import type { QuestionId, RespondentId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import { useProject } from "./project.ts";

const PAGE_SIZE = 500;

export interface RosterEntry {
  readonly id: RespondentId;
  readonly label: string;
  readonly attributes: Readonly<Record<string, string>>;
}

interface RespondentsState {
  /** The project whose respondents these are. */
  readonly path: string | null;
  readonly entries: readonly RosterEntry[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: string | null;
  /** Loads the first page, unless this project's roster is loaded already. */
  load(): Promise<void>;
  loadMore(): Promise<void>;
  /** The respondent after (or before) this one, loading the next page if it must. */
  neighbour(id: RespondentId, step: 1 | -1): Promise<RosterEntry | null>;
}

let generation = 0;

export const useRespondents = create<RespondentsState>()((set, get) => ({
  path: null,
  entries: [],
  total: 0,
  loading: false,
  error: null,

  async load() {
    const path = useProject.getState().summary?.path ?? null;
    if (path === get().path && (get().entries.length > 0 || get().loading)) return;
    generation++;
    set({ path, entries: [], total: 0, error: null, loading: path !== null });
    if (path !== null) await fetchPage(generation, 0);
  },

  async loadMore() {
    const { path, entries, total, loading } = get();
    if (path === null || loading || entries.length >= total) return;
    set({ loading: true });
    await fetchPage(generation, entries.length);
  },

  async neighbour(id, step) {
    const at = () => get().entries.findIndex((entry) => entry.id === id);
    if (at() === -1 || (step === 1 && at() === get().entries.length - 1)) await get().loadMore();
    const index = at();
    return index === -1 ? null : (get().entries[index + step] ?? null);
  },
}));

/** The question whose rows name every respondent: the questionnaire's first. */
function rosterQuestion(): QuestionId | null {
  return useProject.getState().summary?.questions[0]?.id ?? null;
}

async function fetchPage(asked: number, offset: number): Promise<void> {
  const questionId = rosterQuestion();
  if (questionId === null) {
    useRespondents.setState({ loading: false });
    return;
  }
  try {
    const page = await call("answers.list", { questionId, offset, limit: PAGE_SIZE });
    if (asked !== generation) return;
    const fresh = page.rows.map((row) => ({
      id: row.respondentId,
      label: row.respondent,
      attributes: row.attributes,
    }));
    useRespondents.setState((state) => ({
      entries: offset === 0 ? fresh : [...state.entries, ...fresh],
      total: page.total,
      loading: false,
    }));
  } catch (error) {
    if (asked !== generation) return;
    useRespondents.setState({ loading: false, error: errorMessage(error) });
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
  useRespondents.setState({ path: null, entries: [], total: 0, loading: false, error: null });
  if (state.summary) void useRespondents.getState().load();
});
