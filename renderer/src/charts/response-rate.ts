/**
 * The response-rate chart: who answered against how many could have, overall and per
 * attribute value ("15 of 45 (33%)"). Rows without a population size are left out and
 * named under the title; when no row has one, the rates are of the respondents in the
 * project instead, and the chart says so.
 */
import type { ResponseRate, ResponseRateRow } from "../../../shared/api/tally-api.ts";
import { measureTicks, percentLength, type ChartLayout } from "./chart-style.ts";
import { labelledBarsOption } from "./labelled-bars.ts";
import { percentOfText, percentText } from "../../../shared/tally/percent.ts";
import type { BuiltChart, DataTable } from "./chart-types.ts";

export interface ResponseRateInput {
  readonly rate: ResponseRate;
  /** One bar per value of this attribute; absent: one bar per attribute's values. */
  readonly attribute?: string;
  readonly title?: string;
  readonly subtitle?: string;
}

export interface RateBar {
  readonly name: string;
  readonly answered: number;
  /** The denominator: the population, or the respondents when no population is given. */
  readonly of: number;
  readonly fraction: number | null;
  readonly label: string;
}

interface RateRow {
  readonly name: string;
  readonly answered: number;
  readonly respondents: number;
  readonly population: number | null;
  /** "12 of 25 countries": values of an attribute, not respondents. */
  readonly valuesRow?: boolean;
}

export const NO_VALUE = "(no value)";

function rateRows(input: ResponseRateInput): RateRow[] {
  const { rate } = input;
  const row = (name: string, r: ResponseRateRow): RateRow => ({
    name,
    answered: r.answered,
    respondents: r.respondents,
    population: r.population,
  });
  const rows = [row("All respondents", rate.overall)];
  if (input.attribute !== undefined) {
    const attribute = rate.attributes.find((a) => a.name === input.attribute);
    for (const value of attribute?.values ?? []) rows.push(row(value.value ?? NO_VALUE, value));
    return rows;
  }
  for (const attribute of rate.attributes) {
    rows.push({
      name: `${attribute.name}: values represented`,
      answered: attribute.valuesAnswered,
      // Never a denominator: without a population the row is not drawn.
      respondents: 0,
      population: attribute.valuesPopulation,
      valuesRow: true,
    });
  }
  return rows;
}

/** Whether any row has a population; if not, the chart shows rates of respondents. */
function hasPopulations(input: ResponseRateInput): boolean {
  return rateRows(input).some((row) => row.population !== null);
}

export function rateBars(input: ResponseRateInput): RateBar[] {
  const populations = hasPopulations(input);
  return rateRows(input)
    .filter((row) => (populations ? row.population !== null : !row.valuesRow))
    .map((row) => {
      const of = populations ? row.population! : row.respondents;
      const fraction = of === 0 ? null : row.answered / of;
      return {
        name: row.name,
        answered: row.answered,
        of,
        fraction,
        label: percentOfText(row.answered, of),
      };
    });
}

/** Rows left out for want of a population size. */
export function rowsWithoutPopulation(input: ResponseRateInput): string[] {
  if (!hasPopulations(input)) return [];
  return rateRows(input)
    .filter((row) => row.population === null)
    .map((row) => row.name);
}

export function responseRateTitle(input: ResponseRateInput): string {
  if (input.title !== undefined) return input.title;
  return input.attribute === undefined ? "Response rate" : `Response rate by ${input.attribute}`;
}

function subtitle(input: ResponseRateInput): string | null {
  const parts: string[] = [];
  if (input.subtitle !== undefined) parts.push(input.subtitle);
  if (!hasPopulations(input)) {
    parts.push("No population sizes given: rates are of the respondents in the project.");
  }
  const missing = rowsWithoutPopulation(input);
  if (missing.length > 0) parts.push(`No population size given for: ${missing.join(", ")}.`);
  return parts.length === 0 ? null : parts.join(" ");
}

export function responseRateOption(input: ResponseRateInput, layout: ChartLayout): BuiltChart {
  return labelledBarsOption(
    {
      title: responseRateTitle(input),
      subtitle: subtitle(input),
      bars: rateBars(input).map((bar, i) => ({
        name: bar.name,
        tooltipName: bar.name,
        label: bar.label,
        value: percentLength(bar.fraction),
        // The overall bar stands apart from the per-value ones.
        colour: i === 0 ? "#3b5b7a" : "#7a9cc0",
      })),
      axisName: hasPopulations(input)
        ? "% of the population who answered"
        : "% of respondents who answered",
      axis: {
        ...measureTicks("percent", layout.medium),
        min: 0,
        // A rate can pass 100% (more answered than the population given): the axis follows.
        max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 10) * 10),
      },
    },
    layout,
  );
}

export function responseRateSummary(input: ResponseRateInput): string {
  const listed = rateBars(input)
    .map((bar) => `${bar.name}: ${bar.label}`)
    .join("; ");
  return `Bar chart. ${responseRateTitle(input)}. ${listed}.`;
}

export function responseRateTable(input: ResponseRateInput): DataTable {
  return {
    caption: responseRateTitle(input),
    head: ["Group", "Answered", hasPopulations(input) ? "Population" : "Respondents", "Rate"],
    rows: rateBars(input).map((bar) => [
      bar.name,
      String(bar.answered),
      String(bar.of),
      percentText(bar.answered, bar.of),
    ]),
  };
}
