/**
 * Segment-level agreement, MAXQDA's rule: every segment of either coder is a unit; it
 * agrees when the other coder has a segment of the same code on the same answer with
 * |intersection| / |union| >= threshold (inclusive).
 */
import { presenceAgreement } from "./presence.ts";
import { defined, undefinedBecause, type Statistic } from "./statistic.ts";

/** A coded passage of one answer, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Ratios of whole lengths that equal the threshold exactly must agree even when the
 * threshold itself carries rounding (a slider's 0.1 * 7); distinct ratios of texts
 * under a million characters differ by far more than this.
 */
const THRESHOLD_SLACK = 1e-12;

/** |a ∩ b| / |a ∪ b| of two spans (0 when they do not overlap). */
export function overlapRatio(a: Span, b: Span): number {
  const intersection = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (intersection <= 0) return 0;
  const union = a.end - a.start + (b.end - b.start) - intersection;
  return intersection / union;
}

/**
 * Two coders' segments of one code on one answer: which of each coder's segments agree
 * (has a partner of the other coder at or above the threshold).
 */
export function matchSpans(
  a: readonly Span[],
  b: readonly Span[],
  threshold: number,
): { readonly aAgrees: readonly boolean[]; readonly bAgrees: readonly boolean[] } {
  // Each coder's segments are judged on their own: one long segment of A can be the
  // partner of a B segment without that making A's other segments agree.
  const aAgrees = a.map((span) => hasPartner(span, b, threshold));
  const bAgrees = b.map((span) => hasPartner(span, a, threshold));
  return { aAgrees, bAgrees };
}

/**
 * Passages joined where they overlap or touch, in text order, empty ones dropped: what
 * one coder's segments of one code on one answer look like (the coding service keeps
 * them so), and so what a consensus built from two coders' passages must look like.
 */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

function hasPartner(span: Span, others: readonly Span[], threshold: number): boolean {
  for (const other of others) {
    if (overlapRatio(span, other) >= threshold - THRESHOLD_SLACK) return true;
  }
  return false;
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
  segments: number,
  agreements: number,
  codes: number,
): SegmentFigures {
  if (!(agreements >= 0 && agreements <= segments)) {
    throw new Error(`segmentFigures: ${agreements} agreements among ${segments} segments`);
  }
  if (segments === 0) {
    const none = undefinedBecause("neither coder marked a passage with this code in these answers");
    return { segments, agreements, percent: none, brennanPrediger: none };
  }
  const observed = agreements / segments;
  const brennanPrediger =
    codes < 2
      ? undefinedBecause("Brennan & Prediger's kappa needs at least two codes in the table")
      : defined((observed - 1 / codes) / (1 - 1 / codes));
  return { segments, agreements, percent: defined(observed), brennanPrediger };
}

/**
 * NVivo's per-character comparison of one code on one text, offered only to check
 * NVivo's numbers: uncoded characters count as agreement, which inflates it.
 */
export function characterAgreement(
  textLength: number,
  a: readonly Span[],
  b: readonly Span[],
): {
  readonly both: number;
  readonly aOnly: number;
  readonly bOnly: number;
  readonly neither: number;
  readonly percent: Statistic;
  readonly cohenKappa: Statistic;
} {
  const aMarks = characterMarks(textLength, a);
  const bMarks = characterMarks(textLength, b);
  let both = 0;
  let aOnly = 0;
  let bOnly = 0;
  for (let i = 0; i < textLength; i += 1) {
    const inA = aMarks[i] === 1;
    const inB = bMarks[i] === 1;
    if (inA && inB) both += 1;
    else if (inA) aOnly += 1;
    else if (inB) bOnly += 1;
  }
  const neither = textLength - both - aOnly - bOnly;
  if (textLength === 0) {
    const none = undefinedBecause("the text is empty");
    return { both, aOnly, bOnly, neither, percent: none, cohenKappa: none };
  }
  const figures = presenceAgreement({ both, aOnly, bOnly, neither });
  let cohenKappa = figures.cohenKappa;
  if (neither === textLength) cohenKappa = undefinedBecause("neither coder coded any of this text");
  else if (both === textLength) cohenKappa = undefinedBecause("both coders coded the whole text");
  return { both, aOnly, bOnly, neither, percent: figures.percent, cohenKappa };
}

/** 1 for every character a coder's spans cover (overlapping spans count once). */
function characterMarks(textLength: number, spans: readonly Span[]): Uint8Array {
  if (!Number.isInteger(textLength) || textLength < 0) {
    throw new Error(`characterAgreement: text length must be a whole number, got ${textLength}`);
  }
  const marks = new Uint8Array(textLength);
  for (const span of spans) {
    if (!(span.start >= 0 && span.start <= span.end && span.end <= textLength)) {
      throw new Error(
        `characterAgreement: span ${span.start}-${span.end} lies outside a text of ${textLength} characters`,
      );
    }
    marks.fill(1, span.start, span.end);
  }
  return marks;
}
