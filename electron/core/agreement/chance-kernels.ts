/**
 * Cohen's kappa and Krippendorff's alpha from class counts, as plain numbers for the
 * bootstrap's inner loop (NaN where undefined: a sentinel bootstrapIntervals leaves
 * out, never reported). The point values come from shared/agreement/presence.ts; these
 * are the same formulas (README), written to allocate nothing; on the same counts they
 * give the same values, NaN exactly where those are null (agreement-kernels.test.ts).
 *
 * `s[c]` is the weight of units in class c (1..classes); `total` the weight of all
 * units, so the "absent for everyone" class is total - the rest.
 */

/** Two coders: s[1] only A, s[2] only B, s[3] both. */
export function twoCoderKappa(s: Float64Array, total: number): number {
  const aOnly = s[1]!;
  const bOnly = s[2]!;
  const both = s[3]!;
  const neither = total - aOnly - bOnly - both;
  const denominator = (both + aOnly) * (aOnly + neither) + (both + bOnly) * (bOnly + neither);
  if (denominator === 0) return NaN;
  return (2 * (both * neither - aOnly * bOnly)) / denominator;
}

export function twoCoderAlpha(s: Float64Array, total: number): number {
  const disagree = s[1]! + s[2]!;
  const both = s[3]!;
  const neither = total - disagree - both;
  const present = 2 * both + disagree;
  const absent = 2 * neither + disagree;
  if (present === 0 || absent === 0) return NaN;
  return 1 - ((2 * total - 1) * disagree) / (present * absent);
}

/** m coders, every unit rated by all: s[j] units with exactly j coders marking present. */
export function manyCoderAlpha(s: Float64Array, coders: number, total: number): number {
  let present = 0;
  let disagreeingPairs = 0;
  for (let j = 1; j <= coders; j++) {
    present += j * s[j]!;
    disagreeingPairs += s[j]! * j * (coders - j);
  }
  const values = coders * total;
  const absent = values - present;
  if (present === 0 || absent === 0) return NaN;
  // Each unit adds j (m - j) ordered (present, absent) pairs, weighted 1 / (m - 1).
  const o01 = disagreeingPairs / (coders - 1);
  return 1 - ((values - 1) * o01) / (present * absent);
}
