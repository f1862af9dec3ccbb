/**
 * Which hits of an auto-code preview are checked: every one the coder did not uncheck,
 * except those already coded (applying changes nothing there, so they cannot be
 * checked). The unchecked keys are what `autocode.apply` skips.
 */
import { count } from "../format.ts";

export interface ChoosablePassage {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly alreadyCoded: boolean;
  readonly hit: { readonly answerId: number };
}

export function isChecked(passage: ChoosablePassage, unchecked: ReadonlySet<string>): boolean {
  return !passage.alreadyCoded && !unchecked.has(passage.key);
}

/** The passages applying would code: hits in one sentence share one passage. */
export function passagesToCode(
  passages: readonly ChoosablePassage[],
  unchecked: ReadonlySet<string>,
): number {
  const distinct = new Set<string>();
  for (const p of passages) {
    if (isChecked(p, unchecked)) distinct.add(`${p.hit.answerId}:${p.start}:${p.end}`);
  }
  return distinct.size;
}

/** The keys to skip: the unchecked hits that the preview still lists. */
export function skippedKeys(
  passages: readonly ChoosablePassage[],
  unchecked: ReadonlySet<string>,
): string[] {
  return passages.filter((p) => unchecked.has(p.key)).map((p) => p.key);
}

/** "Check none": every hit that could be checked. */
export function allCheckable(passages: readonly ChoosablePassage[]): Set<string> {
  return new Set(passages.filter((p) => !p.alreadyCoded).map((p) => p.key));
}

/** The coder's unchecked hits that a fresh preview still lists (the rest are gone). */
export function keepUnchecked(
  passages: readonly ChoosablePassage[],
  unchecked: ReadonlySet<string>,
): Set<string> {
  return new Set(passages.filter((p) => unchecked.has(p.key)).map((p) => p.key));
}

/** "23 hits in 19 answers". */
export function hitsLabel(result: { readonly hits: number; readonly answers: number }): string {
  if (result.hits === 0) return "No hits";
  return `${count(result.hits, "hit")} in ${count(result.answers, "answer")}`;
}

/** "Code 37 passages". */
export function codeButtonLabel(passages: number): string {
  return `Code ${count(passages, "passage")}`;
}
