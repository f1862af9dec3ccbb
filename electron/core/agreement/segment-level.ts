/**
 * Segment-level agreement, two coders (MAXQDA's rule, DESIGN.md; decision 0015): per
 * code, the node's own segments of either coder on the answers compared are the units;
 * one agrees when the other coder has a segment of the same code on the same answer
 * overlapping it by |intersection| / |union| >= threshold. Brennan & Prediger's chance is
 * 1/k, k the number of codes in the table: the codes as applied (leaves, and categories
 * with segments of their own), the same nodes the answer level pools.
 */
import type { SegmentAgreement, SegmentAgreementRow } from "../../../shared/api/agreement-api.ts";
import { matchSpans, segmentFigures, type Span } from "../../../shared/agreement/segments.ts";
import { undefinedBecause } from "../../../shared/agreement/statistic.ts";
import type { TallyTree } from "../../../shared/tally/code-tree.ts";
import type { CodeId } from "../../../shared/domain.ts";
import type { Codings } from "../db/agreement-codings.ts";
import { NO_CODES } from "./answer-level.ts";
import type { CodedUnits } from "./coded-units.ts";
import type { PresenceLists } from "./presence-lists.ts";

export const SEGMENT_TWO_CODERS =
  "segment-level agreement compares two coders; with more, read the answer level";

interface Counts {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly agreements: Float64Array;
}

export function segmentLevel(
  tree: TallyTree,
  coded: CodedUnits,
  codings: Codings,
  lists: PresenceLists,
  threshold: number,
): SegmentAgreement {
  const counts = countSegments(tree.ids.length, coded, codings, threshold);
  const nodes = tree.order.filter((at) => lists.pooled[at] === 1);
  const k = nodes.length;
  const rows = nodes.map((at): SegmentAgreementRow => {
    const parent = tree.parent[at]!;
    const aSegments = counts.a[at]!;
    const bSegments = counts.b[at]!;
    return {
      codeId: tree.ids[at]! as CodeId,
      parentId: parent < 0 ? null : (tree.ids[parent]! as CodeId),
      path: tree.paths[at]!,
      aSegments,
      bSegments,
      ...segmentFigures(aSegments + bSegments, counts.agreements[at]!, k),
    };
  });
  const sum = (pick: (row: SegmentAgreementRow) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const aSegments = sum((row) => row.aSegments);
  const bSegments = sum((row) => row.bSegments);
  const pooled = segmentFigures(
    aSegments + bSegments,
    sum((row) => row.agreements),
    k,
  );
  return {
    rows,
    pooled: { aSegments, bSegments, ...pooled, ...(pooled.segments === 0 && noSegments(k)) },
    codes: k,
  };
}

/** The pooled reason when there is nothing to pool (the per-code one names "this code"). */
function noSegments(codes: number): Pick<SegmentAgreementRow, "percent" | "brennanPrediger"> {
  const none = undefinedBecause(
    codes === 0 ? NO_CODES : "neither coder marked any passage in these answers",
  );
  return { percent: none, brennanPrediger: none };
}

/**
 * Walks each unit's segments grouped by node (an insertion sort: an answer holds a few),
 * matching coder A's against coder B's where both used the code.
 */
function countSegments(
  nodes: number,
  coded: CodedUnits,
  codings: Codings,
  threshold: number,
): Counts {
  const counts: Counts = {
    a: new Float64Array(nodes),
    b: new Float64Array(nodes),
    agreements: new Float64Array(nodes),
  };
  let buffer = new Int32Array(64);
  for (let u = 0; u < coded.units; u++) {
    const from = coded.unitStart[u]!;
    const length = coded.unitStart[u + 1]! - from;
    if (length === 0) continue;
    if (length > buffer.length) buffer = new Int32Array(length * 2);
    const segments = buffer.subarray(0, length);
    segments.set(coded.order.subarray(from, from + length));
    sortByNode(segments, coded.node);
    for (let g = 0; g < length;) {
      const at = coded.node[segments[g]!]!;
      const first = g;
      let a = 0;
      for (; g < length && coded.node[segments[g]!] === at; g++) {
        if (coded.coder[segments[g]!] === 0) a++;
      }
      const b = g - first - a;
      counts.a[at]! += a;
      counts.b[at]! += b;
      if (a > 0 && b > 0) {
        counts.agreements[at]! += agreements(
          segments.subarray(first, g),
          coded,
          codings,
          threshold,
        );
      }
    }
  }
  return counts;
}

function sortByNode(segments: Int32Array, node: Int32Array): void {
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    const key = node[segment]!;
    let j = i - 1;
    for (; j >= 0 && node[segments[j]!]! > key; j--) segments[j + 1] = segments[j]!;
    segments[j + 1] = segment;
  }
}

/** Segments of both coders with one code on one answer: how many agree. */
function agreements(
  group: Int32Array,
  coded: CodedUnits,
  codings: Codings,
  threshold: number,
): number {
  const a: Span[] = [];
  const b: Span[] = [];
  for (const i of group) {
    (coded.coder[i] === 0 ? a : b).push({ start: codings.starts[i]!, end: codings.ends[i]! });
  }
  const matched = matchSpans(a, b, threshold);
  return trues(matched.aAgrees) + trues(matched.bAgrees);
}

function trues(flags: readonly boolean[]): number {
  let n = 0;
  for (const flag of flags) if (flag) n++;
  return n;
}
