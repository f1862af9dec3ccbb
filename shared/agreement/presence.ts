/**
 * Agreement on present/absent ratings computed from counts, not unit by unit: a code
 * over 100,000 answers is four numbers for two coders, or a histogram for more.
 * Must equal table.ts on the same data (a property test checks it).
 */
import { defined, undefinedBecause, type Statistic } from "./statistic.ts";

/** Two coders' present/absent ratings of one code over the same units. */
export interface PresenceCounts {
  readonly both: number;
  readonly aOnly: number;
  readonly bOnly: number;
  readonly neither: number;
}

export interface PresenceAgreement {
  readonly units: number;
  readonly percent: Statistic;
  readonly cohenKappa: Statistic;
  readonly scottPi: Statistic;
  readonly krippendorffAlpha: Statistic;
  /** q = 2 (present, absent): 2 p_o - 1. */
  readonly brennanPrediger: Statistic;
}

/** Why every chance-corrected figure is undefined on two coders' counts, or null. */
export function presenceChanceProblem(counts: PresenceCounts): string | null {
  const units = counts.both + counts.aOnly + counts.bOnly + counts.neither;
  if (units === 0) return "no answers both coders have seen";
  if (counts.neither === units) return "neither coder used this code in these answers";
  if (counts.both === units) return "both coders used this code in every answer";
  return null;
}

export function presenceAgreement(counts: PresenceCounts): PresenceAgreement {
  checkCounts([counts.both, counts.aOnly, counts.bOnly, counts.neither]);
  const { both, aOnly, bOnly, neither } = counts;
  const units = both + aOnly + bOnly + neither;
  if (units === 0) {
    const none = undefinedBecause("no answers both coders have seen");
    return {
      units,
      percent: none,
      cohenKappa: none,
      scottPi: none,
      krippendorffAlpha: none,
      brennanPrediger: none,
    };
  }
  const observed = (both + neither) / units;
  const percent = defined(observed);
  const brennanPrediger = defined(2 * observed - 1);
  const problem = presenceChanceProblem(counts);
  if (problem !== null) {
    const none = undefinedBecause(problem);
    return {
      units,
      percent,
      cohenKappa: none,
      scottPi: none,
      krippendorffAlpha: none,
      brennanPrediger,
    };
  }
  const disagree = aOnly + bOnly;
  // Cohen in counts: 2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d)); positive here since
  // neither "all absent" nor "all present" holds.
  const cohen =
    (2 * (both * neither - aOnly * bOnly)) /
    ((both + aOnly) * (aOnly + neither) + (both + bOnly) * (bOnly + neither));
  // Pooled marginals over the 2N ratings.
  const present = 2 * both + disagree;
  const absent = 2 * neither + disagree;
  const values = 2 * units;
  const pPresent = present / values;
  const pAbsent = absent / values;
  const chance = pPresent * pPresent + pAbsent * pAbsent;
  const scott = (observed - chance) / (1 - chance);
  // Binary alpha: 1 - (n - 1) o_01 / (n_0 n_1); each disagreeing unit gives o_01 one.
  const alpha = 1 - ((values - 1) * disagree) / (present * absent);
  return {
    units,
    percent,
    cohenKappa: defined(cohen),
    scottPi: defined(scott),
    krippendorffAlpha: defined(alpha),
    brennanPrediger,
  };
}

/** Three or more coders, every unit rated by all of them. */
export interface ManyPresenceAgreement {
  readonly units: number;
  /** Units where every coder gives the same value. */
  readonly allAgree: number;
  /** Mean pairwise agreement (Fleiss' P-bar). */
  readonly percent: Statistic;
  readonly fleissKappa: Statistic;
  readonly krippendorffAlpha: Statistic;
  readonly brennanPrediger: Statistic;
}

/**
 * `unitsWithPresent[j]` = units on which exactly j of the `coders` coders marked the
 * code present (length coders + 1).
 */
export function manyPresenceAgreement(
  coders: number,
  unitsWithPresent: readonly number[],
): ManyPresenceAgreement {
  if (!Number.isInteger(coders) || coders < 2) {
    throw new Error(`manyPresenceAgreement: needs at least 2 coders, got ${coders}`);
  }
  if (unitsWithPresent.length !== coders + 1) {
    throw new Error(
      `manyPresenceAgreement: the histogram needs ${coders + 1} entries (0 to ${coders} present), got ${unitsWithPresent.length}`,
    );
  }
  checkCounts(unitsWithPresent);
  const m = coders;
  let units = 0;
  let present = 0;
  let agreeingPairs = 0;
  let disagreeingPairs = 0;
  for (let j = 0; j <= m; j += 1) {
    const count = unitsWithPresent[j] ?? 0;
    units += count;
    present += j * count;
    agreeingPairs += count * (j * (j - 1) + (m - j) * (m - j - 1));
    disagreeingPairs += count * j * (m - j);
  }
  const allAgree = (unitsWithPresent[0] ?? 0) + (unitsWithPresent[m] ?? 0);
  if (units === 0) {
    const none = undefinedBecause("no answers all coders have seen");
    return {
      units,
      allAgree,
      percent: none,
      fleissKappa: none,
      krippendorffAlpha: none,
      brennanPrediger: none,
    };
  }
  const observed = agreeingPairs / (units * m * (m - 1));
  const percent = defined(observed);
  const brennanPrediger = defined(2 * observed - 1);
  const values = units * m;
  const absent = values - present;
  if (present === 0 || absent === 0) {
    const none = undefinedBecause(
      present === 0
        ? "no coder used this code in these answers"
        : "every coder used this code in every answer",
    );
    return {
      units,
      allAgree,
      percent,
      fleissKappa: none,
      krippendorffAlpha: none,
      brennanPrediger,
    };
  }
  const pPresent = present / values;
  const pAbsent = absent / values;
  const chance = pPresent * pPresent + pAbsent * pAbsent;
  // o_01 = sum over units of j (m - j) / (m - 1): each ordered pair weighted 1/(m_u - 1).
  const alpha = 1 - ((values - 1) * (disagreeingPairs / (m - 1))) / (present * absent);
  return {
    units,
    allAgree,
    percent,
    fleissKappa: defined((observed - chance) / (1 - chance)),
    krippendorffAlpha: defined(alpha),
    brennanPrediger,
  };
}

function checkCounts(counts: readonly number[]): void {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) {
      throw new Error(
        `presence agreement: counts must be whole numbers of at least 0, got ${count}`,
      );
    }
  }
}
