/**
 * The heights of a long list's rows, measured or estimated, and where each row starts.
 *
 * A virtualised list of 100,000 answers needs "where does row i start" and "which row is
 * at y" on every scroll, and a row's height changes whenever it is first measured. A
 * plain array of offsets costs O(n) per change (which is what made a general-purpose
 * virtualiser walk all 100,000 rows several times a frame); here each row's difference
 * from the estimate sits in a Fenwick tree, so a change, an offset and a lookup by
 * position each cost O(log n). Rows never measured count as the estimate.
 */
export class RowSizes {
  readonly count: number;
  readonly estimate: number;
  /** Fenwick tree (1-based) of (height - estimate) per row. */
  private readonly tree: Float64Array;
  /** Measured heights; NaN for a row not measured yet. */
  private readonly measured: Float64Array;
  /** The highest power of two not above count: where a search down the tree starts. */
  private readonly top: number;

  constructor(count: number, estimate: number) {
    if (!(estimate > 0)) throw new Error(`RowSizes: the estimate must be positive (${estimate})`);
    this.count = Math.max(0, Math.floor(count));
    this.estimate = estimate;
    this.tree = new Float64Array(this.count + 1);
    this.measured = new Float64Array(this.count).fill(Number.NaN);
    let top = 1;
    while (top * 2 <= this.count) top *= 2;
    this.top = this.count === 0 ? 0 : top;
  }

  /** The same rows' measurements in a list of another length (the list grew or shrank). */
  resized(count: number): RowSizes {
    const next = new RowSizes(count, this.estimate);
    const kept = Math.min(count, this.count);
    for (let index = 0; index < kept; index++) {
      const height = this.measured[index] as number;
      if (!Number.isNaN(height)) next.set(index, height);
    }
    return next;
  }

  isMeasured(index: number): boolean {
    return !Number.isNaN(this.measured[index] ?? Number.NaN);
  }

  /** The row's height: as measured, else the estimate. */
  sizeOf(index: number): number {
    const height = this.measured[index] ?? Number.NaN;
    return Number.isNaN(height) ? this.estimate : height;
  }

  /** Records a row's measured height; returns how much it changed the list's height. */
  set(index: number, height: number): number {
    if (index < 0 || index >= this.count) return 0;
    const change = height - this.sizeOf(index);
    this.measured[index] = height;
    if (change !== 0) {
      for (let node = index + 1; node <= this.count; node += node & -node) {
        this.tree[node] = (this.tree[node] as number) + change;
      }
    }
    return change;
  }

  /** Where row `index` starts: the heights of the rows before it (index may be count). */
  offsetOf(index: number): number {
    const end = Math.min(Math.max(0, index), this.count);
    let sum = end * this.estimate;
    for (let node = end; node > 0; node -= node & -node) sum += this.tree[node] as number;
    return sum;
  }

  /** The whole list's height. */
  total(): number {
    return this.offsetOf(this.count);
  }

  /**
   * The row at vertical position `y` (the last row for y past the end, the first for y
   * above the start); -1 for an empty list.
   */
  indexAt(y: number): number {
    if (this.count === 0) return -1;
    // Down the tree: skip every block of rows that ends at or above y.
    let index = 0;
    let remaining = y;
    for (let step = this.top; step > 0; step >>= 1) {
      const node = index + step;
      if (node > this.count) continue;
      const block = step * this.estimate + (this.tree[node] as number);
      if (block <= remaining) {
        index = node;
        remaining -= block;
      }
    }
    return Math.min(index, this.count - 1);
  }
}

/** Rows to render for a viewport, first and last inclusive (last < first: none). */
export interface RowWindow {
  readonly first: number;
  readonly last: number;
}

/** The rows that meet the viewport [top, top + height], with `overscan` pixels either side. */
export function rowWindow(
  sizes: RowSizes,
  top: number,
  height: number,
  overscan: number,
): RowWindow {
  if (sizes.count === 0) return { first: 0, last: -1 };
  return {
    first: sizes.indexAt(Math.max(0, top - overscan)),
    last: sizes.indexAt(top + height + overscan),
  };
}
