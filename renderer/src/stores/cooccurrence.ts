/**
 * The co-occurrence view: for one question or all, and for everyone's coding or one
 * coder's, the code x code table of respondents. Clicking a cell lists its passages.
 */
import { create } from "zustand";
import type { CooccurrenceTable } from "../../../shared/api/retrieval-api.ts";
import type { CodeId, QuestionId } from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import { coderFilter, type CoderChoice } from "../retrieval/passages-query.ts";
import { coderIdIn, isBlindWithoutCoder, useCoding } from "./coding.ts";
import { usePassages } from "./passages.ts";
import { useProject } from "./project.ts";
import { useView } from "./view.ts";

interface CooccurrenceState {
  /** One question's answers, or undefined for all of them. */
  readonly questionId: QuestionId | undefined;
  readonly coder: CoderChoice;
  readonly table: CooccurrenceTable | null;
  readonly loading: boolean;
  readonly error: string | null;
  setQuestion(questionId: QuestionId | undefined): void;
  setCoder(coder: CoderChoice): void;
  load(): Promise<void>;
  /** The passages behind a cell: the row's code where the column's code is too. */
  openCell(row: CodeId, column: CodeId): void;
}

let requests = 0;

export const useCooccurrence = create<CooccurrenceState>()((set, get) => ({
  questionId: undefined,
  coder: null,
  table: null,
  loading: false,
  error: null,

  setQuestion: (questionId) => set({ questionId }),
  // Blind mode counts only the coder's own work (decision 0015): no other choice.
  setCoder: (coder) => set(useCoding.getState().blind ? { coder: null } : { coder }),

  async load() {
    const { questionId, coder } = get();
    const { coder: name, view, blind } = useCoding.getState();
    const summary = useProject.getState().summary;
    if (isBlindWithoutCoder(blind, summary, name)) {
      // Nothing of the coder's to count (the view says so); an answer still on its way is void.
      requests++;
      set({ table: null, loading: false, error: null });
      return;
    }
    const coderId = coderFilter(blind ? null : coder, view, coderIdIn(summary, name));
    const request = ++requests;
    set({ loading: true });
    try {
      const table = await call("cooccurrence.table", {
        ...(questionId !== undefined ? { questionId } : {}),
        ...(coderId !== undefined ? { coderId } : {}),
      });
      if (request === requests) set({ table, loading: false, error: null });
    } catch (error) {
      if (request === requests) set({ loading: false, error: errorMessage(error) });
    }
  },

  openCell(row, column) {
    const { questionId, coder } = get();
    // The passages count the same coding as the cell they came from.
    usePassages.getState().setCoder(coder);
    useView.getState().showPassages({
      codeId: row,
      ...(row !== column ? { withCode: column } : {}),
      ...(questionId !== undefined ? { questionId } : {}),
    });
  },
}));

useCoding.subscribe((state, previous) => {
  if (state.blind && !previous.blind) useCooccurrence.setState({ coder: null });
});
