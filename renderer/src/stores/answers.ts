/**
 * The grid's rows: the selected question's answers (or all answers of one respondent),
 * filtered and sorted by the core in SQL and fetched page by page as the list scrolls,
 * so a question with 100,000 answers never travels to the page at once.
 */
import { create } from "zustand";
import type {
  AnswerId,
  AnswerRow,
  CodeId,
  QuestionId,
  RespondentId,
} from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import {
  DEFAULT_SORT,
  NO_FILTER,
  cleanFilter,
  effectiveFilter,
  hasFilter,
  listInput,
  sameQuery,
  type AnswerFilter,
  type AnswerSort,
  type GridTarget,
} from "../grid/query.ts";
import { useProject } from "./project.ts";

const PAGE_SIZE = 200;
/** The contract's MAX_PAGE, repeated: importing it would bundle zod into the page. */
const MAX_PAGE = 500;

interface AnswersState {
  /** What the list shows; null without a project or question. */
  readonly target: GridTarget | null;
  /** The question shown (null in the by-respondent view). */
  readonly questionId: QuestionId | null;
  /** The respondent last shown in the by-respondent view, to return to. */
  readonly lastRespondent: { readonly id: RespondentId; readonly label: string } | null;
  readonly sort: AnswerSort;
  /** As the user set it; the by-respondent view applies only part of it. */
  readonly filter: AnswerFilter;
  /** Rows that match the filter. */
  readonly total: number;
  /** All rows of the question or respondent; null while unknown. */
  readonly unfiltered: number | null;
  readonly rows: readonly AnswerRow[];
  readonly loading: boolean;
  readonly error: string | null;
  /** Counts new lists (another question, sort or filter): the view goes back to the top. */
  readonly resets: number;
  /** A question's answers (null: nothing to show). */
  show(questionId: QuestionId | null): Promise<void>;
  /** All answers of one respondent, one row per question. */
  showRespondent(respondentId: RespondentId, label: string): Promise<void>;
  setSort(sort: AnswerSort): Promise<void>;
  setFilter(filter: AnswerFilter): Promise<void>;
  loadMore(): Promise<void>;
  /** Reloads the rows already loaded, after the project changed, keeping the place. */
  refresh(): Promise<void>;
  /** Swaps in fresh rows of answers an edit changed; rows not shown are ignored. */
  patchRows(fresh: readonly AnswerRow[]): void;
  /** The user's verdict: a real answer, or a placeholder that means no answer. */
  setStatus(answerId: AnswerId, status: "answered" | "non_response"): Promise<void>;
}

export const useAnswers = create<AnswersState>()((set, get) => ({
  target: null,
  questionId: null,
  lastRespondent: null,
  sort: DEFAULT_SORT,
  filter: NO_FILTER,
  total: 0,
  unfiltered: null,
  rows: [],
  loading: false,
  error: null,
  resets: 0,

  async show(questionId) {
    set({
      target: questionId === null ? null : { kind: "question", questionId },
      questionId,
    });
    await restart();
  },

  async showRespondent(respondentId, label) {
    set({
      target: { kind: "respondent", respondentId, label },
      questionId: null,
      lastRespondent: { id: respondentId, label },
    });
    await restart();
  },

  async setSort(sort) {
    if (sameQuery(sort, get().sort)) return;
    set({ sort });
    await restart();
  },

  async setFilter(filter) {
    const clean = cleanFilter(filter);
    if (sameQuery(clean, get().filter)) return;
    set({ filter: clean });
    await restart();
  },

  async loadMore() {
    const { target, rows, total, loading } = get();
    if (target === null || loading || rows.length >= total) return;
    set({ loading: true });
    await fetchPage(generation, rows.length);
  },

  async refresh() {
    const { target, rows, loading } = get();
    // A first page on its way was asked for after the change: it is fresh already.
    if (target === null || (loading && rows.length === 0)) return;
    await refetch(Math.max(rows.length, PAGE_SIZE));
  },

  patchRows(fresh) {
    if (fresh.length === 0) return;
    const byId = new Map(fresh.map((row) => [row.answerId, row]));
    set((state) => ({ rows: state.rows.map((row) => byId.get(row.answerId) ?? row) }));
  },

  async setStatus(answerId, status) {
    try {
      const edit = await call("answers.setStatus", { answerId, status });
      get().patchRows(edit.answers);
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
    }
  },
}));

/**
 * Bumped whenever the list is reset (another question, sort, filter or project) or
 * reloaded: a page that arrives for an older list is dropped. Question ids alone would
 * not do, since every project numbers its questions from 1.
 */
let generation = 0;

/** Starts the list again from the top for the current target, sort and filter. */
async function restart(): Promise<void> {
  const asked = ++generation;
  const { target, resets } = useAnswers.getState();
  useAnswers.setState({
    total: 0,
    unfiltered: null,
    rows: [],
    error: null,
    loading: target !== null,
    resets: resets + 1,
  });
  if (target === null) return;
  await Promise.all([fetchPage(asked, 0), fetchUnfiltered(asked)]);
}

function pageInput(offset: number, limit: number) {
  const { target, sort, filter } = useAnswers.getState();
  if (target === null) throw new Error("answers: no question or respondent to list");
  return listInput(target, sort, filter, offset, limit);
}

async function fetchPage(asked: number, offset: number): Promise<void> {
  try {
    const page = await call("answers.list", pageInput(offset, PAGE_SIZE));
    if (asked !== generation) return;
    useAnswers.setState((state) => ({
      total: page.total,
      rows: offset === 0 ? page.rows : [...state.rows, ...page.rows],
      loading: false,
    }));
  } catch (error) {
    if (asked !== generation) return;
    useAnswers.setState({ loading: false, error: errorMessage(error) });
  }
}

/**
 * How many answers there are before filtering, for "Showing 37 of 120": one row asked
 * without the filter. Without a filter the page's own total says it.
 */
async function fetchUnfiltered(asked: number): Promise<void> {
  const { target, filter } = useAnswers.getState();
  if (target === null || !hasFilter(effectiveFilter(target.kind, filter))) return;
  try {
    const page = await call("answers.list", listInput(target, DEFAULT_SORT, NO_FILTER, 0, 1));
    if (asked === generation) useAnswers.setState({ unfiltered: page.total });
  } catch {
    // The count line then reads "37 answers": the list itself is what matters.
  }
}

/** The first `wanted` rows again, in pages the API allows, swapped in all at once. */
async function refetch(wanted: number): Promise<void> {
  const asked = ++generation;
  useAnswers.setState({ loading: true });
  try {
    const rows: AnswerRow[] = [];
    let total = 0;
    do {
      const limit = Math.min(MAX_PAGE, wanted - rows.length);
      const page = await call("answers.list", pageInput(rows.length, limit));
      if (asked !== generation) return;
      total = page.total;
      rows.push(...page.rows);
      if (page.rows.length < limit) break;
    } while (rows.length < wanted);
    useAnswers.setState({ rows, total, loading: false, error: null });
    void fetchUnfiltered(asked);
  } catch (error) {
    if (asked !== generation) return;
    useAnswers.setState({ loading: false, error: errorMessage(error) });
  }
}

/**
 * Another project has other codes, attributes and respondents: its grid starts with no
 * filter. This runs when the project store takes in the new summary, before the app
 * asks for the new project's first question.
 */
useProject.subscribe((state, previous) => {
  if (state.summary?.path !== previous.summary?.path) {
    useAnswers.setState({ filter: NO_FILTER, sort: DEFAULT_SORT, lastRespondent: null });
    return;
  }
  // A code filtered by can go (its creation undone), and the core refuses a filter on a
  // code that does not exist: the filter goes with it.
  const { filter, setFilter } = useAnswers.getState();
  const codeId = filter.coded?.codeId;
  if (codeId !== undefined && !state.codeIndex.has(codeId as CodeId)) {
    void setFilter({ ...filter, coded: undefined });
  }
});
