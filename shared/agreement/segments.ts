/**
 * Segment-level agreement, MAXQDA's rule: every segment of either coder is a unit; it
 * agrees when the other coder has a segment of the same code on the same answer with
 * |intersection| / |union| >= threshold (inclusive).
 */
import type { Statistic } from "./statistic.ts";

/** A coded passage of one answer, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** |a ∩ b| / |a ∪ b| of two spans (0 when they do not overlap). */
export function overlapRatio(_a: Span, _b: Span): number {
  throw new Error("overlapRatio: not implemented yet");
}

/**
 * Two coders' segments of one code on one answer: which of each coder's segments agree
 * (has a partner of the other coder at or above the threshold).
 */
export function matchSpans(
  _a: readonly Span[],
  _b: readonly Span[],
  _threshold: number,
): { readonly aAgrees: readonly boolean[]; readonly bAgrees: readonly boolean[] } {
  throw new Error("matchSpans: not implemented yet");
}

export interface SegmentFigures {
  readonly segments: number;
  readonly agreements: number;
  /** agreements / segments. */
  readonly percent: Statistic;
  /** (percent - 1/k) / (1 - 1/k), k = number of codes in the table. */
  readonly brennanPrediger: Statistic;
}

export function segmentFigures(
  _segments: number,
  _agreements: number,
  _codes: number,
): SegmentFigures {
  throw new Error("segmentFigures: not implemented yet");
}

/**
 * NVivo's per-character comparison of one code on one text, offered only to check
 * NVivo's numbers: uncoded characters count as agreement, which inflates it.
 */
export function characterAgreement(
  _textLength: number,
  _a: readonly Span[],
  _b: readonly Span[],
): {
  readonly both: number;
  readonly aOnly: number;
  readonly bOnly: number;
  readonly neither: number;
  readonly percent: Statistic;
  readonly cohenKappa: Statistic;
} {
  throw new Error("characterAgreement: not implemented yet");
}
