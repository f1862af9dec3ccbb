/**
 * Bootstrap confidence intervals over answers, seeded so the same project gives the
 * same interval every time (a report must be reproducible).
 */
import type { Interval } from "./statistic.ts";

/** Fewer defined resamples than this cannot place the 2.5% and 97.5% points. */
export const MIN_DEFINED_RESAMPLES = 20;

/** mulberry32: one 32-bit state word, full period 2^32, fast and well mixed. */
function nextState(state: number): number {
  return (state + 0x6d2b79f5) | 0;
}

function stateToFloat(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A small fast seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = nextState(state);
    return stateToFloat(state);
  };
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
  units: number,
  count: number,
  figures: (weights: Uint32Array, out: Float64Array) => void,
  options: BootstrapOptions,
): (Interval | null)[] {
  const { resamples, seed } = options;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(units) || units < 0)
    throw new Error(`bootstrapIntervals: bad unit count ${units}`);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`bootstrapIntervals: bad figure count ${count}`);
  if (!Number.isInteger(resamples) || resamples < 0) {
    throw new Error(`bootstrapIntervals: bad number of resamples ${resamples}`);
  }
  if (!(level > 0 && level < 1))
    throw new Error(`bootstrapIntervals: level must lie between 0 and 1, got ${level}`);
  if (units === 0 || resamples === 0) return new Array<Interval | null>(count).fill(null);

  const weights = new Uint32Array(units);
  const out = new Float64Array(count);
  // values[figure * resamples + defined index]: defined values only, packed per figure.
  const values = new Float64Array(count * resamples);
  const definedCounts = new Uint32Array(count);
  let state = seed | 0;
  for (let r = 0; r < resamples; r += 1) {
    weights.fill(0);
    for (let i = 0; i < units; i += 1) {
      state = nextState(state);
      const unit = Math.floor(stateToFloat(state) * units);
      weights[unit] = (weights[unit] ?? 0) + 1;
    }
    out.fill(NaN);
    figures(weights, out);
    for (let f = 0; f < count; f += 1) {
      const value = out[f] ?? NaN;
      if (Number.isNaN(value)) continue;
      const slot = definedCounts[f] ?? 0;
      values[f * resamples + slot] = value;
      definedCounts[f] = slot + 1;
    }
  }

  const intervals: (Interval | null)[] = [];
  for (let f = 0; f < count; f += 1) {
    const defined = definedCounts[f] ?? 0;
    if (defined < MIN_DEFINED_RESAMPLES) {
      intervals.push(null);
      continue;
    }
    const sorted = values.slice(f * resamples, f * resamples + defined).sort();
    const tail = (1 - level) / 2;
    intervals.push({
      low: quantile(sorted, tail),
      high: quantile(sorted, 1 - tail),
      level,
      resamples,
      defined,
    });
  }
  return intervals;
}

/** Linear interpolation between order statistics (R's type 7), on sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] ?? NaN;
  const high = sorted[above] ?? NaN;
  return low + (high - low) * (position - below);
}
