/**
 * The "Filter" panel of the grid's toolbar: which statuses, which attribute values and
 * which codes an answer must have to show. Every change reloads the list from the core.
 */
import { useEffect, useState } from "react";
import { ANSWER_STATUSES, type AnswerStatus } from "../../../../shared/domain.ts";
import { statusName } from "../../grid/describe.ts";
import {
  attributeValues,
  cleanFilter,
  effectiveFilter,
  valuesSeen,
  withAttributeValues,
  type AnswerFilter,
  type GridTarget,
} from "../../grid/query.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useProject } from "../../stores/project.ts";
import { useRespondents } from "../../stores/respondents.ts";
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

function AttributeFilter({ filter, onChange }: PartProps) {
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const rows = useAnswers((s) => s.rows);
  const roster = useRespondents((s) => s.entries);
  const loadRoster = useRespondents((s) => s.load);
  const firstFiltered = filter.attributes?.[0]?.name;
  const [name, setName] = useState(firstFiltered ?? attributes[0] ?? "");
  const [typed, setTyped] = useState("");

  // The values to tick are those seen among the respondents: there is no values API.
  useEffect(() => void loadRoster(), [loadRoster]);

  if (attributes.length === 0) return null;
  const ticked = attributeValues(filter, name);
  const values = valuesSeen([...roster, ...rows], name, ticked);
  const setTicked = (next: readonly string[]) => onChange(withAttributeValues(filter, name, next));
  const addTyped = () => {
    const value = typed.trim();
    if (value && !ticked.includes(value)) setTicked([...ticked, value]);
    setTyped("");
  };

  return (
    <fieldset className="filter-section">
      <legend>Respondents whose</legend>
      <select aria-label="Attribute" value={name} onChange={(event) => setName(event.target.value)}>
        {attributes.map((attribute) => (
          <option key={attribute} value={attribute}>
            {attribute}
            {attributeValues(filter, attribute).length > 0 ? " •" : ""}
          </option>
        ))}
      </select>
      <span className="filter-hint">is one of</span>
      <div className="filter-options values" role="group" aria-label={`Values of ${name}`}>
        {values.map((value) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={ticked.includes(value)}
              onChange={(event) =>
                setTicked(
                  event.target.checked ? [...ticked, value] : ticked.filter((v) => v !== value),
                )
              }
            />
            {value}
          </label>
        ))}
        {values.length === 0 && <span className="filter-hint">No values seen yet.</span>}
      </div>
      <form
        className="filter-add"
        onSubmit={(event) => {
          event.preventDefault();
          addTyped();
        }}
      >
        <input
          type="text"
          placeholder="Another value…"
          aria-label={`Another value of ${name}`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="grid-button" disabled={typed.trim() === ""}>
          Add
        </button>
      </form>
    </fieldset>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
