/**
 * The matching behind the quick picker (see fuzzy.ts): labels folded for comparison,
 * and the best alignment of a query's letters in a label, scored as fzf does: a match
 * per letter, bonuses for the start of a word or level, for runs of consecutive letters
 * and for letters in the code's own name, penalties for gaps.
 */
import { codeNameKey } from "./names.ts";

/** Between the levels of a code path in a label. */
export const LABEL_SEPARATOR = " > ";

const SCORE_MATCH = 16;
const GAP_START = 3;
const GAP_EXTENSION = 1;
const BONUS_CONSECUTIVE = 4;
const BONUS_SEGMENT_START = 10;
const BONUS_WORD_START = 8;
const BONUS_CAMEL = 7;
const BONUS_OWN_NAME = 8;

const MARK = /\p{M}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
// Letters that Unicode decomposition does not split into a base letter and an accent.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** One code point folded for comparison: lower case, accents dropped ("É" -> "e"). */
function foldCodePoint(codePoint: string): string {
  if (codePoint.charCodeAt(0) < 0x80) return codePoint.toLowerCase();
  let folded = "";
  for (const ch of codePoint.toLowerCase().normalize("NFKD")) {
    if (!MARK.test(ch)) folded += EXTRA_FOLDS[ch] ?? ch;
  }
  return folded;
}

/** Text folded for comparison, whitespace collapsed: "  Sécurité  Routière" -> "securite routiere". */
export function foldForSearch(text: string): string {
  let folded = "";
  for (const codePoint of codeNameKey(text)) folded += foldCodePoint(codePoint);
  return folded;
}

export interface FoldedLabel {
  /** Folded code points, in label order. */
  readonly chars: readonly string[];
  /** For each folded code point, the UTF-16 index in the label it came from. */
  readonly sources: readonly number[];
  /** For each folded code point, the bonus for matching it. */
  readonly bonuses: readonly number[];
  /** The code's own name, and its whole path, folded as keys. */
  readonly ownNameKey: string;
  readonly pathKey: string;
}

function positionBonus(previous: string | undefined, current: string, atSegmentStart: boolean) {
  if (!ALNUM.test(current)) return 0;
  if (atSegmentStart) return BONUS_SEGMENT_START;
  if (previous === undefined || !ALNUM.test(previous)) return BONUS_WORD_START;
  if (LOWER.test(previous) && UPPER.test(current)) return BONUS_CAMEL;
  return 0;
}

// Folding a label costs more than matching it; the codebook changes rarely while the
// coder types, so folded labels are kept (and dropped wholesale if the cache grows).
const foldedLabels = new Map<string, FoldedLabel>();
const FOLDED_LABELS_KEPT = 20_000;

export function foldedLabel(path: readonly string[]): FoldedLabel {
  const key = path.join("\u0000");
  let folded = foldedLabels.get(key);
  if (folded === undefined) {
    if (foldedLabels.size >= FOLDED_LABELS_KEPT) foldedLabels.clear();
    folded = foldLabel(path);
    foldedLabels.set(key, folded);
  }
  return folded;
}

function foldLabel(path: readonly string[]): FoldedLabel {
  const chars: string[] = [];
  const sources: number[] = [];
  const bonuses: number[] = [];
  let index = 0;
  path.forEach((level, depth) => {
    if (depth > 0) {
      // The separator can be typed too ("safety>risk"), but earns no bonus.
      for (const ch of LABEL_SEPARATOR) {
        chars.push(ch);
        sources.push(index);
        bonuses.push(0);
        index += ch.length;
      }
    }
    const ownName = depth === path.length - 1;
    let previous: string | undefined;
    for (const codePoint of level) {
      const bonus =
        positionBonus(previous, codePoint, previous === undefined) + (ownName ? BONUS_OWN_NAME : 0);
      for (const ch of foldCodePoint(codePoint)) {
        chars.push(ch);
        sources.push(index);
        bonuses.push(bonus);
      }
      if (!MARK.test(codePoint)) previous = codePoint;
      index += codePoint.length;
    }
  });
  const ownNameKey = foldForSearch(path[path.length - 1] ?? "");
  return { chars, sources, bonuses, ownNameKey, pathKey: foldedPathKey(path) };
}

export function isSubsequence(query: readonly string[], chars: readonly string[]): boolean {
  let q = 0;
  for (let j = 0; j < chars.length && q < query.length; j++) if (chars[j] === query[q]) q++;
  return q === query.length;
}

// The alignment tables, reused from one candidate to the next (the picker ranks every
// code on each keystroke).
let table = {
  score: new Float64Array(0),
  runBonus: new Float64Array(0),
  previous: new Int32Array(0),
};

function tables(size: number) {
  if (table.score.length < size) {
    const capacity = Math.max(size, table.score.length * 2, 1024);
    table = {
      score: new Float64Array(capacity),
      runBonus: new Float64Array(capacity),
      previous: new Int32Array(capacity),
    };
  }
  table.score.fill(-Infinity, 0, size);
  table.runBonus.fill(0, 0, size);
  table.previous.fill(-1, 0, size);
  return table;
}

/**
 * Best alignment of the query in the label: for every query letter i matched at label
 * position j, the best score so far, the bonus of the run it continues, and where the
 * previous letter matched (to recover the positions).
 */
export function align(
  query: readonly string[],
  label: FoldedLabel,
): { score: number; at: number[] } {
  const n = label.chars.length;
  const m = query.length;
  const { score, runBonus, previous } = tables(m * n);
  for (let i = 0; i < m; i++) {
    // Best of score[i-1][k] + GAP_EXTENSION * k over k <= j - 2, for a gap before j.
    let bestGap = -Infinity;
    let bestGapAt = -1;
    for (let j = i; j < n; j++) {
      if (i > 0 && j >= 2) {
        const candidate = (score[(i - 1) * n + j - 2] as number) + GAP_EXTENSION * (j - 2);
        if (candidate > bestGap) [bestGap, bestGapAt] = [candidate, j - 2];
      }
      if (label.chars[j] !== query[i]) continue;
      const bonus = label.bonuses[j] as number;
      const cell = i * n + j;
      if (i === 0) {
        score[cell] = SCORE_MATCH + bonus;
        runBonus[cell] = bonus;
        continue;
      }
      const before = (i - 1) * n + j - 1;
      const run = Math.max(bonus, runBonus[before] as number);
      const viaRun = (score[before] as number) + SCORE_MATCH + run + BONUS_CONSECUTIVE;
      const viaGap = bestGap - GAP_START - GAP_EXTENSION * (j - 2) + SCORE_MATCH + bonus;
      if (viaRun >= viaGap && viaRun > -Infinity) {
        [score[cell], runBonus[cell], previous[cell]] = [viaRun, run, j - 1];
      } else if (viaGap > -Infinity) {
        [score[cell], runBonus[cell], previous[cell]] = [viaGap, bonus, bestGapAt];
      }
    }
  }
  let best = -Infinity;
  let end = -1;
  for (let j = 0; j < n; j++) {
    const value = score[(m - 1) * n + j] as number;
    if (value > best) [best, end] = [value, j];
  }
  const at: number[] = [];
  for (let i = m - 1, j = end; i >= 0 && j >= 0; i--) {
    at.unshift(j);
    j = previous[i * n + j] as number;
  }
  return { score: best, at };
}

/** A path folded as a key: levels folded, then joined. */
export function foldedPathKey(path: readonly string[]): string {
  return path.map(foldForSearch).join("\u0000");
}
