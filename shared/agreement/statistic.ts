/**
 * A coefficient as Cairn reports it: a value, or null with the reason it is undefined
 * ("neither coder used this code in these answers"), never 0, 1 or NaN in its place.
 */
export interface Statistic {
  readonly value: number | null;
  /** Why `value` is null; null when it is defined. */
  readonly reason: string | null;
}

/** A percentile bootstrap interval, resampling answers with replacement. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  /** 0.95 for a 95% interval. */
  readonly level: number;
  /** Resamples drawn, and those on which the statistic was defined (the rest are left out). */
  readonly resamples: number;
  readonly defined: number;
}

export function defined(value: number): Statistic {
  return { value, reason: null };
}

export function undefinedBecause(reason: string): Statistic {
  return { value: null, reason };
}

/** A statistic with its bootstrap interval (null: not computed, or undefined throughout). */
export interface Estimate extends Statistic {
  readonly interval: Interval | null;
}
