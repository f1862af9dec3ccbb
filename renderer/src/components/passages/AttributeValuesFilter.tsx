/**
 * "Respondents whose country is Ireland or Malta": the passages view's attribute filter.
 * Pick an attribute, tick values (any of them); several attributes must all match. The
 * values and how many respondents have each come from the core (attributes.values).
 */
import type { AttributeChoice } from "../../retrieval/passages-query.ts";
import { useProject } from "../../stores/project.ts";
import { AttributeFilter } from "../grid/AttributeFilter.tsx";
import { Popover } from "../grid/Popover.tsx";

interface Props {
  readonly value: readonly AttributeChoice[];
  onChange(value: readonly AttributeChoice[]): void;
}

export function AttributeValuesFilter({ value, onChange }: Props) {
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const active = value.filter((a) => a.values.length > 0).length;
  if (attributes.length === 0) return null;
  return (
    <Popover
      label={
        <>
          Attributes
          {active > 0 && <span className="grid-count-badge">{active}</span>}
        </>
      }
      ariaLabel={active > 0 ? `Attributes (${active} filtered)` : "Attributes"}
      active={active > 0}
      panelLabel="Filter by attribute values"
    >
      <div className="filter-panel">
        {/* The grid's attribute filter: the same values, counts and typed values. */}
        <AttributeFilter
          filter={{ attributes: value.map((a) => ({ name: a.name, values: [...a.values] })) }}
          onChange={(filter) => onChange(filter.attributes ?? [])}
        />
      </div>
    </Popover>
  );
}
