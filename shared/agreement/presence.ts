/**
 * Agreement on present/absent ratings computed from counts, not unit by unit: a code
 * over 100,000 answers is four numbers for two coders, or a histogram for more.
 * Must equal table.ts on the same data (a property test checks it).
 */
import type { Statistic } from "./statistic.ts";

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

export function presenceAgreement(_counts: PresenceCounts): PresenceAgreement {
  throw new Error("presenceAgreement: not implemented yet");
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
  _coders: number,
  _unitsWithPresent: readonly number[],
): ManyPresenceAgreement {
  throw new Error("manyPresenceAgreement: not implemented yet");
}
