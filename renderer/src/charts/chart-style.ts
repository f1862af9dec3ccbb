/**
 * Sizes and fonts of the charts on screen and in print. Every chart is laid out for a
 * width and a medium; the height follows from the content (one band per bar), so a
 * question with 20 codes gets a taller chart, never squeezed bars.
 *
 * Print: a fixed 945 px logical layout rendered at pixel ratio 2 gives a PNG 1890 px
 * wide, which is 16.0 cm at 300 dpi (the PNG says so in its pHYs chunk, so a word
 * processor places it at that size). Fonts of 17 px logical are 34 px in the PNG: 8 pt
 * at 16 cm; titles 21 px: 10 pt.
 */
import { textWidth, wrapLabel } from "./chart-text.ts";

export type ChartMedium = "screen" | "print";

export interface ChartLayout {
  /** The chart's width in CSS pixels (logical pixels for print). */
  readonly width: number;
  readonly medium: ChartMedium;
}

/** The print layout's logical width and pixel ratio: 945 x 2 = 1890 px = 16 cm at 300 dpi. */
export const PRINT_WIDTH = 945;
export const PRINT_PIXEL_RATIO = 2;
export const PRINT_DPI = 300;

export const FONT_FAMILY = "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";
export const TEXT_COLOR = "#222222";
export const MUTED_COLOR = "#555555";
export const GRID_LINE_COLOR = "#e3e3e3";

export interface ChartStyle {
  readonly fontSize: number;
  readonly titleSize: number;
  /** Height of one bar's band, label lines included. */
  readonly band: number;
  /** Outer padding of the chart. */
  readonly pad: number;
  readonly lineHeight: number;
  readonly titleLineHeight: number;
}

export function chartStyle(medium: ChartMedium): ChartStyle {
  switch (medium) {
    case "screen":
      return {
        fontSize: 12,
        titleSize: 14,
        band: 30,
        pad: 10,
        lineHeight: 15,
        titleLineHeight: 19,
      };
    case "print":
      return {
        fontSize: 17,
        titleSize: 21,
        band: 44,
        pad: 16,
        lineHeight: 21,
        titleLineHeight: 27,
      };
  }
}

export interface TitleBlock {
  readonly option: Record<string, unknown>;
  /** Pixels from the top the title and subtitle take, padding included. */
  readonly height: number;
}

/** The chart's title and an optional subtitle, wrapped to the width. */
export function titleBlock(
  title: string,
  subtitle: string | null,
  layout: ChartLayout,
): TitleBlock {
  const style = chartStyle(layout.medium);
  const usable = layout.width - 2 * style.pad;
  const titleText = wrapLabel(title, usable / (style.titleSize * 0.6), 3);
  const subText = subtitle === null ? "" : wrapLabel(subtitle, usable / (style.fontSize * 0.58), 3);
  const titleLines = titleText.split("\n").length;
  const subLines = subText === "" ? 0 : subText.split("\n").length;
  return {
    option: {
      left: style.pad,
      top: style.pad,
      text: titleText,
      subtext: subText,
      itemGap: Math.round(style.fontSize / 2),
      textStyle: {
        fontSize: style.titleSize,
        fontWeight: 600,
        color: TEXT_COLOR,
        lineHeight: style.titleLineHeight,
      },
      subtextStyle: { fontSize: style.fontSize, color: MUTED_COLOR, lineHeight: style.lineHeight },
    },
    height:
      style.pad +
      titleLines * style.titleLineHeight +
      (subLines > 0 ? Math.round(style.fontSize / 2) + subLines * style.lineHeight : 0) +
      style.pad,
  };
}

/** Room for category labels left of the bars: their width, at most ~38% of the chart. */
function categoryLabels(
  names: readonly string[],
  layout: ChartLayout,
): { readonly labels: string[]; readonly width: number } {
  const style = chartStyle(layout.medium);
  const maxWidth = Math.min(layout.width * 0.38, layout.medium === "print" ? 340 : 240);
  const lineChars = maxWidth / (style.fontSize * 0.58);
  const labels = names.map((name) => wrapLabel(name, lineChars, 2));
  const widest = Math.max(0, ...labels.map((label) => textWidth(label, style.fontSize)));
  return { labels, width: Math.min(maxWidth, widest) };
}

/**
 * The category axis down the left: one wrapped label per bar, top first. `left` is where
 * the plot starts. `clickable` lets a click on a label pick its bar (useEChart listens).
 */
export function categoryAxis(
  names: readonly string[],
  layout: ChartLayout,
  clickable: boolean,
): { readonly option: Record<string, unknown>; readonly left: number } {
  const style = chartStyle(layout.medium);
  const categories = categoryLabels(names, layout);
  return {
    option: {
      type: "category",
      inverse: true,
      data: categories.labels,
      ...(clickable ? { triggerEvent: true } : {}),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#999999" } },
      axisLabel: {
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        color: TEXT_COLOR,
        width: categories.width,
        overflow: "truncate",
      },
    },
    left: style.pad + categories.width + 8,
  };
}

/** Value-axis ticks for a measure: whole numbers for counts, "40%" for percentages. */
export function measureTicks(
  measure: "count" | "percent",
  medium: ChartMedium,
): { readonly minInterval: number | undefined; readonly axisLabel: Record<string, unknown> } {
  return {
    minInterval: measure === "count" ? 1 : undefined,
    axisLabel: {
      formatter: measure === "percent" ? "{value}%" : "{value}",
      fontSize: chartStyle(medium).fontSize,
      color: MUTED_COLOR,
    },
  };
}

/** A share as a bar's length: a percentage 0..100 to one decimal; 0 without a denominator. */
export function percentLength(fraction: number | null): number {
  return Math.round((fraction ?? 0) * 1000) / 10;
}

/** The option parts every chart shares: white background, fonts, no animation in print. */
export function baseOption(medium: ChartMedium): Record<string, unknown> {
  const style = chartStyle(medium);
  return {
    backgroundColor: "#ffffff",
    animation: medium === "screen",
    animationDuration: 300,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: style.fontSize, color: TEXT_COLOR },
    aria: { enabled: false },
  };
}

/**
 * Room right of the plot for the last tick label ("100%" centred on the plot's edge)
 * and, for bars labelled at their end, the longest such label.
 */
export function rightRoom(layout: ChartLayout, endLabels: readonly string[]): number {
  const style = chartStyle(layout.medium);
  const tick = textWidth("100%", style.fontSize) / 2 + 4;
  const label = Math.max(0, ...endLabels.map((text) => textWidth(text, style.fontSize) + 8));
  return style.pad + Math.max(tick, label);
}

/**
 * A value axis along the bottom, its name under the tick labels. The name is centred
 * under the plot and may spread over the margins, never past the chart's edges; ticks
 * thin out on a narrow plot (the bars carry their own figures anyway).
 */
export function valueAxis(
  name: string,
  layout: ChartLayout,
  grid: { readonly left: number; readonly right: number },
  extra: { readonly axisLabel?: Record<string, unknown> } & Record<string, unknown>,
): { readonly option: Record<string, unknown>; readonly height: number } {
  const style = chartStyle(layout.medium);
  const plotWidth = Math.max(1, layout.width - grid.left - grid.right);
  const centre = grid.left + plotWidth / 2;
  const room = 2 * Math.min(centre - style.pad, layout.width - style.pad - centre);
  const nameText = wrapLabel(name, Math.max(80, room) / (style.fontSize * 0.58), 2);
  const nameLines = nameText.split("\n").length;
  const { axisLabel, ...rest } = extra;
  return {
    option: {
      type: "value",
      name: nameText,
      nameLocation: "middle",
      nameGap: style.fontSize + 12,
      nameTextStyle: { color: MUTED_COLOR, fontSize: style.fontSize, lineHeight: style.lineHeight },
      splitNumber: Math.max(2, Math.min(5, Math.floor(plotWidth / (style.fontSize * 5)))),
      axisLabel: { color: MUTED_COLOR, fontSize: style.fontSize, hideOverlap: true, ...axisLabel },
      splitLine: { lineStyle: { color: GRID_LINE_COLOR } },
      ...rest,
    },
    height: style.fontSize + 12 + nameLines * style.lineHeight + style.pad,
  };
}
