/**
 * "Population sizes…": how many could have answered, overall (45 member organisations),
 * per attribute (25 countries) and per value (20 NGOs). Saved as one undoable edit; a
 * blank field means "not given".
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import type { ApiInput } from "../../../../shared/api/contract.ts";
import type { Populations, ResponseRate } from "../../../../shared/api/tally-api.ts";
import { call, errorMessage } from "../../api/client.ts";
import { runEdit } from "../../stores/edits.ts";

type Draft = Record<string, string>;

const OVERALL = "overall";
const valuesKey = (attribute: string) => `values\n${attribute}`;
const valueKey = (attribute: string, value: string) => `value\n${attribute}\n${value}`;

interface Props {
  readonly rate: ResponseRate;
  onClose(): void;
}

export function PopulationDialog({ rate, onClose }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  useEffect(() => {
    let live = true;
    call("populations.get", {}).then(
      (populations) => live && setDraft(draftOf(populations)),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const input = inputOf(draft, rate);
    if (typeof input === "string") {
      setError(input);
      return;
    }
    setSaving(true);
    const done = await runEdit(
      () => call("populations.set", input),
      () => "Set the population sizes",
    );
    setSaving(false);
    if (done) onClose();
  };

  const field = (key: string, label: string) => (
    <input
      type="number"
      min={1}
      step={1}
      inputMode="numeric"
      aria-label={label}
      value={draft?.[key] ?? ""}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className="dialog population-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      >
        <h2 id={titleId}>Population sizes</h2>
        <p className="dialog-text">
          How many could have answered: the response rate is those who answered out of these. Leave
          a field blank when you do not know it.
        </p>
        {!draft && !error && <p className="filter-hint">Reading the sizes…</p>}
        {draft && (
          <div className="population-fields">
            <label className="population-row">
              <span>Everyone invited (e.g. member organisations)</span>
              {field(OVERALL, "Population overall")}
            </label>
            {rate.attributes.map((attribute) => (
              <fieldset key={attribute.name} className="population-attribute">
                <legend>{attribute.name}</legend>
                <label className="population-row">
                  <span>How many values there could be (e.g. 25 countries)</span>
                  {field(valuesKey(attribute.name), `Number of ${attribute.name} values`)}
                </label>
                {attribute.values.flatMap((row) =>
                  row.value === null
                    ? []
                    : [
                        <label key={row.value} className="population-row value">
                          <span>{row.value}</span>
                          {field(
                            valueKey(attribute.name, row.value),
                            `Population of ${attribute.name} ${row.value}`,
                          )}
                        </label>,
                      ],
                )}
              </fieldset>
            ))}
          </div>
        )}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!draft || saving}>
            Save
          </button>
        </div>
      </form>
    </div>
  );
}

function draftOf(populations: Populations): Draft {
  const draft: Draft = {};
  if (populations.overall !== null) draft[OVERALL] = String(populations.overall);
  for (const attribute of populations.attributes) {
    if (attribute.values !== null) draft[valuesKey(attribute.name)] = String(attribute.values);
    for (const { value, size } of attribute.byValue) {
      draft[valueKey(attribute.name, value)] = String(size);
    }
  }
  return draft;
}

/** The sizes typed, or a sentence saying which one is not a whole number above 0. */
function inputOf(draft: Draft, rate: ResponseRate): ApiInput<"populations.set"> | string {
  const problems: string[] = [];
  const size = (key: string, what: string): number | null => {
    const text = (draft[key] ?? "").trim();
    if (text === "") return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) problems.push(what);
    return n;
  };
  const overall = size(OVERALL, "everyone invited");
  const attributes = rate.attributes.map((attribute) => ({
    name: attribute.name,
    values: size(valuesKey(attribute.name), `the number of ${attribute.name} values`),
    byValue: attribute.values.flatMap(({ value }) => {
      if (value === null) return [];
      const n = size(valueKey(attribute.name, value), `${attribute.name} ${value}`);
      return n === null ? [] : [{ value, size: n }];
    }),
  }));
  if (problems.length > 0) {
    return `A population size is a whole number of 1 or more: check ${problems.join(", ")}.`;
  }
  return { overall, attributes };
}
