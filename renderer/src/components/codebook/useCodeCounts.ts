/**
 * Keeps the counts beside the codes current: for the coder view of the top bar (all
 * coders, mine, or one coder), read again after every edit that touched segments or the
 * codebook, in this window or another. Edits come in bursts (a drag, undo pressed
 * repeatedly), so one read follows the last of them by 150 ms.
 */
import { useEffect, useRef } from "react";
import { subscribe } from "../../api/client.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { useCodebook, type CountsFor } from "../../stores/codebook.ts";
import { cameFromEdit } from "../../stores/edits.ts";
import { useProject } from "../../stores/project.ts";

const SETTLE_MS = 150;

export function useCodeCounts(): void {
  // Blind mode: the coder's own counts only (decision 0015), whatever the view says.
  const view = useCoding((s) => (s.blind ? "mine" : s.view));
  const coderId = useCoderId();
  const projectPath = useProject((s) => s.summary?.path ?? null);
  const whose: CountsFor = view === "all" ? null : view === "mine" ? (coderId ?? "nobody") : view;

  /** The project and coder view the counts were last asked for. */
  const asked = useRef<string | null>(null);
  // Ids mean other codes in another project: what was folded or open goes.
  useEffect(() => {
    useCodebook.getState().reset();
    asked.current = null;
  }, [projectPath]);

  // A project just opened shows its first answers before the counts are asked for: the
  // core answers one call at a time, and counting a million segments takes it a while.
  const rowsShown = useAnswers(
    (s) =>
      (s.target !== null && !s.loading) || useProject.getState().summary?.questions.length === 0,
  );
  useEffect(() => {
    if (projectPath === null) return;
    const key = `${projectPath}\n${String(whose)}`;
    if (asked.current === key || (asked.current === null && !rowsShown)) return;
    asked.current = key;
    void useCodebook.getState().refreshCounts(whose);
  }, [whose, projectPath, rowsShown]);

  // A new summary that no edit brought is new data (an import): the counts follow.
  const summary = useProject((s) => s.summary);
  useEffect(() => {
    if (summary === null || cameFromEdit(summary) || asked.current === null) return;
    void useCodebook.getState().refreshCounts(useCodebook.getState().countsFor);
  }, [summary]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe("project.edited", (event) => {
      if (event.answerIds.length === 0 && !event.codebookChanged) return;
      clearTimeout(timer);
      timer = setTimeout(
        () => void useCodebook.getState().refreshCounts(useCodebook.getState().countsFor),
        SETTLE_MS,
      );
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
