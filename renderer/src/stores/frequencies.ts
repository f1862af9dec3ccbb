/**
 * The frequencies view's choices: which question (or all), whose coding, which
 * respondents (an attribute filter), which mode (tables, crosstab, response rate) and,
 * for the crosstab, which attribute splits the codes. Until the user picks, the question
 * follows the grid's selection and the coder the top bar's coder view.
 */
import { create } from "zustand";
import type { TallyScope } from "../../../shared/api/tally-api.ts";
import type { CodeId, QuestionId } from "../../../shared/domain.ts";
import {
  coderFilter,
  type AttributeChoice,
  type CoderChoice,
} from "../retrieval/passages-query.ts";
import { useCoderId, useCoding } from "./coding.ts";
import { useProject } from "./project.ts";

export type FrequencyMode = "tables" | "crosstab" | "rate";
export type Measure = "count" | "percent";

/** A question, every question, or null: the question selected in the grid. */
export type QuestionChoice = QuestionId | "all" | null;

interface FrequenciesState {
  readonly question: QuestionChoice;
  readonly coder: CoderChoice;
  readonly attributes: readonly AttributeChoice[];
  readonly mode: FrequencyMode;
  /** The attribute the crosstab splits by; null: the project's first. */
  readonly crosstabAttribute: string | null;
  /** The crosstab shows only this category's subtree; null: every code. */
  readonly crosstabCodeId: CodeId | null;
  readonly measure: Measure;
  setQuestion(question: QuestionChoice): void;
  setCoder(coder: CoderChoice): void;
  setAttributes(attributes: readonly AttributeChoice[]): void;
  setMode(mode: FrequencyMode): void;
  setCrosstab(attribute: string | null, codeId: CodeId | null): void;
  setMeasure(measure: Measure): void;
}

const INITIAL = {
  question: null,
  coder: null,
  attributes: [],
  mode: "tables",
  crosstabAttribute: null,
  crosstabCodeId: null,
  measure: "count",
} as const satisfies Partial<FrequenciesState>;

export const useFrequencies = create<FrequenciesState>()((set) => ({
  ...INITIAL,
  setQuestion: (question) => set({ question }),
  // Blind mode counts only the coder's own work (decision 0015): no other choice.
  setCoder: (coder) => set(useCoding.getState().blind ? { coder: null } : { coder }),
  setAttributes: (attributes) => set({ attributes: attributes.filter((a) => a.values.length > 0) }),
  setMode: (mode) => set({ mode }),
  setCrosstab: (crosstabAttribute, crosstabCodeId) => set({ crosstabAttribute, crosstabCodeId }),
  setMeasure: (measure) => set({ measure }),
}));

// Another project: its questions, coders, attributes and codes are others.
useProject.subscribe((state, previous) => {
  if (state.summary?.path === previous.summary?.path) return;
  useFrequencies.setState(INITIAL);
});

useCoding.subscribe((state, previous) => {
  if (state.blind && !previous.blind) useFrequencies.setState({ coder: null });
});

/** The question the view shows: undefined for every question. */
export function useFrequencyQuestion(): QuestionId | undefined {
  const choice = useFrequencies((s) => s.question);
  const selected = useProject((s) => s.selectedQuestionId);
  const questions = useProject((s) => s.summary?.questions);
  if (choice === "all") return undefined;
  const wanted = choice ?? selected;
  return questions?.some((q) => q.id === wanted) ? (wanted ?? undefined) : undefined;
}

/** The tally scope the toolbar's choices make. */
export function useFrequencyScope(): TallyScope {
  const questionId = useFrequencyQuestion();
  const coder = useFrequencies((s) => s.coder);
  const attributes = useFrequencies((s) => s.attributes);
  const view = useCoding((s) => s.view);
  const blind = useCoding((s) => s.blind);
  const activeId = useCoderId();
  const coderId = coderFilter(blind ? null : coder, view, activeId);
  return {
    ...(questionId !== undefined ? { questionId } : {}),
    ...(coderId !== undefined ? { coderId } : {}),
    ...(attributes.length > 0
      ? { attributes: attributes.map((a) => ({ name: a.name, values: [...a.values] })) }
      : {}),
  };
}
