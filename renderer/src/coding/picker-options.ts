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
