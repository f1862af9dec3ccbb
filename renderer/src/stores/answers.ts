/**
 * The answers of the selected question, fetched page by page as the list scrolls, so a
 * question with 100,000 answers never travels to the page at once.
 */
import { create } from "zustand";
import type { AnswerRow, QuestionId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";

const PAGE_SIZE = 200;

interface AnswersState {
  readonly questionId: QuestionId | null;
  readonly total: number;
  readonly rows: readonly AnswerRow[];
  readonly loading: boolean;
  readonly error: string | null;
  show(questionId: QuestionId | null): Promise<void>;
  loadMore(): Promise<void>;
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
}));

/**
 * Bumped whenever the list is reset (another question, another project): a page that
 * arrives for an older list is dropped. Question ids alone would not do, since every
 * project numbers its questions from 1.
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
