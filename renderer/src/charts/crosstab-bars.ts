/**
 * A crosstab as stacked bars: one horizontal bar per attribute value, one stack per code,
 * counts of respondents or percentages of those of that value who answered (a respondent
 * can mention several codes, so percentages may add up to more than 100).
 */
import type { Crosstab } from "../../../shared/api/tally-api.ts";
import { paletteColor } from "../../../shared/codes/palette.ts";
import {
  baseOption,
  categoryAxis,
  chartStyle,
  measureTicks,
  percentLength,
  rightRoom,
  titleBlock,
  valueAxis,
  type ChartLayout,
} from "./chart-style.ts";
import { ofText, percentText } from "../../../shared/tally/percent.ts";
import { escapeHtml, textWidth, wrapLabel } from "./chart-text.ts";
import type { BuiltChart, CodeColours, DataTable } from "./chart-types.ts";
import { NO_VALUE } from "./response-rate.ts";

export interface CrosstabInput {
  readonly crosstab: Crosstab;
  /** Which code rows to stack; absent: the top-level ones. */
  readonly codeIds?: readonly number[];
  readonly measure: "count" | "percent";
  readonly colours?: CodeColours;
  readonly title?: string;
  readonly subtitle?: string;
}

export interface CrosstabStack {
  readonly codeId: number;
  readonly name: string;
  readonly fullName: string;
  readonly colour: string;
  /** Per drawn column: the bar segment's length (count, or percentage 0..100). */
  readonly values: readonly number[];
  /** Per drawn column: "9 of 12 (75%)". */
  readonly texts: readonly string[];
}

export interface CrosstabGroup {
  readonly name: string;
  readonly answered: number;
  /** Index into the crosstab's columns. */
  readonly column: number;
}

/** The bars: values with at least one respondent, in the attribute's order. */
export function crosstabGroups(crosstab: Crosstab): CrosstabGroup[] {
  return crosstab.columns.flatMap((column, i) =>
    column.respondents === 0
      ? []
      : [{ name: column.value ?? NO_VALUE, answered: column.answered, column: i }],
  );
}

export function crosstabStacks(input: CrosstabInput): CrosstabStack[] {
  const { rows } = input.crosstab;
  const chosen =
    input.codeIds === undefined
      ? rows.filter((row) => row.parentId === null)
      : input.codeIds.flatMap((id) => rows.find((row) => row.codeId === id) ?? []);
  const groups = crosstabGroups(input.crosstab);
  return chosen.map((row, i) => ({
    codeId: row.codeId,
    name: row.path[row.path.length - 1] ?? "",
    fullName: row.path.join(" › "),
    colour: input.colours?.get(row.codeId) ?? paletteColor(i),
    values: groups.map((group) => {
      const n = row.cells[group.column] ?? 0;
      const fraction = row.pctOfAnswered[group.column] ?? null;
      return input.measure === "count" ? n : percentLength(fraction);
    }),
    texts: groups.map((group) => {
      const n = row.cells[group.column] ?? 0;
      return `${ofText(n, group.answered)} (${percentText(n, group.answered)})`;
    }),
  }));
}

/** The title given, or "Codes by country". */
export function crosstabTitle(input: CrosstabInput): string {
  return input.title ?? `Codes by ${input.crosstab.attribute}`;
}

function axisName(input: CrosstabInput): string {
  return input.measure === "count"
    ? "Respondents mentioning each code"
    : "% of those in each group who answered";
}

/** Percentages that stack past 100 need a word: a respondent can mention several codes. */
function subtitle(input: CrosstabInput, groups: number): string | null {
  const stacks = crosstabStacks(input);
  const over = Array.from({ length: groups }, (_, g) =>
    stacks.reduce((sum, stack) => sum + (stack.values[g] ?? 0), 0),
  ).some((total) => total > 100.5);
  const note =
    input.measure === "percent" && over
      ? "A respondent can mention several codes, so a bar can pass 100%."
      : null;
  const parts = [input.subtitle ?? null, note].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(" · ");
}

/** The legend's rows at this width: items flow left to right and wrap. */
function legendRows(names: readonly string[], layout: ChartLayout): number {
  const style = chartStyle(layout.medium);
  const usable = layout.width - 2 * style.pad;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const item = 25 + 5 + textWidth(name, style.fontSize) + 10;
    if (x > 0 && x + item > usable) {
      rows += 1;
      x = 0;
    }
    x += item;
  }
  return names.length === 0 ? 0 : rows;
}

export function crosstabOption(input: CrosstabInput, layout: ChartLayout): BuiltChart {
  const style = chartStyle(layout.medium);
  const groups = crosstabGroups(input.crosstab);
  const stacks = crosstabStacks(input);
  const title = titleBlock(crosstabTitle(input), subtitle(input, groups.length), layout);
  const legendNames = stacks.map((stack) => wrapLabel(stack.name, 40, 1));
  const legendHeight = legendRows(legendNames, layout) * (style.fontSize + 10) + style.pad;
  const yAxis = categoryAxis(
    groups.map((group) => `${group.name} (${group.answered} answered)`),
    layout,
    false,
  );
  const left = yAxis.left;
  const right = rightRoom(layout, []);
  const plotWidth = Math.max(50, layout.width - left - right);
  const axis = valueAxis(
    axisName(input),
    layout,
    { left, right },
    measureTicks(input.measure, layout.medium),
  );
  const longest = Math.max(
    1,
    ...groups.map((_, g) => stacks.reduce((s, k) => s + (k.values[g] ?? 0), 0)),
  );
  const segmentLabel = (value: number) =>
    input.measure === "count" ? String(value) : `${Math.round(value)}%`;
  // A segment shows its number only where the number fits inside it.
  const fits = (value: number) =>
    value > 0 &&
    (value / longest) * plotWidth * 0.9 > textWidth(segmentLabel(value), style.fontSize) + 6;
  const plotHeight = Math.max(1, groups.length) * style.band;
  const top = title.height + legendHeight;
  return {
    height: top + plotHeight + axis.height,
    option: {
      ...baseOption(layout.medium),
      title: title.option,
      legend: {
        type: "plain",
        left: style.pad,
        right: style.pad,
        top: title.height - style.pad / 2,
        itemGap: 10,
        textStyle: { fontSize: style.fontSize, color: "#222222" },
        data: stacks.map((stack) => ({ name: stack.name, icon: "rect" })),
        formatter: (name: string) => wrapLabel(name, 40, 1),
      },
      grid: { left, right, top, height: plotHeight, outerBoundsMode: "none" },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        confine: true,
        formatter: (params: readonly { dataIndex: number; seriesIndex: number }[]) => {
          const first = params[0];
          const group = first ? groups[first.dataIndex] : undefined;
          if (!group) return "";
          const lines = params.map((p) => {
            const stack = stacks[p.seriesIndex];
            return stack
              ? `${escapeHtml(stack.fullName)}: <b>${escapeHtml(stack.texts[p.dataIndex] ?? "")}</b>`
              : "";
          });
          return `${escapeHtml(group.name)} (${group.answered} answered)<br>${lines.join("<br>")}`;
        },
      },
      xAxis: axis.option,
      yAxis: yAxis.option,
      series: stacks.map((stack) => ({
        type: "bar",
        name: stack.name,
        stack: "codes",
        barMaxWidth: style.band * 0.7,
        itemStyle: { color: stack.colour, borderColor: "#ffffff", borderWidth: 1 },
        emphasis: { focus: "series" },
        data: stack.values.map((value) => ({
          value,
          label: { show: fits(value) },
        })),
        label: {
          position: "inside",
          fontSize: style.fontSize,
          color: "#ffffff",
          textBorderColor: "rgba(0,0,0,0.55)",
          textBorderWidth: 2,
          formatter: (params: { value: number }) => segmentLabel(params.value),
        },
      })),
    },
  };
}

export function crosstabSummary(input: CrosstabInput): string {
  const groups = crosstabGroups(input.crosstab);
  const stacks = crosstabStacks(input);
  const parts = groups.map(
    (group, g) =>
      `${group.name}: ${stacks.map((stack) => `${stack.fullName} ${stack.texts[g] ?? ""}`).join(", ")}`,
  );
  return `Stacked bar chart. ${crosstabTitle(input)}. ${parts.join("; ")}.`;
}

export function crosstabTable(input: CrosstabInput): DataTable {
  const groups = crosstabGroups(input.crosstab);
  const stacks = crosstabStacks(input);
  return {
    caption: crosstabTitle(input),
    head: [input.crosstab.attribute, "Answered", ...stacks.map((stack) => stack.fullName)],
    rows: groups.map((group, g) => [
      group.name,
      String(group.answered),
      ...stacks.map((stack) => stack.texts[g] ?? ""),
    ]),
  };
}
