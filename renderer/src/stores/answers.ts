/**
 * The answers of the selected question, fetched page by page as the list scrolls, so a
 * question with 100,000 answers never travels to the page at once.
 */
import { create } from "zustand";
import type { AnswerId, AnswerRow, QuestionId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import { useProject } from "./project.ts";

const PAGE_SIZE = 200;
/** The contract's MAX_PAGE, repeated: importing it would bundle zod into the page. */
const MAX_PAGE = 500;

interface AnswersState {
  readonly questionId: QuestionId | null;
  readonly total: number;
  readonly rows: readonly AnswerRow[];
  readonly loading: boolean;
  readonly error: string | null;
  show(questionId: QuestionId | null): Promise<void>;
  loadMore(): Promise<void>;
  /** Reloads the rows already loaded, after the project changed, keeping the place. */
  refresh(): Promise<void>;
  /** Swaps in fresh rows of answers an edit changed; rows not shown are ignored. */
  patchRows(fresh: readonly AnswerRow[]): void;
  /** The user's verdict: a real answer, or a placeholder that means no answer. */
  setStatus(answerId: AnswerId, status: "answered" | "non_response"): Promise<void>;
}

export const useAnswers = create<AnswersState>()((set, get) => ({
  questionId: null,
  total: 0,
  rows: [],
  loading: false,
  error: null,

  async show(questionId) {
    generation++;
    set({ questionId, total: 0, rows: [], error: null, loading: questionId !== null });
    if (questionId === null) return;
    await fetchPage(questionId, 0);
  },

  async loadMore() {
    const { questionId, rows, total, loading } = get();
    if (questionId === null || loading || rows.length >= total) return;
    set({ loading: true });
    await fetchPage(questionId, rows.length);
  },

  async refresh() {
    const { questionId, rows, loading } = get();
    // A first page on its way was asked for after the change: it is fresh already.
    if (questionId === null || (loading && rows.length === 0)) return;
    await refetch(questionId, Math.max(rows.length, PAGE_SIZE));
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
 * Bumped whenever the list is reset (another question, another project) or reloaded: a
 * page that arrives for an older list is dropped. Question ids alone would not do,
 * since every project numbers its questions from 1.
 */
let generation = 0;

async function fetchPage(questionId: QuestionId, offset: number): Promise<void> {
  const asked = generation;
  try {
    const page = await call("answers.list", { questionId, offset, limit: PAGE_SIZE });
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

/** The first `wanted` rows again, in pages the API allows, swapped in all at once. */
async function refetch(questionId: QuestionId, wanted: number): Promise<void> {
  const asked = ++generation;
  useAnswers.setState({ loading: true });
  try {
    const rows: AnswerRow[] = [];
    let total = 0;
    do {
      const limit = Math.min(MAX_PAGE, wanted - rows.length);
      const page = await call("answers.list", { questionId, offset: rows.length, limit });
      if (asked !== generation) return;
      total = page.total;
      rows.push(...page.rows);
      if (page.rows.length < limit) break;
    } while (rows.length < wanted);
    useAnswers.setState({ rows, total, loading: false, error: null });
  } catch (error) {
    if (asked !== generation) return;
    useAnswers.setState({ loading: false, error: errorMessage(error) });
  }
}
