/**
 * Bootstrap confidence intervals over answers, seeded so the same project gives the
 * same interval every time (a report must be reproducible).
 */
import type { Interval } from "./statistic.ts";

/** A small fast seeded generator of floats in [0, 1). */
export function seededRandom(_seed: number): () => number {
  throw new Error("seededRandom: not implemented yet");
}

export interface BootstrapOptions {
  readonly resamples: number;
  readonly seed: number;
  /** Default 0.95. */
  readonly level?: number;
}

/**
 * Draws `units` units with replacement `resamples` times. On each resample `figures`
 * gets how often each unit was drawn (`weights`, reused between calls) and writes the
 * `count` figures on that resample into `out` (NaN where a figure is undefined: only
 * here, as a sentinel, never reported). One draw serves every figure, so per-code and
 * pooled intervals come from the same resamples. Returns a percentile interval per
 * figure; null where no resample (or too few to read the percentiles) was defined.
 */
export function bootstrapIntervals(
  _units: number,
  _count: number,
  _figures: (weights: Uint32Array, out: Float64Array) => void,
  _options: BootstrapOptions,
): (Interval | null)[] {
  throw new Error("bootstrapIntervals: not implemented yet");
}
