/**
 * The crosstab for the view's scope and its chosen attribute (the project's first until
 * one is picked) and category, kept current after edits.
 */
import type { ApiInput } from "../../../../shared/api/contract.ts";
import type { Crosstab, TallyScope } from "../../../../shared/api/tally-api.ts";
import { call } from "../../api/client.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { useProject } from "../../stores/project.ts";
import { useLive, type Live } from "../../stores/live.ts";

const NO_ATTRIBUTES: never[] = [];

/** The attribute the crosstab splits by, or null when the project has none. */
export function useCrosstabAttribute(): string | null {
  const chosen = useFrequencies((s) => s.crosstabAttribute);
  const attributes = useProject((s) => s.summary?.attributes ?? NO_ATTRIBUTES);
  if (chosen !== null && attributes.includes(chosen)) return chosen;
  return attributes[0] ?? null;
}

export function useCrosstab(scope: TallyScope | null): Live<Crosstab> {
  const attribute = useCrosstabAttribute();
  const codeId = useFrequencies((s) => s.crosstabCodeId);
  const input: ApiInput<"tally.crosstab"> | null =
    scope === null || attribute === null
      ? null
      : { ...scope, attribute, ...(codeId !== null ? { codeId } : {}) };
  return useLive(input === null ? null : JSON.stringify(input), readCrosstab);
}

function readCrosstab(key: string): Promise<Crosstab> {
  return call("tally.crosstab", JSON.parse(key) as ApiInput<"tally.crosstab">);
}
