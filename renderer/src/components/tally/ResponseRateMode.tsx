/**
 * Response rates: who answered against the population sizes the user gives ("15 of 45
 * (33%)", "12 of 25 countries (48%)"), overall and per attribute value, with the
 * "Population sizes…" dialog and the response-rate chart.
 */
import { useState } from "react";
import type { ResponseRate } from "../../../../shared/api/tally-api.ts";
import type { QuestionId } from "../../../../shared/domain.ts";
import { call } from "../../api/client.ts";
import { toTsv } from "../../tally/tsv.ts";
import { useProject } from "../../stores/project.ts";
import { ResponseRateChart } from "../charts/TallyCharts.tsx";
import { CopyButton } from "./CopyButton.tsx";
import {
  pluralNoun,
  rateTable,
  rateText,
  valueName,
  type RateAttribute,
} from "./frequency-tables.ts";
import { PopulationDialog } from "./PopulationDialog.tsx";
import { useLive } from "../../stores/live.ts";

export function ResponseRateMode({ questionId }: { readonly questionId: QuestionId | undefined }) {
  const [editing, setEditing] = useState(false);
  const [chartAttribute, setChartAttribute] = useState<string | null>(null);
  const question = useProject((s) => s.summary?.questions.find((q) => q.id === questionId));
  const rate = useLive(JSON.stringify(questionId ?? null), readRate);

  if (rate.error)
    return <p className="notice error">Could not count the response rates: {rate.error}</p>;
  if (!rate.value) return <p className="notice">Counting…</p>;
  const value: ResponseRate = rate.value;
  const { overall } = value;
  const answeredWhat = question ? `answered ${question.label}` : "answered at least one question";
  const chartChoice = value.attributes.some((a) => a.name === chartAttribute)
    ? (chartAttribute ?? undefined)
    : undefined;

  return (
    <section className="frequency-section" aria-label="Response rate">
      <div className="frequency-actions">
        <button type="button" className="grid-button" onClick={() => setEditing(true)}>
          Population sizes…
        </button>
        <span className="filter-hint">
          Response rates count everyone who {answeredWhat}, whatever the coding or filter.
        </span>
      </div>
      <p className="rate-overall">
        <span className="grid-label">Overall</span>{" "}
        <strong data-testid="rate-overall">{rateText(overall.answered, overall.population)}</strong>
        {overall.population === null && (
          <span className="filter-hint">
            {" "}
            of {overall.respondents} respondents in the project; give the population size (e.g. 45
            member organisations) for a response rate.
          </span>
        )}
      </p>
      <div className="frequency-actions">
        {value.attributes.length > 0 && (
          <label className="retrieval-field">
            <span className="grid-label">Chart</span>
            <select
              aria-label="Response-rate chart"
              value={chartChoice ?? ""}
              onChange={(e) => setChartAttribute(e.target.value === "" ? null : e.target.value)}
            >
              <option value="">Overall</option>
              {value.attributes.map((a) => (
                <option key={a.name} value={a.name}>
                  By {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="frequency-chart">
        <ResponseRateChart
          rate={value}
          {...(chartChoice !== undefined ? { attribute: chartChoice } : {})}
          title={chartChoice ? `Response rate by ${chartChoice}` : "Response rate"}
        />
      </div>
      {value.attributes.length === 0 && (
        <p className="notice">
          This project has no attributes (such as a country) to break the rate down by.
        </p>
      )}
      {value.attributes.map((attribute) => (
        <AttributeRates key={attribute.name} attribute={attribute} />
      ))}
      {editing && <PopulationDialog rate={value} onClose={() => setEditing(false)} />}
    </section>
  );
}

function readRate(key: string): Promise<ResponseRate> {
  const questionId = JSON.parse(key) as QuestionId | null;
  return call("tally.responseRate", questionId === null ? {} : { questionId });
}

function AttributeRates({ attribute }: { readonly attribute: RateAttribute }) {
  const table = rateTable(attribute);
  const noun = pluralNoun(attribute.name);
  return (
    <div className="rate-attribute" role="group" aria-label={`Response rate by ${attribute.name}`}>
      <h3 className="frequency-heading">
        {attribute.name}:{" "}
        <span data-testid={`rate-values-${attribute.name}`}>
          {rateText(attribute.valuesAnswered, attribute.valuesPopulation, noun)}
        </span>
      </h3>
      <table className="crosstab-table rate-table">
        <thead>
          <tr>
            {table.header.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {attribute.values.map((row) => (
            <tr key={row.value ?? ""}>
              <th scope="row">{valueName(row.value)}</th>
              <td>{row.respondents}</td>
              <td>{row.answered}</td>
              <td>{row.population ?? "–"}</td>
              <td>{row.population === null ? "–" : rateText(row.answered, row.population)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="frequency-actions">
        <CopyButton
          label="Copy table"
          ariaLabel={`Copy the response rates by ${attribute.name}`}
          text={() => toTsv(table)}
        />
      </div>
    </div>
  );
}
