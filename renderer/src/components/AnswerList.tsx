/**
 * The grid: the selected question's answers, one row per respondent (or, by respondent,
 * one respondent's answers, one row per question), under a toolbar that searches,
 * filters and sorts them in the core. Virtualised: only the rows on screen are in the
 * DOM, and pages load as the list scrolls.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { GridTarget } from "../grid/query.ts";
import { useAnswers } from "../stores/answers.ts";
import { useProject } from "../stores/project.ts";
import { AnswerRowView } from "./AnswerRow.tsx";
import { useShownColumns } from "./grid/ColumnsMenu.tsx";
import { ClearFilters, useFilterChips } from "./grid/FilterSummary.tsx";
import { GridToolbar } from "./grid/GridToolbar.tsx";
import { RespondentBar } from "./grid/RespondentBar.tsx";

const NO_COLUMNS: readonly string[] = [];

export function AnswerList() {
  const target = useAnswers((s) => s.target);
  const kind = target?.kind ?? "question";
  return (
    <section className={`grid view-${kind}`} aria-label="Answers">
      {target?.kind === "respondent" && (
        <RespondentBar respondentId={target.respondentId} label={target.label} />
      )}
      <GridToolbar kind={kind} />
      <GridBody kind={kind} />
    </section>
  );
}

function GridBody({ kind }: { readonly kind: GridTarget["kind"] }) {
  const rows = useAnswers((s) => s.rows);
  const total = useAnswers((s) => s.total);
  const loading = useAnswers((s) => s.loading);
  const error = useAnswers((s) => s.error);
  const resets = useAnswers((s) => s.resets);
  const loadMore = useAnswers((s) => s.loadMore);
  const codeIndex = useProject((s) => s.codeIndex);
  const chosen = useShownColumns();
  // One respondent's rows would repeat the same attributes: the header shows them once.
  const columns = kind === "question" ? chosen : NO_COLUMNS;
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

  // Another question, sort or filter is a new list: read it from the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resets]);

  if (error) return <p className="notice error">Could not load the answers: {error}</p>;
  if (!loading && total === 0) return <NothingToShow kind={kind} />;

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
              <AnswerRowView row={row} attributeNames={columns} codeIndex={codeIndex} view={kind} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function NothingToShow({ kind }: { readonly kind: GridTarget["kind"] }) {
  const chips = useFilterChips(kind);
  if (chips.length === 0) {
    return (
      <p className="notice">
        {kind === "question"
          ? "This question has no answers yet."
          : "No answers from this respondent."}
      </p>
    );
  }
  return (
    <div className="notice grid-empty" data-testid="no-match">
      <p>
        <strong>No answers match these filters.</strong>
      </p>
      <ul>
        {chips.map((chip) => (
          <li key={chip.key}>{chip.label}</li>
        ))}
      </ul>
      <ClearFilters kind={kind} />
    </div>
  );
}
