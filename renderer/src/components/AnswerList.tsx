/**
 * The grid: the selected question's answers, one row per respondent (or, by respondent,
 * one respondent's answers, one row per question), under a toolbar that searches,
 * filters and sorts them in the core. Virtualised: only the rows on screen are in the
 * DOM, and only the pages around them are loaded (stores/answers.ts).
 */
import { useEffect } from "react";
import { rowAt } from "../grid/page-cache.ts";
import type { GridTarget } from "../grid/query.ts";
import type { RowWindow } from "../grid/row-sizes.ts";
import { PAGE_SIZE, useAnswers } from "../stores/answers.ts";
import { useProject } from "../stores/project.ts";
import { AnswerRowView } from "./AnswerRow.tsx";
import { useShownColumns } from "./grid/ColumnsMenu.tsx";
import { ClearFilters, useFilterChips } from "./grid/FilterSummary.tsx";
import { GridToolbar } from "./grid/GridToolbar.tsx";
import { RespondentBar } from "./grid/RespondentBar.tsx";
import { useGradualRows } from "./grid/useGradualRows.ts";
import { useReveal } from "./grid/useReveal.ts";
import { useSparseList } from "./grid/useSparseList.ts";

const NO_COLUMNS: readonly string[] = [];
/** A row of two or three lines of answer: what a row not measured yet is taken to be. */
const ESTIMATED_ROW = 90;
/** Rows rendered beyond the viewport, in pixels: a slow scroll finds them ready. */
const OVERSCAN = 400;

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
  const pages = useAnswers((s) => s.pages);
  const total = useAnswers((s) => s.total);
  const loading = useAnswers((s) => s.loading);
  const error = useAnswers((s) => s.error);
  const resets = useAnswers((s) => s.resets);
  const view = useAnswers((s) => s.view);
  const codeIndex = useProject((s) => s.codeIndex);
  const chosen = useShownColumns();
  // One respondent's rows would repeat the same attributes: the header shows them once.
  const columns = kind === "question" ? chosen : NO_COLUMNS;
  // As long as the whole list from the start, so the scrollbar is the question: rows not
  // loaded yet stand in as placeholders until their page comes.
  const {
    window: span,
    inView,
    sizes,
    scrollerRef,
    spacerRef,
    measure,
    scrollToTop,
    scrollToIndex,
    racing,
    still,
  } = useSparseList({
    count: total,
    estimate: ESTIMATED_ROW,
    overscan: OVERSCAN,
    resetKey: resets,
  });
  const { first, last } = span;
  const mayRender = useGradualRows(span, resets, racing, still);

  // Pages load for where the list is, not for every place a racing scrollbar passes.
  useEffect(() => {
    if (!racing) view({ first, last });
  }, [first, last, racing, view]);

  // Another question, sort or filter is a new list: read it from the top.
  useEffect(() => scrollToTop(), [resets, scrollToTop]);
  // A search hit or a quote asked to be shown in its answer.
  useReveal(scrollToIndex);

  if (error) return <p className="notice error">Could not load the answers: {error}</p>;
  if (!loading && total === 0) return <NothingToShow kind={kind} />;

  // The rows in view are created first, then those above and below.
  const full = new Set<number>();
  for (const index of byPriority(span, inView)) {
    if (rowAt(pages, index, PAGE_SIZE) && mayRender(index)) full.add(index);
  }
  const slots = [];
  for (let index = first; index <= last; index++) {
    const row = rowAt(pages, index, PAGE_SIZE);
    if (row && full.has(index)) {
      slots.push(
        <div key={index} data-index={index} ref={measure} className="answer-slot">
          <AnswerRowView row={row} attributeNames={columns} codeIndex={codeIndex} view={kind} />
        </div>,
      );
    } else {
      // Not measured: it keeps the height the row had, or is assumed to have.
      slots.push(
        <div
          key={index}
          className="answer-slot answer-row-placeholder"
          style={{ height: sizes.sizeOf(index) }}
          aria-hidden="true"
        />,
      );
    }
  }

  return (
    <div className="answer-scroll" ref={scrollerRef} data-testid="answer-list" data-total={total}>
      <div ref={spacerRef} className="answer-spacer" style={{ height: sizes.total() }}>
        <div
          className="answer-window"
          style={{ transform: `translateY(${sizes.offsetOf(first)}px)` }}
        >
          {slots}
        </div>
      </div>
    </div>
  );
}

/** The window's rows, those in view first (top to bottom), then the ones nearest them. */
function byPriority(span: RowWindow, inView: RowWindow): number[] {
  const order: number[] = [];
  for (let index = inView.first; index <= inView.last; index++) order.push(index);
  for (let step = 1; ; step++) {
    const below = inView.last + step;
    const above = inView.first - step;
    if (below > span.last && above < span.first) break;
    if (below <= span.last) order.push(below);
    if (above >= span.first) order.push(above);
  }
  return order;
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
