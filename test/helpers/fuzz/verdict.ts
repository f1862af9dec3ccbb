/** What one fuzz case came to, and how a case is run and a refusal judged. */
import type { ApiError } from "../../../shared/api/errors.ts";
import type { FuzzFixture } from "./fixture.ts";
import {
  describeThrown,
  unclearRefusal,
  withinTimeLimit,
  type AreaCounts,
  type FuzzTally,
  type Problem,
} from "./outcome.ts";

export type Verdict =
  | { readonly kind: "accepted" }
  | { readonly kind: "refused" }
  | { readonly kind: "problem"; readonly problem: Problem; readonly detail: string };

export const accepted: Verdict = { kind: "accepted" };

export function problem(kind: Problem, detail: string): Verdict {
  return { kind: "problem", problem: kind, detail };
}

/** The case within the time limit; anything thrown is a crash. */
export async function judged(work: () => Promise<Verdict>): Promise<Verdict> {
  try {
    const outcome = await withinTimeLimit(work);
    if (!outcome.finished) return problem("hang", "over 10 s");
    return outcome.value;
  } catch (error) {
    return problem("crash", describeThrown(error));
  }
}

/** A refusal must be clear and must leave the project as it was. */
export function refusal(fixture: FuzzFixture, before: string, error: ApiError): Verdict {
  const unclear = unclearRefusal(error);
  if (unclear !== null) return problem(error.code === "internal" ? "internal" : "wrong", unclear);
  if (fixture.digest() !== before)
    return problem("changed", `refused (${error.message}) yet changed`);
  return { kind: "refused" };
}

export function count(
  tally: FuzzTally,
  area: AreaCounts,
  seed: number,
  label: string,
  verdict: Verdict,
): void {
  area.cases += 1;
  if (verdict.kind === "accepted") area.accepted += 1;
  else if (verdict.kind === "refused") area.refused += 1;
  else tally.fail({ seed, label, problem: verdict.problem, detail: verdict.detail });
}
