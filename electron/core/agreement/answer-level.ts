/**
 * Answer-level agreement (decision 0015): per node of the codebook (a category's units
 * present when any code of its subtree is) and pooled over the codes as applied, with
 * bootstrap intervals for Cohen's kappa and Krippendorff's alpha drawn from ONE set of
 * resamples of the answers, so every code's interval and the pooled one move together.
 */
import type {
  AnswerAgreementRow,
  PooledAnswerAgreement,
} from "../../../shared/api/agreement-api.ts";
import { bootstrapIntervals } from "../../../shared/agreement/bootstrap.ts";
import { manyPresenceAgreement, presenceAgreement } from "../../../shared/agreement/presence.ts";
import {
  undefinedBecause,
  type Estimate,
  type Interval,
  type Statistic,
} from "../../../shared/agreement/statistic.ts";
import type { TallyTree } from "../../../shared/tally/code-tree.ts";
import type { CodeId } from "../../../shared/domain.ts";
import { manyCoderAlpha, twoCoderAlpha, twoCoderKappa } from "./chance-kernels.ts";
import { rowLists, type PresenceLists } from "./presence-lists.ts";

export const COHEN_TWO_CODERS = "Cohen's kappa compares two coders; with more, read Fleiss' kappa";

/** Why the pooled figures (both levels) are undefined when the codebook is empty. */
export const NO_CODES = "the codebook has no codes to compare";

export interface BootstrapChoice {
  readonly resamples: number;
  readonly seed: number;
}

export function answerLevel(
  tree: TallyTree,
  lists: PresenceLists,
  bootstrap: BootstrapChoice,
): { rows: AnswerAgreementRow[]; pooled: PooledAnswerAgreement } {
  const order = tree.order;
  const totals = order.map((at) => listTotals(rowLists(lists, at), lists.classes));
  const pooledTotals = pooledClassTotals(lists);
  const pooledUnits = lists.pooledNodes * lists.units;
  const intervals = bootstrapFigures(tree, lists, bootstrap);
  const rows = order.map((at, r): AnswerAgreementRow => {
    const parent = tree.parent[at]!;
    return {
      codeId: tree.ids[at]! as CodeId,
      parentId: parent < 0 ? null : (tree.ids[parent]! as CodeId),
      path: tree.paths[at]!,
      category: lists.category[at] === 1,
      ...figures(lists.coders, totals[r]!, lists.units, intervals, r),
    };
  });
  const pooled = figures(lists.coders, pooledTotals, pooledUnits, intervals, order.length);
  // No codes means no units; "no answers both coders have seen" would send the user
  // looking for done marks.
  return { rows, pooled: lists.pooledNodes === 0 ? withoutCodes(pooled) : pooled };
}

function withoutCodes(pooled: PooledAnswerAgreement): PooledAnswerAgreement {
  const none = undefinedBecause(NO_CODES);
  const noEstimate = { ...none, interval: null };
  return {
    ...pooled,
    percent: none,
    cohenKappa: noEstimate,
    fleissKappa: none,
    krippendorffAlpha: noEstimate,
    brennanPrediger: none,
  };
}

/** Units per class (index 1..classes) from a node's lists. */
function listTotals(byClass: readonly Int32Array[], classes: number): Float64Array {
  const s = new Float64Array(classes + 1);
  for (let c = 1; c <= classes; c++) s[c] = byClass[c]!.length;
  return s;
}

function pooledClassTotals(lists: PresenceLists): Float64Array {
  const s = new Float64Array(lists.classes + 1);
  for (let c = 1; c <= lists.classes; c++) {
    const counts = lists.pooledCounts[c]!;
    let sum = 0;
    for (let i = 0; i < counts.length; i++) sum += counts[i]!;
    s[c] = sum;
  }
  return s;
}

/** Intervals by figure: 2r Cohen's kappa and 2r + 1 alpha of row r; the pooled row last. */
type Intervals = readonly (Interval | null)[] | null;

function figures(
  coders: number,
  s: Float64Array,
  units: number,
  intervals: Intervals,
  r: number,
): PooledAnswerAgreement {
  const used = s.reduce((sum, n) => sum + n, 0);
  if (coders === 2) {
    const [aOnly, bOnly, both] = [s[1]!, s[2]!, s[3]!];
    const neither = units - used;
    const p = presenceAgreement({ both, aOnly, bOnly, neither });
    return {
      units,
      both,
      aOnly,
      bOnly,
      neither,
      allAgree: both + neither,
      percent: p.percent,
      cohenKappa: estimate(p.cohenKappa, intervals?.[2 * r] ?? null),
      fleissKappa: p.scottPi,
      krippendorffAlpha: estimate(p.krippendorffAlpha, intervals?.[2 * r + 1] ?? null),
      brennanPrediger: p.brennanPrediger,
    };
  }
  const histogram = Array.from(s, (n, j) => (j === 0 ? units - used : n));
  const p = manyPresenceAgreement(coders, histogram);
  return {
    units,
    both: null,
    aOnly: null,
    bOnly: null,
    neither: null,
    allAgree: p.allAgree,
    percent: p.percent,
    cohenKappa: { ...undefinedBecause(COHEN_TWO_CODERS), interval: null },
    fleissKappa: p.fleissKappa,
    krippendorffAlpha: estimate(p.krippendorffAlpha, intervals?.[2 * r + 1] ?? null),
    brennanPrediger: p.brennanPrediger,
  };
}

/** An interval only beside a defined value. */
function estimate(point: Statistic, interval: Interval | null): Estimate {
  return { ...point, interval: point.value === null ? null : interval };
}

/**
 * Every row's and the pooled kappa and alpha on each resample. Each row's class lists
 * are laid end to end in one array, so a resample is one tight loop summing the weights
 * of the units listed (the answers a code was used on, not every answer). The pooled
 * sums add up the codes as applied: the leaves' rows, and the own lists of categories
 * that carry segments of their own. Null when no intervals are asked for or there is
 * nothing to resample.
 */
function bootstrapFigures(
  tree: TallyTree,
  lists: PresenceLists,
  { resamples, seed }: BootstrapChoice,
): Intervals {
  if (resamples === 0 || lists.units === 0) return null;
  const { classes, coders, units } = lists;
  const rows = tree.order.length;
  const groups = tree.order.map((at) => rowLists(lists, at).slice(1));
  // Pooled: leaf rows, then the categories' own segments (extra groups past the rows).
  const pooledRows = tree.order.flatMap((at, r) => (lists.category[at] ? [] : [r]));
  tree.order.forEach((at) => {
    if (lists.category[at] && lists.pooled[at]) groups.push(lists.own[at]!.slice(1));
  });
  const pooledGroups = [...pooledRows];
  for (let g = rows; g < groups.length; g++) pooledGroups.push(g);
  const flat = layOut(groups.flat());
  const sums = new Float64Array(groups.length * classes);
  const s = new Float64Array(classes + 1);
  const pooledTotal = lists.pooledNodes * units;
  const write = (out: Float64Array, at: number, total: number) => {
    out[at] = coders === 2 ? twoCoderKappa(s, total) : NaN;
    out[at + 1] = coders === 2 ? twoCoderAlpha(s, total) : manyCoderAlpha(s, coders, total);
  };
  return bootstrapIntervals(
    units,
    2 * (rows + 1),
    (weights, out) => {
      sumWeights(flat, weights, sums);
      for (let r = 0; r < rows; r++) {
        for (let c = 1; c <= classes; c++) s[c] = sums[r * classes + c - 1]!;
        write(out, 2 * r, units);
      }
      s.fill(0);
      for (const g of pooledGroups) {
        for (let c = 1; c <= classes; c++) s[c]! += sums[g * classes + c - 1]!;
      }
      write(out, 2 * rows, pooledTotal);
    },
    { resamples, seed },
  );
}

/** Lists laid end to end: list i is units[offsets[i] .. offsets[i + 1]). */
interface Flat {
  readonly units: Int32Array;
  readonly offsets: Int32Array;
}

function layOut(parts: readonly Int32Array[]): Flat {
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.length));
  const units = new Int32Array(offsets[parts.length]!);
  parts.forEach((part, i) => units.set(part, offsets[i]!));
  return { units, offsets };
}

function sumWeights(flat: Flat, weights: Uint32Array, sums: Float64Array): void {
  const { units, offsets } = flat;
  for (let i = 0; i < sums.length; i++) {
    let sum = 0;
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) sum += weights[units[k]!]!;
    sums[i] = sum;
  }
}
