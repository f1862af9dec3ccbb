/**
 * Agreement on any units x coders table of nominal ratings (null = missing), as
 * `cairn agreement --table` computes it. Formulas: ../shared/agreement/README.md.
 */
import type { Statistic } from "./statistic.ts";

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
  /** Equal numbers of ratings per unit. */
  readonly fleissKappa: Statistic;
  readonly krippendorffAlpha: Statistic;
  readonly brennanPrediger: Statistic;
}

export function tableAgreement(_table: RatingTable): TableAgreement {
  throw new Error("tableAgreement: not implemented yet");
}
