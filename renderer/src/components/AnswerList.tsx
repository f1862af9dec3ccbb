/**
 * The selected question's answers, one row per respondent: who answered (with their
 * attributes) on the left, the answer with its highlights on the right. Virtualised:
 * only the rows on screen are in the DOM, and pages load as the list scrolls.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { useAnswers } from "../stores/answers.ts";
import { useProject } from "../stores/project.ts";
import { AnswerRowView } from "./AnswerRow.tsx";

export function AnswerList() {
  const { rows, total, loading, error, loadMore } = useAnswers();
  const codeIndex = useProject((s) => s.codeIndex);
  const attributes = useProject((s) => s.summary?.attributes ?? []);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => rows[index]?.answerId ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastVisible >= rows.length - 20) void loadMore();
  }, [lastVisible, rows.length, loadMore]);

  if (error) return <p className="notice error">Could not load the answers: {error}</p>;
  if (!loading && total === 0) return <p className="notice">This question has no answers yet.</p>;

  return (
    <div className="answer-scroll" ref={scrollRef} data-testid="answer-list">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="answer-row-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <AnswerRowView
                row={row}
                attributeNames={attributes}
                codeIndex={codeIndex}
                view="question"
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
