/**
 * How a fuzz case is judged and counted. A case passes when it ends in a correct result
 * or in a refusal a user can read (a CairnError code other than "internal" and one
 * sentence), within 10 s, with the project unchanged on a refusal. Anything else is a
 * failure, kept with the seed that repeats it.
 */
import type { ApiError } from "../../../shared/api/errors.ts";

export const CASE_TIME_LIMIT_MS = 10_000;
/** Longer than this, a message is not a sentence but a cell (or a file) quoted whole. */
const MESSAGE_LIMIT = 1000;

export type Problem = "crash" | "internal" | "hang" | "changed" | "wrong";

export interface Failure {
  readonly seed: number;
  /** What was fed where ("csv: truncated", "codes.merge: hostile input"). */
  readonly label: string;
  readonly problem: Problem;
  readonly detail: string;
}

export interface AreaCounts {
  cases: number;
  /** Imported (importers) or ok (API). */
  accepted: number;
  refused: number;
}

export class FuzzTally {
  readonly importers: AreaCounts = { cases: 0, accepted: 0, refused: 0 };
  readonly api: AreaCounts = { cases: 0, accepted: 0, refused: 0 };
  readonly problems: Record<Problem, number> = {
    crash: 0,
    internal: 0,
    hang: 0,
    changed: 0,
    wrong: 0,
  };
  readonly failures: Failure[] = [];

  fail(failure: Failure): void {
    this.problems[failure.problem] += 1;
    this.failures.push(failure);
  }

  /** "fuzz: 1,234 cases (importers 534: …; API 700: …) — 0 crashes, …" */
  summary(): string {
    const n = (value: number) => value.toLocaleString("en-GB");
    const parts: string[] = [];
    const { importers, api, problems } = this;
    if (importers.cases > 0) {
      parts.push(
        `importers ${n(importers.cases)}: ${n(importers.accepted)} imported, ` +
          `${n(importers.refused)} refused with a clear message`,
      );
    }
    if (api.cases > 0) {
      parts.push(`API ${n(api.cases)}: ${n(api.accepted)} ok, ${n(api.refused)} refused`);
    }
    return (
      `fuzz: ${n(importers.cases + api.cases)} cases (${parts.join("; ")}) — ` +
      `${n(problems.crash)} crashes, ${n(problems.internal)} internal errors, ` +
      `${n(problems.hang)} hangs, ${n(problems.changed)} changed projects, ` +
      `${n(problems.wrong)} wrong results`
    );
  }

  /** One line per failure, each with the seed that repeats it. */
  failureLines(): string[] {
    return this.failures.map(
      (f) => `seed ${f.seed} (${f.label}): ${f.problem}: ${f.detail.slice(0, 500)}`,
    );
  }
}

/** Runs `work`, or gives up on it after the time limit (an async hang). */
export async function withinTimeLimit<T>(
  work: () => Promise<T>,
  limitMs = CASE_TIME_LIMIT_MS,
): Promise<{ readonly finished: true; readonly value: T } | { readonly finished: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ finished: false }>((resolve) => {
    timer = setTimeout(() => resolve({ finished: false }), limitMs);
  });
  const started = Date.now();
  try {
    const outcome = await Promise.race([
      work().then((value) => ({ finished: true as const, value })),
      timeout,
    ]);
    // A synchronous loop blocks the timer too: it shows only in the elapsed time.
    return Date.now() - started > limitMs ? { finished: false } : outcome;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a refusal is not one a user can act on, or null when it is: a known code other
 * than "internal" and one sentence (short, on one line: no stack trace).
 */
export function unclearRefusal(error: ApiError): string | null {
  if (error.code === "internal") return `internal error: ${error.message}`;
  if (error.message.trim() === "") return `${error.code} with an empty message`;
  if (error.message.length > MESSAGE_LIMIT) {
    return `${error.code} message of ${error.message.length} characters: ${error.message.slice(0, 200)}`;
  }
  // A stack trace spans lines, so this catches it too.
  if (/[\r\n]/.test(error.message)) return `${error.code} message spans lines: ${error.message}`;
  return null;
}

export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ""}`;
  return String(error);
}
