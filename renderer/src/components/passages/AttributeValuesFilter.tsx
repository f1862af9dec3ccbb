/**
 * "Respondents whose country is Ireland or Malta": the passages view's attribute filter.
 * Pick an attribute, tick values (any of them); several attributes must all match. The
 * values and how many respondents have each come from the core (attributes.values).
 */
import { useEffect, useState } from "react";
import type { AttributeValues } from "../../../../shared/api/contract.ts";
import { call, errorMessage } from "../../api/client.ts";
import { valueChoices } from "../../grid/query.ts";
import { tickedValues, withValues, type AttributeChoice } from "../../retrieval/passages-query.ts";
import { useProject } from "../../stores/project.ts";
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
        <AttributePart attributes={attributes} value={value} onChange={onChange} />
      </div>
    </Popover>
  );
}

function AttributePart({
  attributes,
  value,
  onChange,
}: Props & { readonly attributes: readonly string[] }) {
  const [name, setName] = useState(value[0]?.name ?? attributes[0] ?? "");
  const listed = useAttributeValues(name);
  const ticked = tickedValues(value, name);
  const choices = valueChoices(listed.values?.values ?? [], ticked);
  const setTicked = (next: readonly string[]) => onChange(withValues(value, name, next));

  return (
    <fieldset className="filter-section">
      <legend>Respondents whose</legend>
      <select aria-label="Attribute" value={name} onChange={(event) => setName(event.target.value)}>
        {attributes.map((attribute) => (
          <option key={attribute} value={attribute}>
            {attribute}
            {tickedValues(value, attribute).length > 0 ? " •" : ""}
          </option>
        ))}
      </select>
      <span className="filter-hint">is one of</span>
      <div className="filter-options values" role="group" aria-label={`Values of ${name}`}>
        {choices.map(({ value: choice, respondents }) => (
          <label key={choice}>
            <input
              type="checkbox"
              checked={ticked.includes(choice)}
              onChange={(event) =>
                setTicked(
                  event.target.checked ? [...ticked, choice] : ticked.filter((v) => v !== choice),
                )
              }
            />
            <span className="filter-value">{choice}</span>
            {respondents !== null && (
              <span className="filter-count">{respondents.toLocaleString("en")}</span>
            )}
          </label>
        ))}
        {choices.length === 0 && (
          <span className="filter-hint">
            {listed.error
              ? `Could not list the values: ${listed.error}`
              : listed.values
                ? "No respondent has a value here."
                : "Listing the values…"}
          </span>
        )}
      </div>
      {listed.values?.truncated && (
        <p className="filter-hint">
          The first {listed.values.values.length.toLocaleString("en")} of{" "}
          {listed.values.distinct.toLocaleString("en")} values.
        </p>
      )}
    </fieldset>
  );
}

interface Listed {
  readonly values: AttributeValues | null;
  readonly error: string | null;
}

/** The attribute's values, asked again when the project or its respondents change. */
function useAttributeValues(name: string): Listed {
  const path = useProject((s) => s.summary?.path);
  const respondents = useProject((s) => s.summary?.respondents);
  const key = `${path ?? ""}\n${respondents ?? 0}\n${name}`;
  const [listed, setListed] = useState<Listed & { readonly key: string }>({
    key: "",
    values: null,
    error: null,
  });
  useEffect(() => {
    if (name === "") return;
    let current = true;
    call("attributes.values", { name }).then(
      (values) => current && setListed({ key, values, error: null }),
      (error: unknown) => current && setListed({ key, values: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, name]);
  return listed.key === key ? listed : { values: null, error: null };
}
