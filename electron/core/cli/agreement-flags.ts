/**
 * The numeric flags of `cairn agreement` and `cairn consensus`, read the same way by both
 * so that `--threshold 1` (inclusive: passages must be identical) means the same in each.
 */
import { UsageError } from "./args.ts";

/** A number flag, or undefined when not given; anything else is a usage error. */
export function numberFlag(
  command: string,
  name: string,
  value: string | undefined,
  valid: (n: number) => boolean,
  expected: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(n) || !valid(n)) {
    throw new UsageError(`cairn ${command}: --${name} should be ${expected}, not "${value}"`);
  }
  return n;
}

/** `--threshold T`: the segment overlap share, above 0 and at most 1. */
export function thresholdFlag(command: string, value: string | undefined): number | undefined {
  return numberFlag(
    command,
    "threshold",
    value,
    (n) => n > 0 && n <= 1,
    "between 0 and 1, like 0.9",
  );
}
