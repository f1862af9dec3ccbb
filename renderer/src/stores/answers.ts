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

async function fetchPage(questionId: QuestionId, offset: number): Promise<void> {
  try {
    const page = await call("answers.list", { questionId, offset, limit: PAGE_SIZE });
    // A slow page for a question the user already left is dropped.
    if (useAnswers.getState().questionId !== questionId) return;
    useAnswers.setState((state) => ({
      total: page.total,
      rows: offset === 0 ? page.rows : [...state.rows, ...page.rows],
      loading: false,
    }));
  } catch (error) {
    useAnswers.setState({ loading: false, error: errorMessage(error) });
  }
}
