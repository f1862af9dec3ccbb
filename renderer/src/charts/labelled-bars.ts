/**
 * The frame shared by the charts with one horizontal bar per row and the bar's figure at
 * its end ("9 of 12", "33% (15 of 45)"): a question's codes and the response rates. The
 * callers decide what the bars are; this lays them out the same way, so the two charts
 * read alike side by side in a report.
 */
import {
  baseOption,
  categoryAxis,
  chartStyle,
  rightRoom,
  TEXT_COLOR,
  titleBlock,
  valueAxis,
  type ChartLayout,
} from "./chart-style.ts";
import { escapeHtml } from "./chart-text.ts";
import type { BuiltChart } from "./chart-types.ts";

export interface LabelledBar {
  /** The category label left of the bar. */
  readonly name: string;
  /** The name in the tooltip: the full one where `name` is short ("Resources › Funding"). */
  readonly tooltipName: string;
  /** The figure at the bar's end and in the tooltip. */
  readonly label: string;
  /** The bar's length on the value axis. */
  readonly value: number;
  readonly colour: string;
}

export interface LabelledBarsSpec {
  readonly title: string;
  readonly subtitle: string | null;
  /** Top first. */
  readonly bars: readonly LabelledBar[];
  readonly axisName: string;
  /** Value-axis settings beyond the shared ones: ticks, min, max. */
  readonly axis: { readonly axisLabel?: Record<string, unknown> } & Record<string, unknown>;
  /** Series settings beyond the shared ones (the gap between bars). */
  readonly series?: Record<string, unknown>;
}

export function labelledBarsOption(spec: LabelledBarsSpec, layout: ChartLayout): BuiltChart {
  const { bars } = spec;
  const style = chartStyle(layout.medium);
  const title = titleBlock(spec.title, spec.subtitle, layout);
  const yAxis = categoryAxis(
    bars.map((bar) => bar.name),
    layout,
    true,
  );
  const left = yAxis.left;
  const right = rightRoom(
    layout,
    bars.map((bar) => bar.label),
  );
  const axis = valueAxis(spec.axisName, layout, { left, right }, spec.axis);
  const plotHeight = Math.max(1, bars.length) * style.band;
  return {
    height: title.height + plotHeight + axis.height,
    option: {
      ...baseOption(layout.medium),
      title: title.option,
      grid: { left, right, top: title.height, height: plotHeight, outerBoundsMode: "none" },
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: (params: { dataIndex: number }) => {
          const bar = bars[params.dataIndex];
          return bar ? `${escapeHtml(bar.tooltipName)}<br><b>${escapeHtml(bar.label)}</b>` : "";
        },
      },
      xAxis: axis.option,
      yAxis: yAxis.option,
      series: [
        {
          type: "bar",
          barMaxWidth: style.band * 0.7,
          ...spec.series,
          data: bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.colour } })),
          label: {
            show: true,
            position: "right",
            fontSize: style.fontSize,
            color: TEXT_COLOR,
            formatter: (params: { dataIndex: number }) => bars[params.dataIndex]?.label ?? "",
          },
        },
      ],
    },
  };
}
