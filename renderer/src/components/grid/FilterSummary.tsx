/**
 * Below the toolbar: how many answers show out of how many, each active filter as a
 * chip that removes it, and "Clear filters".
 */
import { useMemo } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { countLabel, filterChips, type FilterChip, type Names } from "../../grid/describe.ts";
import type { GridTarget } from "../../grid/query.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useProject } from "../../stores/project.ts";

/** The active filters of the view, in words, each with the filter without it. */
export function useFilterChips(kind: GridTarget["kind"]): FilterChip[] {
  const filter = useAnswers((s) => s.filter);
  const codeIndex = useProject((s) => s.codeIndex);
  const coders = useProject((s) => s.summary?.coders);
  return useMemo(() => {
    const names: Names = {
      codePath: (id) => codeIndex.get(id as CodeId)?.path.join(" > "),
      coderName: (id) => coders?.find((c) => c.id === id)?.name,
    };
    return filterChips(kind, filter, names);
  }, [kind, filter, codeIndex, coders]);
}

export function FilterSummary({ kind }: { readonly kind: GridTarget["kind"] }) {
  const total = useAnswers((s) => s.total);
  const unfiltered = useAnswers((s) => s.unfiltered);
  // Until a new list's first page comes, its total is not known.
  const counting = useAnswers((s) => s.loading);
  const setFilter = useAnswers((s) => s.setFilter);
  const chips = useFilterChips(kind);
  const filtered = chips.length > 0;
  return (
    <div className="grid-summary">
      <span className="grid-total" data-testid="answer-count" aria-live="polite">
        {counting ? "Loading answers…" : countLabel(total, unfiltered, filtered)}
      </span>
      {chips.length > 0 && (
        <ul className="grid-chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.key} className="grid-chip" data-chip={chip.key}>
              <span>{chip.label}</span>
              <button
                type="button"
                aria-label={`Remove filter: ${chip.label}`}
                onClick={() => void setFilter(chip.without)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {filtered && <ClearFilters kind={kind} />}
    </div>
  );
}

/** Removes the filters the view applies (a respondent's view keeps the question's). */
export function ClearFilters({ kind }: { readonly kind: GridTarget["kind"] }) {
  const filter = useAnswers((s) => s.filter);
  const setFilter = useAnswers((s) => s.setFilter);
  return (
    <button
      type="button"
      className="link grid-clear"
      onClick={() => void setFilter(kind === "question" ? {} : { attributes: filter.attributes })}
    >
      Clear filters
    </button>
  );
}
