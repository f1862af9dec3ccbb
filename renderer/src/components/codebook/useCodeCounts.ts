/**
 * Keeps the counts beside the codes current: for the coder view of the top bar (all
 * coders, mine, or one coder), read again after every edit that touched segments or the
 * codebook, in this window or another. Edits come in bursts (a drag, undo pressed
 * repeatedly), so one read follows the last of them by 150 ms.
 */
import { useEffect } from "react";
import { subscribe } from "../../api/client.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { useCodebook, type CountsFor } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";

const SETTLE_MS = 150;

export function useCodeCounts(): void {
  const view = useCoding((s) => s.view);
  const coderId = useCoderId();
  const projectPath = useProject((s) => s.summary?.path ?? null);
  const whose: CountsFor = view === "all" ? null : view === "mine" ? (coderId ?? "nobody") : view;

  // Ids mean other codes in another project: what was folded or open goes.
  useEffect(() => {
    useCodebook.getState().reset();
  }, [projectPath]);

  useEffect(() => {
    if (projectPath !== null) void useCodebook.getState().refreshCounts(whose);
  }, [whose, projectPath]);

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
