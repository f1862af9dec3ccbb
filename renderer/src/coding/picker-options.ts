/**
 * What the quick picker offers for what the coder typed: the best-matching codes, and
 * first of all "Create code 'X'" when no code has exactly that name or path ("A > B"
 * creates B under A, making A too if needed).
 */
import {
  exactCodeMatch,
  fuzzyRank,
  parseCodePathInput,
  type FuzzyCandidate,
} from "../../../shared/codes/fuzzy.ts";

export type PickerOption =
  | {
      readonly kind: "code";
      readonly id: number;
      readonly label: string;
      /** Indices of `label` to show in bold. */
      readonly matched: readonly number[];
    }
  | { readonly kind: "create"; readonly path: readonly string[] };

export function pickerOptions(
  query: string,
  candidates: readonly FuzzyCandidate[],
  limit = 8,
): PickerOption[] {
  const options: PickerOption[] = fuzzyRank(query, candidates, limit).map((match) => ({
    kind: "code",
    id: match.id,
    label: match.label,
    matched: match.matched,
  }));
  const path = parseCodePathInput(query);
  if (path.length > 0 && exactCodeMatch(query, candidates) === null) {
    options.unshift({ kind: "create", path });
  }
  return options;
}

/** A label cut into plain and matched runs, for bolding the letters that matched. */
export function matchedRuns(
  label: string,
  matched: readonly number[],
): { readonly text: string; readonly bold: boolean }[] {
  const marks = new Set(matched);
  const runs: { text: string; bold: boolean }[] = [];
  for (let i = 0; i < label.length; i++) {
    const bold = marks.has(i);
    const last = runs[runs.length - 1];
    if (last && last.bold === bold) last.text += label[i];
    else runs.push({ text: label[i] as string, bold });
  }
  return runs;
}

/** The contract's limits on a code path (shared/api/contract.ts), checked before sending. */
export const MAX_CODE_NAME = 200;
export const MAX_CODE_LEVELS = 20;

/** Why the core would refuse to create a code at `path`, in its words; null if it would not. */
export function newCodeProblem(path: readonly string[]): string | null {
  if (path.some((name) => name.length > MAX_CODE_NAME)) {
    return `a code name is at most ${MAX_CODE_NAME} characters`;
  }
  if (path.length > MAX_CODE_LEVELS) return `a code path has at most ${MAX_CODE_LEVELS} levels`;
  return null;
}
