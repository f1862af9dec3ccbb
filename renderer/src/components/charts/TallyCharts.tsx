/**
 * The charts a report author pastes: the codes of a question, the response rate, a
 * crosstab. Each draws with ECharts (SVG on screen) and saves as PNG (print resolution)
 * or SVG; the option builders in renderer/src/charts say what is drawn and how big.
 */
import { useCallback, useMemo } from "react";
import type { Crosstab, QuestionTally, ResponseRate } from "../../../../shared/api/tally-api.ts";
import type { ChartLayout } from "../../charts/chart-style.ts";
import type { CodeColours } from "../../charts/chart-types.ts";
import {
  codeBarsOption,
  codeBarsSummary,
  codeBarsTable,
  type CodeBarsInput,
} from "../../charts/code-bars.ts";
import {
  crosstabOption,
  crosstabSummary,
  crosstabTable,
  crosstabTitle,
  type CrosstabInput,
} from "../../charts/crosstab-bars.ts";
import {
  responseRateOption,
  responseRateSummary,
  responseRateTable,
  responseRateTitle,
  type ResponseRateInput,
} from "../../charts/response-rate.ts";
import { useProject } from "../../stores/project.ts";
import { ChartFrame } from "./ChartFrame.tsx";

/** The codebook's colours, unless the caller gives its own. */
function useCodeColours(given: CodeColours | undefined): CodeColours {
  const codeIndex = useProject((s) => s.codeIndex);
  return useMemo(
    () => given ?? new Map([...codeIndex.values()].map((code) => [code.id as number, code.color])),
    [given, codeIndex],
  );
}

/** Horizontal bars of the codes of one question: counts, or percentages of answered. */
export function CodeBarChart(props: {
  readonly question: QuestionTally;
  /** Which nodes to draw (e.g. the top level, or one category's children), in order. */
  readonly codeIds?: readonly number[];
  readonly measure: "count" | "percent";
  readonly title?: string;
  /** A line under the title (the coder, the filter...). */
  readonly subtitle?: string;
  /** "size" (default): most respondents first; "given": the order of codeIds. */
  readonly order?: "size" | "given";
  /** Colours by code id; default: the codebook's. */
  readonly colours?: CodeColours;
}) {
  const colours = useCodeColours(props.colours);
  const { question, codeIds, measure, title, subtitle, order } = props;
  const input: CodeBarsInput = useMemo(
    () => ({ question, codeIds, measure, title, subtitle, order, colours }),
    [question, codeIds, measure, title, subtitle, order, colours],
  );
  const build = useCallback((layout: ChartLayout) => codeBarsOption(input, layout), [input]);
  return (
    <ChartFrame
      build={build}
      summary={codeBarsSummary(input)}
      table={codeBarsTable(input)}
      fileLabel={title ?? question.label}
      fileKind="codes"
    />
  );
}

/** Respondents who answered against the population: overall and per attribute value. */
export function ResponseRateChart(props: {
  readonly rate: ResponseRate;
  readonly attribute?: string;
  readonly title?: string;
  readonly subtitle?: string;
}) {
  const { rate, attribute, title, subtitle } = props;
  const input: ResponseRateInput = useMemo(
    () => ({ rate, attribute, title, subtitle }),
    [rate, attribute, title, subtitle],
  );
  const build = useCallback((layout: ChartLayout) => responseRateOption(input, layout), [input]);
  return (
    <ChartFrame
      build={build}
      summary={responseRateSummary(input)}
      table={responseRateTable(input)}
      fileLabel={responseRateTitle(input)}
      fileKind="chart"
    />
  );
}

/** A crosstab as stacked bars: one bar per attribute value, one stack per code. */
export function CrosstabChart(props: {
  readonly crosstab: Crosstab;
  readonly codeIds?: readonly number[];
  readonly measure: "count" | "percent";
  readonly title?: string;
  readonly subtitle?: string;
  readonly colours?: CodeColours;
}) {
  const colours = useCodeColours(props.colours);
  const { crosstab, codeIds, measure, title, subtitle } = props;
  const input: CrosstabInput = useMemo(
    () => ({ crosstab, codeIds, measure, title, subtitle, colours }),
    [crosstab, codeIds, measure, title, subtitle, colours],
  );
  const build = useCallback((layout: ChartLayout) => crosstabOption(input, layout), [input]);
  return (
    <ChartFrame
      build={build}
      summary={crosstabSummary(input)}
      table={crosstabTable(input)}
      fileLabel={crosstabTitle(input)}
      fileKind="crosstab"
    />
  );
}
