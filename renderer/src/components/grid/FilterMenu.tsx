/**
 * The "Filter" panel of the grid's toolbar: which statuses, which attribute values and
 * which codes an answer must have to show. Every change reloads the list from the core.
 */
import { ANSWER_STATUSES, type AnswerStatus } from "../../../../shared/domain.ts";
import { statusName } from "../../grid/describe.ts";
import {
  cleanFilter,
  effectiveFilter,
  type AnswerFilter,
  type GridTarget,
} from "../../grid/query.ts";
import { useAnswers } from "../../stores/answers.ts";
import { AttributeFilter } from "./AttributeFilter.tsx";
import { CodeFilter } from "./CodeFilter.tsx";
import { Popover } from "./Popover.tsx";

export function FilterMenu({ kind }: { readonly kind: GridTarget["kind"] }) {
  const filter = useAnswers((s) => s.filter);
  const setFilter = useAnswers((s) => s.setFilter);
  const active = Object.keys(effectiveFilter(kind, cleanFilter({ ...filter, text: "" }))).length;
  return (
    <Popover
      label={
        <>
          Filter
          {active > 0 && <span className="grid-count-badge">{active}</span>}
        </>
      }
      ariaLabel={active > 0 ? `Filter (${active} active)` : "Filter"}
      active={active > 0}
      panelLabel="Filter answers"
    >
      <div className="filter-panel">
        <StatusFilter filter={filter} onChange={setFilter} />
        {kind === "question" && <AttributeFilter filter={filter} onChange={setFilter} />}
        <CodeFilter filter={filter} onChange={setFilter} />
      </div>
    </Popover>
  );
}

interface PartProps {
  readonly filter: AnswerFilter;
  onChange(filter: AnswerFilter): void;
}

function StatusFilter({ filter, onChange }: PartProps) {
  const shown = filter.statuses ?? ANSWER_STATUSES;
  const toggle = (status: AnswerStatus, on: boolean) => {
    const next = ANSWER_STATUSES.filter((s) => (s === status ? on : shown.includes(s)));
    onChange({ ...filter, statuses: next.length === ANSWER_STATUSES.length ? undefined : next });
  };
  return (
    <fieldset className="filter-section">
      <legend>Show answers that are</legend>
      <div className="filter-options inline">
        {ANSWER_STATUSES.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={shown.includes(status)}
              // One status at least: an empty list would hide every answer.
              disabled={shown.length === 1 && shown.includes(status)}
              onChange={(event) => toggle(status, event.target.checked)}
            />
            {status === "answered" ? "Answered" : capitalise(statusName(status))}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
