/** Small helpers the benchmarks share: a seeded generator and percentiles. */

/** A small seeded generator (mulberry32), so every run works on the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** "p50 1.2 ms, p99 5.3 ms, max 9.1 ms (1000)" */
export function latencySummary(values: readonly number[], digits = 2): string {
  const max = values.length > 0 ? Math.max(...values) : 0;
  return (
    `p50 ${percentile(values, 50).toFixed(digits)} ms, p99 ${percentile(values, 99).toFixed(digits)} ms, ` +
    `max ${max.toFixed(digits)} ms (${values.length})`
  );
}
