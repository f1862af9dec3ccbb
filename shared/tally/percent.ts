/**
 * How every share is written, on screen, in charts, copied tables, report sentences and
 * the CLI's text tables: whole percents rounded half up (decision 0012: "half away from
 * zero"; the figures are never negative), "–" where there is no denominator, and
 * "9 of 12" for the counts. One place, so the same figure reads the same everywhere:
 * 29 of 200 is "15%" in the table, on the chart and in the sentence.
 */

/** The sign for a share without a denominator (nobody answered, no segment). */
export const NO_PERCENT = "–";

/**
 * n / d as a whole percent, or null when d is 0. From the counts: 100 * n / d is one
 * correctly rounded division, and an exact half (14.5) is representable, so it stays
 * exact and rounds up, where 0.145 * 100 would give 14.499….
 */
export function wholePercent(n: number, d: number): number | null {
  if (d === 0) return null;
  return Math.round((100 * n) / d);
}

/** "64%", or "–" when the denominator is 0. */
export function percentText(n: number, d: number): string {
  return textOf(wholePercent(n, d));
}

/**
 * A fraction (a ratio of counts, as the API sends it) as a whole percent, for where the
 * counts are not at hand. Its product with 100 can miss a true half by a rounding error
 * (0.145 * 100 = 14.4999…). A ratio n / d that is not a half lies at least 1 / (2d)
 * from one, which for any denominator below 10^8 is far more than 1e-9, while the
 * floating-point error is about 1e-14; so a product within 1e-9 of a half is a half.
 */
export function fractionPercent(fraction: number | null): number | null {
  if (fraction === null || !Number.isFinite(fraction)) return null;
  const whole = Math.floor(Math.abs(fraction) * 100 + 0.5 + 1e-9);
  return fraction < 0 && whole !== 0 ? -whole : whole;
}

/** "64%" from a fraction, or "–" for null. */
export function fractionText(fraction: number | null): string {
  return textOf(fractionPercent(fraction));
}

function textOf(percent: number | null): string {
  return percent === null ? NO_PERCENT : `${percent}%`;
}

/** A count as a report writes it: "1,204". */
export function countText(n: number): string {
  return n.toLocaleString("en");
}

/** "9 of 12", "1,204 of 15,000". */
export function ofText(n: number, of: number): string {
  return `${countText(n)} of ${countText(of)}`;
}

/** "75% (9 of 12)"; "– (0 of 0)" without a denominator. */
export function percentOfText(n: number, of: number): string {
  return `${percentText(n, of)} (${ofText(n, of)})`;
}
