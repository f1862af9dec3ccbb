/**
 * Where the coding stripes go in the margin beside an answer (MAXQDA-style): one
 * vertical bar per segment, spanning the lines its highlight covers, with the code's
 * name beside it. Bars whose lines overlap go side by side in lanes, so no segment
 * hides another; labels that would collide are pushed down one under the other.
 */

/** A segment's vertical extent in the text, in pixels from the text's top. */
export interface SegmentExtent {
  readonly id: number;
  readonly top: number;
  readonly bottom: number;
}

export interface MarginBar {
  readonly id: number;
  /** 0 is the lane nearest the text. */
  readonly lane: number;
  readonly top: number;
  readonly height: number;
  /** Where the label's top goes: at the bar's top, or lower when the one above needs room. */
  readonly labelTop: number;
}

export interface MarginLayout {
  readonly bars: readonly MarginBar[];
  readonly lanes: number;
  /** How far down the lowest label reaches, so the margin can grow to hold it. */
  readonly height: number;
}

/**
 * Lays the bars out: earliest first (then longest), each in the first lane whose last
 * bar ends above it. Labels keep the bars' order top to bottom, `labelHeight` apart.
 */
export function layoutMargin(
  extents: readonly SegmentExtent[],
  labelHeight: number,
  gap = 2,
): MarginLayout {
  const sorted = [...extents].sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.id - b.id);
  const laneEnds: number[] = [];
  const bars: MarginBar[] = [];
  let labelFloor = -Infinity;
  let height = 0;
  for (const extent of sorted) {
    let lane = laneEnds.findIndex((end) => end <= extent.top);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = extent.bottom + gap;
    const labelTop = Math.max(extent.top, labelFloor);
    labelFloor = labelTop + labelHeight;
    height = Math.max(height, extent.bottom, labelFloor);
    bars.push({
      id: extent.id,
      lane,
      top: extent.top,
      height: Math.max(extent.bottom - extent.top, 4),
      labelTop,
    });
  }
  return { bars, lanes: laneEnds.length, height };
}
