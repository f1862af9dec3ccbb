/**
 * The bar chart of one question's codes: one horizontal bar per code, longest first (or
 * in the order given), labelled "9 of 12" or "75% (9 of 12)" where 12 is the number of
 * respondents who answered the question (DESIGN.md: pct_of_answered).
 */
import type { QuestionTally, TallyCode } from "../../../shared/api/tally-api.ts";
import { paletteColor } from "../../../shared/codes/palette.ts";
import { measureTicks, percentLength, type ChartLayout } from "./chart-style.ts";
import { labelledBarsOption } from "./labelled-bars.ts";
import { ofText, percentOfText, percentText } from "../../../shared/tally/percent.ts";
import { respondentsText } from "./chart-text.ts";
import type { BuiltChart, CodeColours, DataTable } from "./chart-types.ts";

export interface CodeBarsInput {
  readonly question: QuestionTally;
  /** Which nodes to draw; absent: the top-level nodes. */
  readonly codeIds?: readonly number[];
  readonly measure: "count" | "percent";
  /** "size": most respondents first (the default); "given": the order of codeIds. */
  readonly order?: "size" | "given";
  readonly colours?: CodeColours;
  /** Replaces the question's label in the title. */
  readonly title?: string;
  readonly subtitle?: string;
}

export interface CodeBar {
  readonly codeId: number;
  readonly name: string;
  /** The code's path, "Resources › Lack of funding". */
  readonly fullName: string;
  readonly n: number;
  readonly fraction: number | null;
  /** The bar's length: a count, or a percentage 0..100. */
  readonly value: number;
  readonly label: string;
  readonly colour: string;
}

function chosenCodes(input: CodeBarsInput): TallyCode[] {
  const { codes } = input.question;
  if (input.codeIds === undefined) return codes.filter((code) => code.parentId === null);
  const byId = new Map(codes.map((code) => [code.codeId as number, code]));
  return input.codeIds.flatMap((id) => byId.get(id) ?? []);
}

/** The bars in drawing order, top first. */
export function codeBars(input: CodeBarsInput): CodeBar[] {
  const answered = input.question.answered;
  const chosen = chosenCodes(input);
  const order = input.order ?? "size";
  // A stable sort keeps tree order among codes with as many respondents.
  const sorted =
    order === "size" ? [...chosen].sort((a, b) => b.nRespondents - a.nRespondents) : chosen;
  return sorted.map((code, i) => {
    const fraction = code.pctOfAnswered;
    return {
      codeId: code.codeId,
      name: code.path[code.path.length - 1] ?? "",
      fullName: code.path.join(" › "),
      n: code.nRespondents,
      fraction,
      value: input.measure === "count" ? code.nRespondents : percentLength(fraction),
      label:
        input.measure === "count"
          ? ofText(code.nRespondents, answered)
          : percentOfText(code.nRespondents, answered),
      colour: input.colours?.get(code.codeId) ?? paletteColor(i),
    };
  });
}

/** "Q3 Limitations — 12 respondents answered". */
export function codeBarsTitle(input: CodeBarsInput): string {
  const answered = input.question.answered;
  return `${input.title ?? input.question.label} — ${respondentsText(answered)} answered`;
}

function axisName(input: CodeBarsInput): string {
  const answered = input.question.answered;
  return input.measure === "count"
    ? `Respondents (of the ${answered} who answered)`
    : `% of the ${respondentsText(answered)} who answered`;
}

export function codeBarsOption(input: CodeBarsInput, layout: ChartLayout): BuiltChart {
  return labelledBarsOption(
    {
      title: codeBarsTitle(input),
      subtitle: input.subtitle ?? null,
      bars: codeBars(input).map((bar) => ({ ...bar, tooltipName: bar.fullName })),
      axisName: axisName(input),
      axis: {
        ...measureTicks(input.measure, layout.medium),
        // Percent axes end at a round ten, never past 100: a code's share cannot exceed it.
        max:
          input.measure === "percent"
            ? (extent: { max: number }) =>
                Math.min(100, Math.max(10, Math.ceil(extent.max / 10) * 10))
            : undefined,
      },
      series: { barCategoryGap: "30%" },
    },
    layout,
  );
}

/** What a screen reader hears for the chart as a whole. */
export function codeBarsSummary(input: CodeBarsInput): string {
  const bars = codeBars(input);
  const listed = bars.map((bar) => `${bar.fullName}: ${bar.label}`).join("; ");
  return `Bar chart. ${codeBarsTitle(input)}. ${listed === "" ? "No codes." : `${listed}.`}`;
}

export function codeBarsTable(input: CodeBarsInput): DataTable {
  const answered = input.question.answered;
  return {
    caption: codeBarsTitle(input),
    head: ["Code", "Respondents", "Of answered", "%"],
    rows: codeBars(input).map((bar) => [
      bar.fullName,
      String(bar.n),
      String(answered),
      percentText(bar.n, answered),
    ]),
  };
}
