/**
 * The agreement view's choices: which coders to compare (two, or more for Fleiss' kappa
 * and Krippendorff's alpha), on which questions, the segment-level threshold, and
 * whether the view shows the report or the review queue. The report itself is read by
 * the report panel; the queue by stores/review.ts.
 */
import { useMemo } from "react";
import { create } from "zustand";
import { DEFAULT_THRESHOLD } from "../../../shared/api/agreement-api.ts";
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import { chosenCoders, chosenQuestions } from "../agreement/scope.ts";
import { useProject } from "./project.ts";

export type AgreementMode = "report" | "review";
export type AgreementLevel = "answer" | "segment";
/** The figures on screen: as the coding is now, or as recorded when the review started. */
export type AgreementMoment = "now" | "before";

interface AgreementState {
  /** Empty until the user picks: the view then proposes the first two coders. */
  readonly coderIds: readonly CoderId[];
  /** Empty: every question. */
  readonly questionIds: readonly QuestionId[];
  readonly threshold: number;
  readonly level: AgreementLevel;
  readonly mode: AgreementMode;
  /** Only meaningful while the chosen two coders have a review; "now" otherwise. */
  readonly moment: AgreementMoment;
  setCoders(coderIds: readonly CoderId[]): void;
  setQuestions(questionIds: readonly QuestionId[]): void;
  setThreshold(threshold: number): void;
  setLevel(level: AgreementLevel): void;
  setMode(mode: AgreementMode): void;
  setMoment(moment: AgreementMoment): void;
}

export const useAgreement = create<AgreementState>()((set) => ({
  coderIds: [],
  questionIds: [],
  threshold: DEFAULT_THRESHOLD,
  level: "answer",
  mode: "report",
  moment: "now",
  setCoders: (coderIds) => set({ coderIds }),
  setQuestions: (questionIds) => set({ questionIds }),
  setThreshold: (threshold) => set({ threshold }),
  setLevel: (level) => set({ level }),
  setMode: (mode) => set({ mode }),
  setMoment: (moment) => set({ moment }),
}));

const NONE: never[] = [];

/**
 * What the view compares now: the chosen coders that exist, topped up to two with the
 * project's first coders; the chosen questions that exist (empty: every question). The
 * report and the review queue both start from these.
 */
export function useAgreementChoice(): {
  readonly coderIds: readonly CoderId[];
  readonly questionIds: readonly QuestionId[];
  readonly threshold: number;
} {
  const storedCoders = useAgreement((s) => s.coderIds);
  const storedQuestions = useAgreement((s) => s.questionIds);
  const threshold = useAgreement((s) => s.threshold);
  const coders = useProject((s) => s.summary?.coders ?? NONE);
  const questions = useProject((s) => s.summary?.questions ?? NONE);
  return useMemo(
    () => ({
      coderIds: chosenCoders(storedCoders, coders),
      questionIds: chosenQuestions(storedQuestions, questions),
      threshold,
    }),
    [storedCoders, storedQuestions, threshold, coders, questions],
  );
}
