/**
 * The attribute part of the grid's filter: pick an attribute, tick the values a
 * respondent must have (any of them). The values and how many respondents have each come
 * from the core (attributes.values), so they are all there, not only those of the rows
 * loaded; a value not listed can still be typed.
 */
import { useEffect, useState } from "react";
import type { AttributeValues } from "../../../../shared/api/contract.ts";
import { call, errorMessage } from "../../api/client.ts";
import {
  attributeValues,
  valueChoices,
  withAttributeValues,
  type AnswerFilter,
} from "../../grid/query.ts";
import { useProject } from "../../stores/project.ts";

interface Props {
  readonly filter: AnswerFilter;
  onChange(filter: AnswerFilter): void;
}

export function AttributeFilter({ filter, onChange }: Props) {
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const firstFiltered = filter.attributes?.[0]?.name;
  const [name, setName] = useState(firstFiltered ?? attributes[0] ?? "");
  const [typed, setTyped] = useState("");
  const listed = useAttributeValues(name);

  if (attributes.length === 0) return null;
  const ticked = attributeValues(filter, name);
  const choices = valueChoices(listed.values?.values ?? [], ticked);
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
        {choices.map(({ value, respondents }) => (
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
            <span className="filter-value">{value}</span>
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
          {listed.values.distinct.toLocaleString("en")} values; type any other below.
        </p>
      )}
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
