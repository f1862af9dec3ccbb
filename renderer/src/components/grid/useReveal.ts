/**
 * Shows an answer asked for from another view (a search hit, a quote's "Show in answer"):
 * the grid switches to its question, finds where the answer stands in the list as it is
 * sorted and filtered (the core answers that), scrolls there, and selects the passage,
 * so K codes it straight away. A filter that hides the answer is cleared, and the
 * announcement says so.
 */
import { useEffect, useRef } from "react";
import type { AnswerFilter } from "../../grid/query.ts";
import { call, errorMessage } from "../../api/client.ts";
import { useAnswers } from "../../stores/answers.ts";
import { focusAnswerText } from "../../stores/coding-panels.ts";
import { useCoding } from "../../stores/coding.ts";
import { useEdits } from "../../stores/edits.ts";
import { useProject } from "../../stores/project.ts";
import { useView, type Reveal } from "../../stores/view.ts";
import { selectInAnswer } from "../coding/answer-editors.ts";

/** How long to wait for the row's page to load and render before giving up. */
const PATIENCE_MS = 3000;

export function useReveal(scrollToIndex: (index: number) => void): void {
  const reveal = useView((s) => s.reveal);
  const target = useAnswers((s) => s.target);
  const loading = useAnswers((s) => s.loading);
  const handled = useRef(0);

  useEffect(() => {
    if (!reveal || handled.current === reveal.serial) return;
    if (target?.kind !== "question" || target.questionId !== reveal.questionId) {
      // Another question (or the respondent view) first; this runs again once it shows.
      const project = useProject.getState();
      if (project.selectedQuestionId !== reveal.questionId) {
        project.selectQuestion(reveal.questionId);
      } else {
        void useAnswers.getState().show(reveal.questionId);
      }
      return;
    }
    if (loading) return;
    handled.current = reveal.serial;
    let cancelled = false;
    void (async () => {
      try {
        const index = await locate(reveal);
        if (cancelled || index === null) return;
        scrollToIndex(index);
        useCoding.getState().select({
          answerId: reveal.answerId,
          start: reveal.start,
          end: reveal.end,
        });
        await selectWhenShown(reveal, () => cancelled);
      } catch (error) {
        useProject.getState().reportError(errorMessage(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [reveal, target, loading, scrollToIndex]);
}

/** The answer's index in the grid's list; clears the filters when they hide it. */
async function locate(reveal: Reveal): Promise<number | null> {
  const { sort, filter } = useAnswers.getState();
  const query = { answerId: reveal.answerId, questionId: reveal.questionId, sort };
  const { index } = await call("answers.locate", { ...query, filter });
  if (index !== null || isEmpty(filter)) return index;
  await useAnswers.getState().setFilter({});
  useEdits.getState().announce("Filters cleared to show the answer");
  return (await call("answers.locate", query)).index;
}

function isEmpty(filter: AnswerFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/** Waits for the row to render, then centres it, selects the passage and focuses it. */
async function selectWhenShown(reveal: Reveal, cancelled: () => boolean): Promise<void> {
  const deadline = performance.now() + PATIENCE_MS;
  while (!cancelled() && performance.now() < deadline) {
    const text = document.querySelector<HTMLElement>(`[data-answer-text="${reveal.answerId}"]`);
    if (text) {
      text.scrollIntoView({ block: "center" });
      focusAnswerText(reveal.answerId);
      selectInAnswer(reveal.answerId, reveal.start, reveal.end);
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
