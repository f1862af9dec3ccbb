/**
 * Agreement on any units x coders table of nominal ratings (null = missing), as
 * `cairn agreement --table` computes it. Formulas: ../shared/agreement/README.md.
 */
import { defined, undefinedBecause, type Statistic } from "./statistic.ts";

export type Rating = string | number | null;

export interface RatingTable {
  /** Every category defined in advance (Brennan & Prediger's q), observed or not. */
  readonly categories: readonly (string | number)[];
  /** One row per unit, one column per coder. */
  readonly data: readonly (readonly Rating[])[];
}

export interface TableAgreement {
  /** Units with at least two values (the others cannot be paired). */
  readonly units: number;
  /** Two coders: share of units with the same value; more: mean pairwise (Fleiss' P-bar). */
  readonly percentAgreement: Statistic;
  /** Two coders with complete units only. */
  readonly cohenKappa: Statistic;
  readonly scottPi: Statistic;
  /** Equal numbers of ratings on every pairable unit (units rated once are left out, as for alpha). */
  readonly fleissKappa: Statistic;
  readonly krippendorffAlpha: Statistic;
  readonly brennanPrediger: Statistic;
}

/** A table that cannot be read as ratings; the message says what to fix. */
export class RatingTableError extends Error {
  override readonly name = "RatingTableError";
}

/** The table as category indexes, -1 = missing. */
interface Coded {
  readonly coders: number;
  readonly units: number;
  readonly q: number;
  /** ratings[unit * coders + coder] = category index or -1. */
  readonly ratings: Int32Array;
}

/** Throws RatingTableError naming the first problem with the table. */
function codeTable(table: RatingTable): Coded {
  if (table === null || typeof table !== "object") {
    throw new RatingTableError('a table is an object {"categories": [...], "data": [[...], ...]}');
  }
  const { categories, data } = table;
  if (!Array.isArray(categories))
    throw new RatingTableError('"categories" must be a list of values');
  if (!Array.isArray(data))
    throw new RatingTableError('"data" must be a list of units, each a list of ratings');
  const index = new Map<string | number, number>();
  categories.forEach((category: unknown, i) => {
    if (typeof category !== "string" && typeof category !== "number") {
      throw new RatingTableError(`category ${describe(category)} is not a text or a number`);
    }
    if (index.has(category))
      throw new RatingTableError(`category ${describe(category)} is listed twice`);
    index.set(category, i);
  });
  const first: unknown = data[0];
  const coders = Array.isArray(first) ? first.length : 0;
  const ratings = new Int32Array(data.length * coders);
  data.forEach((row: unknown, unit) => {
    if (!Array.isArray(row))
      throw new RatingTableError(`unit ${unit + 1} is not a list of ratings`);
    if (row.length !== coders) {
      throw new RatingTableError(
        `unit ${unit + 1} has ${row.length} ratings but unit 1 has ${coders}: give every unit one rating per coder (null where missing)`,
      );
    }
    row.forEach((value: unknown, coder) => {
      if (value === null) {
        ratings[unit * coders + coder] = -1;
        return;
      }
      const category =
        typeof value === "string" || typeof value === "number" ? index.get(value) : undefined;
      if (category === undefined) {
        throw new RatingTableError(
          `the value ${describe(value)} (unit ${unit + 1}, coder ${coder + 1}) is not among the categories`,
        );
      }
      ratings[unit * coders + coder] = category;
    });
  });
  return { coders, units: data.length, q: categories.length, ratings };
}

function describe(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

export function tableAgreement(table: RatingTable): TableAgreement {
  const coded = codeTable(table);
  const label = (category: number): string => describe(table.categories[category]);
  const pairwise = pairwiseFigures(coded, label);
  return {
    units: pairwise.units,
    percentAgreement: pairwise.percent,
    cohenKappa: twoCoderFigure(coded, label, "cohen"),
    scottPi: twoCoderFigure(coded, label, "scott"),
    fleissKappa: pairwise.fleiss,
    krippendorffAlpha: pairwise.alpha,
    brennanPrediger: pairwise.brennanPrediger,
  };
}

/** Per-unit counts of each category, visited once per unit with at least two ratings. */
function forEachPairableUnit(
  coded: Coded,
  visit: (counts: Int32Array, rated: number) => void,
): void {
  const counts = new Int32Array(coded.q);
  for (let unit = 0; unit < coded.units; unit += 1) {
    counts.fill(0);
    let rated = 0;
    for (let coder = 0; coder < coded.coders; coder += 1) {
      const category = coded.ratings[unit * coded.coders + coder] ?? -1;
      if (category >= 0) {
        counts[category] = (counts[category] ?? 0) + 1;
        rated += 1;
      }
    }
    if (rated >= 2) visit(counts, rated);
  }
}

/** Percent (mean pairwise), Brennan & Prediger, Fleiss and alpha: all from unit counts. */
function pairwiseFigures(
  coded: Coded,
  label: (category: number) => string,
): {
  units: number;
  percent: Statistic;
  brennanPrediger: Statistic;
  fleiss: Statistic;
  alpha: Statistic;
} {
  let units = 0;
  let agreementSum = 0;
  let minRated = Infinity;
  let maxRated = 0;
  // Pooled values per category over pairable units (alpha's n_c, Fleiss' marginals),
  // and the coincidence matrix's diagonal sum_c o_cc.
  const pooled = new Float64Array(coded.q);
  let sameValueCoincidences = 0;
  forEachPairableUnit(coded, (counts, rated) => {
    units += 1;
    minRated = Math.min(minRated, rated);
    maxRated = Math.max(maxRated, rated);
    let agreeingPairs = 0;
    for (let c = 0; c < counts.length; c += 1) {
      const n = counts[c] ?? 0;
      agreeingPairs += n * (n - 1);
      pooled[c] = (pooled[c] ?? 0) + n;
    }
    agreementSum += agreeingPairs / (rated * (rated - 1));
    sameValueCoincidences += agreeingPairs / (rated - 1);
  });
  if (units === 0) {
    const none = undefinedBecause(
      coded.units === 0
        ? "the table has no units (rows)"
        : coded.coders < 2
          ? "the table needs at least two coders (columns)"
          : "no unit has ratings from at least two coders",
    );
    return { units, percent: none, brennanPrediger: none, fleiss: none, alpha: none };
  }
  const observed = agreementSum / units;
  const q = coded.q;
  const brennanPrediger =
    q < 2
      ? undefinedBecause("Brennan & Prediger's kappa needs at least two categories")
      : defined((observed - 1 / q) / (1 - 1 / q));
  const values = pooled.reduce((sum, n) => sum + n, 0);
  const only = pooled.findIndex((n) => n === values);
  const single =
    only >= 0
      ? undefinedBecause(`every rating is ${label(only)}, so chance agreement is certain`)
      : null;
  let fleiss: Statistic;
  if (minRated !== maxRated) {
    fleiss = undefinedBecause(
      `Fleiss' kappa needs the same number of ratings on every unit; here units have ${minRated} to ${maxRated} (Krippendorff's alpha allows missing ratings)`,
    );
  } else if (single) {
    fleiss = single;
  } else {
    const chance = pooled.reduce((sum, n) => sum + (n / values) ** 2, 0);
    fleiss = defined((observed - chance) / (1 - chance));
  }
  let alpha: Statistic;
  if (single) {
    alpha = single;
  } else {
    // 1 - (n - 1) sum_{c != k} o_ck / sum_{c != k} n_c n_k, with the off-diagonal sums
    // as totals minus diagonals.
    const squares = pooled.reduce((sum, n) => sum + n * n, 0);
    alpha = defined(
      1 - ((values - 1) * (values - sameValueCoincidences)) / (values * values - squares),
    );
  }
  return { units, percent: defined(observed), brennanPrediger, fleiss, alpha };
}

/** Cohen's kappa or Scott's pi: exactly two coders, units both rated. */
function twoCoderFigure(
  coded: Coded,
  label: (category: number) => string,
  kind: "cohen" | "scott",
): Statistic {
  const name = kind === "cohen" ? "Cohen's kappa" : "Scott's pi";
  if (coded.units === 0) return undefinedBecause("the table has no units (rows)");
  if (coded.coders !== 2) {
    return undefinedBecause(`${name} is for exactly two coders; this table has ${coded.coders}`);
  }
  const first = new Float64Array(coded.q);
  const second = new Float64Array(coded.q);
  let units = 0;
  let agree = 0;
  for (let unit = 0; unit < coded.units; unit += 1) {
    const a = coded.ratings[unit * 2] ?? -1;
    const b = coded.ratings[unit * 2 + 1] ?? -1;
    if (a < 0 || b < 0) continue;
    units += 1;
    if (a === b) agree += 1;
    first[a] = (first[a] ?? 0) + 1;
    second[b] = (second[b] ?? 0) + 1;
  }
  if (units === 0) return undefinedBecause("no unit has ratings from both coders");
  for (let c = 0; c < coded.q; c += 1) {
    if (first[c] === units && second[c] === units) {
      return undefinedBecause(
        `both coders gave every unit ${label(c)}, so chance agreement is certain`,
      );
    }
  }
  let chance = 0;
  for (let c = 0; c < coded.q; c += 1) {
    const p1 = (first[c] ?? 0) / units;
    const p2 = (second[c] ?? 0) / units;
    chance += kind === "cohen" ? p1 * p2 : ((p1 + p2) / 2) ** 2;
  }
  const observed = agree / units;
  return defined((observed - chance) / (1 - chance));
}
