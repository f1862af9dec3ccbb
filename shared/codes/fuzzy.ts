/**
 * The quick picker's matching: which codes fit what the coder typed, best first.
 *
 * A query matches a code when its letters appear in order in the code's label ("Safety
 * > Risk assessment"), ignoring case and accents, so "sra" or "risk ass" both find it.
 * Among matches, letters at the start of words, runs of consecutive letters, and
 * letters in the code's own name (the last level) count more; a query equal to or
 * starting the code's own name counts most. The scoring is the dynamic programme fzf
 * uses (best alignment with gap penalties), small enough for a few thousand codes per
 * keystroke.
 */
import {
  align,
  foldedLabel,
  foldedPathKey,
  foldForSearch,
  isSubsequence,
  LABEL_SEPARATOR,
  type FoldedLabel,
} from "./fuzzy-align.ts";
import { codePathKey } from "./names.ts";

export { foldForSearch };

export interface FuzzyCandidate {
  readonly id: number;
  readonly path: readonly string[];
}

export interface FuzzyMatch {
  readonly id: number;
  readonly score: number;
  /** The path joined with " > ". */
  readonly label: string;
  /**
   * UTF-16 indices in `label` of the matched characters, ascending. A matched character
   * made of several code units (an emoji, a letter with a combining accent) has all of
   * its indices listed, so bolding index by index never splits it.
   */
  readonly matched: readonly number[];
}

const BONUS_NAME_PREFIX = 100;
const BONUS_EXACT = 1000;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Every UTF-16 index of the graphemes holding the given label indices. */
function wholeCharacters(label: string, indices: Iterable<number>): number[] {
  const covered = new Set<number>();
  const segments = graphemes.segment(label);
  for (const index of indices) {
    const segment = segments.containing(index);
    if (segment === undefined) continue;
    for (let k = 0; k < segment.segment.length; k++) covered.add(segment.index + k);
  }
  return [...covered].sort((a, b) => a - b);
}

/** What the query says about the code's own name, and about its whole path if it has '>'. */
interface QueryKeys {
  readonly name: string;
  readonly path: string | null;
}

function queryKeys(query: string): QueryKeys {
  if (!query.includes(">")) return { name: foldForSearch(query), path: null };
  const levels = parseCodePathInput(query);
  return { name: foldForSearch(levels[levels.length - 1] ?? ""), path: foldedPathKey(levels) };
}

function queryBonus(keys: QueryKeys, label: FoldedLabel): number {
  const ownName = label.ownNameKey;
  const exact = keys.path === null ? ownName === keys.name : label.pathKey === keys.path;
  if (exact) return BONUS_EXACT + BONUS_NAME_PREFIX;
  return keys.name !== "" && ownName.startsWith(keys.name) ? BONUS_NAME_PREFIX : 0;
}

/**
 * The candidates matching the query, best first; ties keep the given order. An empty
 * query matches every candidate, in the given order.
 */
export function fuzzyRank(
  query: string,
  candidates: readonly FuzzyCandidate[],
  limit?: number,
): FuzzyMatch[] {
  const max = limit ?? candidates.length;
  const queryChars = [...foldForSearch(query).replace(/\s/g, "")];
  if (queryChars.length === 0) {
    return candidates
      .slice(0, Math.max(0, max))
      .map((c) => ({ id: c.id, score: 0, label: c.path.join(LABEL_SEPARATOR), matched: [] }));
  }
  const keys = queryKeys(query);
  const found: { candidate: FuzzyCandidate; score: number; sources: number[] }[] = [];
  for (const candidate of candidates) {
    const folded = foldedLabel(candidate.path);
    if (!isSubsequence(queryChars, folded.chars)) continue;
    const { score, at } = align(queryChars, folded);
    found.push({
      candidate,
      score: score + queryBonus(keys, folded),
      sources: at.map((j) => folded.sources[j] as number),
    });
  }
  // Array.prototype.sort is stable, so equal scores keep the candidates' order.
  found.sort((a, b) => b.score - a.score);
  // Only the matches shown need their characters found for bolding.
  return found.slice(0, Math.max(0, max)).map(({ candidate, score, sources }) => {
    const label = candidate.path.join(LABEL_SEPARATOR);
    return { id: candidate.id, score, label, matched: wholeCharacters(label, sources) };
  });
}

/**
 * The code the query names exactly, if any: the picker then offers "apply X" rather
 * than "create X". A query with '>' names a full path; otherwise a top-level code of
 * that name, else the only code whose own name it is (a name shared by codes under
 * different parents is ambiguous: null). Case and spacing never matter; accents matter
 * only to tell apart two codes that differ by them alone.
 */
export function exactCodeMatch(
  query: string,
  candidates: readonly FuzzyCandidate[],
): number | null {
  const path = parseCodePathInput(query);
  if (path.length === 0) return null;
  const keys: ((p: readonly string[]) => string)[] = [codePathKey, foldedPathKey];
  for (const key of keys) {
    const wanted = key(path);
    const byPath = candidates.find((c) => key(c.path) === wanted);
    if (byPath !== undefined) return byPath.id;
    if (path.length > 1) continue;
    const byName = candidates.filter((c) => key(c.path.slice(-1)) === wanted);
    if (byName.length === 1) return (byName[0] as FuzzyCandidate).id;
    if (byName.length > 1) return null;
  }
  return null;
}

/** What the coder typed as a code path: "Safety > Risk" -> ["Safety", "Risk"]. */
export function parseCodePathInput(query: string): string[] {
  return query
    .split(">")
    .map((level) => level.replace(/\s+/g, " ").trim())
    .filter((level) => level.length > 0);
}
