/**
 * The view's tables as plain rows, for the screen and for "Copy table": a question's
 * code figures, a crosstab, response rates per attribute value. Pure functions.
 */
import type { Crosstab, ResponseRate, TallyCode } from "../../../../shared/api/tally-api.ts";
import { countText, ofText, percentText, wholePercent } from "../../../../shared/tally/percent.ts";
import { filterText, type AttributeCondition } from "../../../../shared/tally/report-sentences.ts";
import { siblingSegments } from "../../tally/rows.ts";
import type { TsvTable } from "../../tally/tsv.ts";

/** A code path as the CLI writes it: "Victim safety > Risk assessment". */
export function pathText(path: readonly string[]): string {
  return path.join(" > ");
}

/** A question's (or all questions') code figures, as the table shows them. */
export function tallyTable(codes: readonly TallyCode[], answered: number): TsvTable {
  const sums = siblingSegments(codes);
  return {
    header: ["Code", "Respondents", "Answered", "% of answered", "Segments", "% of segments"],
    rows: codes.map((code) => [
      pathText(code.path),
      code.nRespondents,
      answered,
      percentText(code.nRespondents, answered),
      code.nSegments,
      percentText(code.nSegments, sums.get(code.parentId) ?? 0),
    ]),
  };
}

/** "Ireland", or "No value" for respondents without one. */
export function valueName(value: string | null): string {
  return value ?? "No value";
}

export interface CrosstabCell {
  readonly n: number;
  readonly answered: number;
  /** "5 (36%)": n and its share of the column's respondents who answered. */
  readonly text: string;
}

/** The columns' headings and the total's, with who answered in each. */
export function crosstabColumns(crosstab: Crosstab): { name: string; answered: number }[] {
  const answered = crosstab.columns.reduce((sum, column) => sum + column.answered, 0);
  return [
    ...crosstab.columns.map((column) => ({
      name: valueName(column.value),
      answered: column.answered,
    })),
    { name: "Total", answered },
  ];
}

/** One row's cells, the total last. */
export function crosstabCells(crosstab: Crosstab, row: Crosstab["rows"][number]): CrosstabCell[] {
  const columns = crosstabColumns(crosstab);
  return [...row.cells, row.total].map((n, index) => {
    const answered = columns[index]?.answered ?? 0;
    const percent = wholePercent(n, answered);
    return { n, answered, text: percent === null ? countText(n) : `${countText(n)} (${percent}%)` };
  });
}

export function crosstabTable(crosstab: Crosstab): TsvTable {
  return {
    header: ["Code", ...crosstabColumns(crosstab).map((c) => `${c.name} (answered ${c.answered})`)],
    rows: crosstab.rows.map((row) => [
      pathText(row.path),
      ...crosstabCells(crosstab, row).map((cell) => cell.text),
    ]),
  };
}

export type RateAttribute = ResponseRate["attributes"][number];

/** "15 of 45 (33%)", or "15 answered" without a population. */
export function rateText(answered: number, population: number | null, noun = ""): string {
  const of = noun === "" ? "" : ` ${noun}`;
  if (population === null) return `${countText(answered)}${of} answered`;
  return `${ofText(answered, population)}${of} (${percentText(answered, population)})`;
}

/** An attribute's values, one row each, for the table and for "Copy table". */
export function rateTable(attribute: RateAttribute): TsvTable {
  return {
    header: [attribute.name, "Respondents", "Answered", "Population", "Response rate"],
    rows: attribute.values.map((row) => [
      valueName(row.value),
      row.respondents,
      row.answered,
      row.population,
      row.population === null ? null : percentText(row.answered, row.population),
    ]),
  };
}

/** "countries" for "Country", "organisation types" for "Organisation type". */
export function pluralNoun(name: string): string {
  const noun = name.toLowerCase();
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** A chart's subtitle: whose coding and which respondents ("Aoife · Country = Ireland"). */
export function scopeSubtitle(
  coder: string | null,
  filter: readonly AttributeCondition[],
  question?: string,
): string {
  const condition = filterText(filter);
  return [question, coder === null ? "All coders" : `Coded by ${coder}`, condition]
    .filter((part) => part !== undefined && part !== "")
    .join(" · ");
}
