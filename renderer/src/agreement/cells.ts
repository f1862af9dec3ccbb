/**
 * One figure of the agreement report as the table shows it and the clipboard takes it:
 * coefficients with 2 decimals on screen and 3 in the tooltip and the copy, percents as
 * every share in Cairn is written (shared/tally/percent.ts), and an undefined figure as
 * "—" carrying its reason (never 0, 1 or NaN in its place).
 */
import type { Estimate, Interval, Statistic } from "../../../shared/agreement/statistic.ts";
import { countText, fractionText } from "../../../shared/tally/percent.ts";

export const UNDEFINED_MARK = "—";

export interface Cell {
  /** What the table shows ("0.62", "67%", "12", "—"). */
  readonly text: string;
  /** The value as a spreadsheet takes it (3 decimals for coefficients); null: undefined. */
  readonly copy: number | string | null;
  /** Why the figure is undefined; null when it is defined. */
  readonly reason: string | null;
  /** A coefficient's bootstrap interval, shown beside it. */
  readonly interval: Interval | null;
  /** The longer form for a tooltip ("0.617, 95% CI [0.412, 0.803]..."). */
  readonly detail: string;
}

/** A coefficient with `digits` decimals; a negative one with a true minus sign. */
export function coefficientText(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  // -0.001 rounds to "-0.00": no sign on a zero.
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}

/** "[0.41, 0.80]" */
export function intervalText(interval: Interval, digits = 2): string {
  return `[${coefficientText(interval.low, digits)}, ${coefficientText(interval.high, digits)}]`;
}

/** A number rounded for the clipboard (3 decimals), kept a number. */
export function rounded(value: number, digits = 3): number {
  const r = Number(value.toFixed(digits));
  return r === 0 ? 0 : r;
}

export function countCell(n: number): Cell {
  return { text: countText(n), copy: n, reason: null, interval: null, detail: countText(n) };
}

export function percentCell(statistic: Statistic): Cell {
  if (statistic.value === null) return undefinedCell(statistic.reason);
  const text = fractionText(statistic.value);
  return { text, copy: text, reason: null, interval: null, detail: text };
}

export function coefficientCell(statistic: Statistic | Estimate): Cell {
  if (statistic.value === null) return undefinedCell(statistic.reason);
  const interval = "interval" in statistic ? statistic.interval : null;
  const precise = coefficientText(statistic.value, 3);
  const detail =
    interval === null
      ? precise
      : `${precise}, 95% interval ${intervalText(interval, 3)} (bootstrap over answers: ` +
        `${countText(interval.defined)} of ${countText(interval.resamples)} resamples defined)`;
  return {
    text: coefficientText(statistic.value),
    copy: rounded(statistic.value),
    reason: null,
    interval,
    detail,
  };
}

function undefinedCell(reason: string | null): Cell {
  const why = reason ?? "not defined here";
  return { text: UNDEFINED_MARK, copy: null, reason: why, interval: null, detail: why };
}
