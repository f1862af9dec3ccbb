/**
 * The compact bar above the answers: search, the one-click "Answered only", the filter
 * panel, the sort and the attribute columns; below it the count and the active filters.
 */
import { isAnsweredOnly, withAnsweredOnly, type GridTarget } from "../../grid/query.ts";
import { useAnswers } from "../../stores/answers.ts";
import { ColumnsMenu } from "./ColumnsMenu.tsx";
import { FilterMenu } from "./FilterMenu.tsx";
import { FilterSummary } from "./FilterSummary.tsx";
import { SearchBox } from "./SearchBox.tsx";
import { SortControl } from "./SortControl.tsx";
import "./grid.css";

export function GridToolbar({ kind }: { readonly kind: GridTarget["kind"] }) {
  return (
    <div className="grid-toolbar" role="toolbar" aria-label="Filter and sort answers">
      <div className="grid-controls">
        <SearchBox />
        <AnsweredOnly />
        <FilterMenu kind={kind} />
        <span className="grid-spacer" />
        {kind === "question" && <SortControl />}
        {kind === "question" && <ColumnsMenu />}
      </div>
      <FilterSummary kind={kind} />
    </div>
  );
}

/** Hides blank cells and non-responses in one click (and shows them again). */
function AnsweredOnly() {
  const filter = useAnswers((s) => s.filter);
  const setFilter = useAnswers((s) => s.setFilter);
  const on = isAnsweredOnly(filter);
  return (
    <button
      type="button"
      className={`grid-button toggle${on ? " active" : ""}`}
      aria-pressed={on}
      title="Hide non-responses and blanks"
      onClick={() => void setFilter(withAnsweredOnly(filter, !on))}
    >
      <span className="toggle-box" aria-hidden="true">
        {on ? "✓" : ""}
      </span>
      Answered only
    </button>
  );
}
