/**
 * The grid's rows: the selected question's answers (or all answers of one respondent),
 * filtered and sorted by the core in SQL. The list is as long as the filtered total
 * from the start; its rows come in pages of PAGE_SIZE, fetched when the list shows them
 * and dropped again when far away, so a question of 100,000 answers is never on the
 * page at once, and its last answers are one page away from its first.
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
  loadedRows,
  withFreshRows,
  withoutPages,
  withPage,
  type PageCache,
} from "../grid/page-cache.ts";
import { pagesToEvict, pagesWanted, type RowRange } from "../grid/paging.ts";
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

/** Rows per request (the API allows up to 500). */
export const PAGE_SIZE = 200;
/** Pages kept in memory: 4,000 rows, many screens' worth around the place read. */
const PAGES_KEPT = 20;
/**
 * Requests on their way at once. A scrollbar dragged across the list asks for pages it
 * has left behind before they come; with few in flight, the next request is always for
 * where the list is now.
 */
const MAX_IN_FLIGHT = 2;

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
  /** Rows that match the filter: the list's length. */
  readonly total: number;
  /** All rows of the question or respondent; null while unknown. */
  readonly unfiltered: number | null;
  /** The loaded pages of the list, by page index (see grid/page-cache.ts). */
  readonly pages: PageCache<AnswerRow>;
  /**
   * Every loaded row, in list order: the rows on screen and some pages around them, not
   * the whole list. For finding a shown row by its answer id.
   */
  readonly rows: readonly AnswerRow[];
  /** A new list's first page is on its way: its total is not known yet. */
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
  /** The list's rows on screen now (indices, inclusive): their pages load if missing. */
  view(range: RowRange): void;
  /** Reloads the rows on screen after the project changed, keeping the place. */
  refresh(): Promise<void>;
  /** Swaps in fresh rows of answers an edit changed; rows not loaded are ignored. */
  patchRows(fresh: readonly AnswerRow[]): void;
  /** The user's verdict: a real answer, or a placeholder that means no answer. */
  setStatus(answerId: AnswerId, status: "answered" | "non_response"): Promise<void>;
}

const NO_PAGES: PageCache<AnswerRow> = new Map();

export const useAnswers = create<AnswersState>()((set, get) => ({
  target: null,
  questionId: null,
  lastRespondent: null,
  sort: DEFAULT_SORT,
  filter: NO_FILTER,
  total: 0,
  unfiltered: null,
  pages: NO_PAGES,
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

  view(range) {
    if (range.first === onScreen.first && range.last === onScreen.last) return;
    onScreen = range;
    void pump();
  },

  async refresh() {
    const { target, pages, loading, total } = get();
    // A first page on its way was asked for after the change: it is fresh already.
    if (target === null || loading) return;
    generation++;
    inFlight = new Set();
    // The pages on screen stay shown until their fresh copies come; the others would be
    // stale, and are fetched again if the list comes back to them.
    const wanted = pagesWanted(onScreen, PAGE_SIZE, total);
    const kept = withoutPages(
      pages,
      [...pages.keys()].filter((page) => !wanted.includes(page)),
    );
    stale = new Set(kept.keys());
    set({ pages: kept, rows: loadedRows(kept), error: null });
    // An empty list has no page on screen: its first page tells whether rows came.
    const fetching = total === 0 ? [fetchPage(generation, 0)] : pump();
    await Promise.all([...fetching, fetchUnfiltered(generation)]);
  },

  patchRows(fresh) {
    const pages = withFreshRows(get().pages, fresh, (row) => row.answerId);
    if (pages !== get().pages) set({ pages, rows: loadedRows(pages) });
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
/** Pages requested for the current generation and not yet arrived. */
let inFlight = new Set<number>();
/** Loaded pages that a refresh is fetching again. */
let stale = new Set<number>();
/** The rows the list last said were on screen. */
let onScreen: RowRange = { first: 0, last: 0 };

/** Starts the list again from the top for the current target, sort and filter. */
async function restart(): Promise<void> {
  const asked = ++generation;
  inFlight = new Set();
  stale = new Set();
  onScreen = { first: 0, last: 0 };
  const { target, resets } = useAnswers.getState();
  useAnswers.setState({
    total: 0,
    unfiltered: null,
    pages: NO_PAGES,
    rows: [],
    error: null,
    loading: target !== null,
    resets: resets + 1,
  });
  if (target === null) return;
  await Promise.all([fetchPage(asked, 0), fetchUnfiltered(asked)]);
}

/**
 * Asks for the pages the screen needs that are neither loaded (fresh) nor on their way,
 * nearest first, as far as the requests in flight allow. Runs again as each page comes.
 */
function pump(): Promise<void>[] {
  const { target, total, pages, loading, error } = useAnswers.getState();
  // Until the first page says how long the list is, there is nothing else to ask for.
  if (target === null || loading || error !== null) return [];
  const started: Promise<void>[] = [];
  for (const page of pagesWanted(onScreen, PAGE_SIZE, total)) {
    if (inFlight.size >= MAX_IN_FLIGHT) break;
    if (inFlight.has(page) || (pages.has(page) && !stale.has(page))) continue;
    started.push(fetchPage(generation, page));
  }
  return started;
}

function pageInput(offset: number, limit: number) {
  const { target, sort, filter } = useAnswers.getState();
  if (target === null) throw new Error("answers: no question or respondent to list");
  return listInput(target, sort, filter, offset, limit);
}

async function fetchPage(asked: number, page: number): Promise<void> {
  inFlight.add(page);
  try {
    const result = await call("answers.list", pageInput(page * PAGE_SIZE, PAGE_SIZE));
    if (asked !== generation) return;
    inFlight.delete(page);
    stale.delete(page);
    takePage(page, result.rows, result.total);
  } catch (error) {
    if (asked !== generation) return;
    inFlight.delete(page);
    useAnswers.setState({ loading: false, error: errorMessage(error) });
    return;
  }
  // The next pages load on their own; whoever asked for this one waits for it alone.
  void pump();
}

/** Puts a page in the cache, and drops the pages farthest from the screen beyond the few kept. */
function takePage(page: number, rows: readonly AnswerRow[], total: number): void {
  const current = useAnswers.getState().pages;
  const added = withPage(current, page, rows, total, PAGE_SIZE);
  const wanted = pagesWanted(onScreen, PAGE_SIZE, total);
  const pages = withoutPages(added, pagesToEvict(added.keys(), wanted, PAGES_KEPT));
  useAnswers.setState({ pages, rows: loadedRows(pages), total, loading: false });
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
