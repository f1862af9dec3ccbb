/**
 * Which position convention a REFI-QDA file was written in. The standard says Unicode
 * code points, NVivo writes UTF-16 code units, ATLAS.ti counts a CRLF as one position;
 * the file does not say. Coders select words, so the reading that puts the most
 * selections' starts and ends on word boundaries is the one the program meant.
 */
import { graphemeEndAt, graphemeStartAt } from "../text/boundaries.ts";
import {
  ALL_READINGS,
  offsetOfPosition,
  positionOffsets,
  type PositionReading,
} from "./positions.ts";

export interface DetectionInput {
  /** A source's text as stored (BOM stripped, line ends as written). */
  readonly text: string;
  readonly selections: readonly { readonly start: number; readonly end: number }[];
}

export interface DetectedReading {
  readonly reading: PositionReading;
  /** Selections whose start and end both fall on word boundaries under `reading`. */
  readonly onWordBoundaries: number;
  readonly selections: number;
  /** One sentence for the user, e.g. "UTF-16 code units, CRLF as 2: 303 of 303 ...". */
  readonly explanation: string;
}

/** Letters, marks and digits, and the connectors and apostrophes that join a word. */
const WORD = /[\p{L}\p{M}\p{N}]/u;
const JOINER = /[\p{Pc}'\u2019]/u;
/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai…): each
 * character counts as a word of its own, or a whole paragraph would be one word, every
 * selection in it "inside a word", widened to the paragraph.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** The code point that ends just before `offset` (a surrogate pair read whole). */
function charBefore(text: string, offset: number): string {
  const low = text.charCodeAt(offset - 1);
  const high = text.charCodeAt(offset - 2);
  if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) {
    return text.slice(offset - 2, offset);
  }
  return text.charAt(offset - 1);
}

function charAt(text: string, offset: number): string {
  return String.fromCodePoint(text.codePointAt(offset) ?? 0);
}

function isWordChar(character: string): boolean {
  return WORD.test(character);
}

/** Grapheme rules look a few characters around an offset; this many units is ample. */
const GRAPHEME_WINDOW = 64;

/**
 * Whether an offset splits what a reader sees as one character (an emoji with its skin
 * tone, a flag, a letter and its accent, a CRLF). Two ASCII characters never join, save
 * CR and LF, so the segmenter is asked only about the rest, and only about the text
 * around the offset (it copies what it is given: a long answer would cost a copy per edge).
 */
function insideGrapheme(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before < 0x80 && after < 0x80) return before === 0x0d && after === 0x0a;
  const from = Math.max(0, offset - GRAPHEME_WINDOW);
  const around = text.slice(from, offset + GRAPHEME_WINDOW);
  return graphemeStartAt(around, offset - from) !== offset - from;
}

/**
 * Whether a UTF-16 offset falls between words: at either end of the text, or at a
 * grapheme boundary where the characters on either side are not both part of one word.
 * An offset inside a grapheme (a surrogate pair, an emoji sequence, a CRLF) is never a
 * boundary. A connector or apostrophe counts as inside a word when word characters stand
 * on both its sides ("don't", "snake_case"). Detection, widening and the tests all use
 * this one definition.
 */
export function isWordBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  if (insideGrapheme(text, offset)) return false;
  const before = charBefore(text, offset);
  const after = charAt(text, offset);
  if (UNSPACED.test(before) || UNSPACED.test(after)) return true;
  if (isWordChar(before) && isWordChar(after)) return false;
  if (JOINER.test(before) && isWordChar(after)) {
    return !isWordChar(charBefore(text, offset - before.length));
  }
  if (isWordChar(before) && JOINER.test(after)) {
    const next = offset + after.length;
    return next >= text.length || !isWordChar(charAt(text, next));
  }
  return true;
}

/** How far (UTF-16 units) an edge moves to reach a word's edge: a drag overshoots a few letters. */
const WIDEN_REACH = 64;

/**
 * A span whose edges fall inside words, widened to whole words: the start moves back
 * and the end forward to the nearest word boundary (never splitting a character).
 * Another program's selection that starts mid-word is the coder's drag overshooting; the
 * passage meant is the whole word. A "word" longer than WIDEN_REACH (a run of letters no
 * reader calls a word) only keeps its characters whole. Offsets are UTF-16 units,
 * `start <= end`.
 */
export function widenToWords(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { start: wordEdge(text, from, -1), end: wordEdge(text, to, 1) };
}

function wordEdge(text: string, offset: number, step: -1 | 1): number {
  for (let at = offset, moved = 0; moved <= WIDEN_REACH; at += step, moved++) {
    if (isWordBoundary(text, at)) return at;
  }
  return step < 0 ? graphemeStartAt(text, offset) : graphemeEndAt(text, offset);
}

function hitsUnder(sources: readonly DetectionInput[], reading: PositionReading): number {
  let hits = 0;
  for (const source of sources) {
    if (source.selections.length === 0) continue;
    const offsets = positionOffsets(source.text, reading);
    for (const { start, end } of source.selections) {
      if (start > end) continue;
      const from = offsetOfPosition(offsets, start);
      const to = offsetOfPosition(offsets, end);
      if (from === null || to === null) continue;
      if (isWordBoundary(source.text, from) && isWordBoundary(source.text, to)) hits++;
    }
  }
  return hits;
}

/**
 * Tries every reading (shared/refi/positions.ts ALL_READINGS) and keeps the one that puts
 * the most selections on word boundaries; a tie goes to the earlier reading, the
 * standard's code points first.
 */
export function detectReading(sources: readonly DetectionInput[]): DetectedReading {
  const selections = sources.reduce((sum, source) => sum + source.selections.length, 0);
  let best: { reading: PositionReading; hits: number } | null = null;
  for (const reading of ALL_READINGS) {
    const hits = hitsUnder(sources, reading);
    if (best === null || hits > best.hits) best = { reading, hits };
  }
  const { reading, hits } = best ?? { reading: ALL_READINGS[0]!, hits: 0 };
  return {
    reading,
    onWordBoundaries: hits,
    selections,
    explanation: `${describeReading(reading)}: ${explainHits(hits, selections)}`,
  };
}

function describeReading(reading: PositionReading): string {
  const standard = reading.unit === "codepoints" && reading.crlf === 2;
  if (standard) return "Unicode code points, as the standard says";
  if (reading.unit === "utf16" && reading.crlf === 2) {
    return "UTF-16 code units, CRLF counted as 2 (as NVivo writes them)";
  }
  if (reading.unit === "codepoints")
    return "Unicode code points, CRLF counted as 1 (as ATLAS.ti writes them)";
  return "UTF-16 code units, CRLF counted as 1";
}

/**
 * The reading's sentence with the widened selections said after it ("…: 300 of 303
 * selections start and end on word boundaries; 3 that began or ended inside a word were
 * widened to whole words").
 */
export function explainWidened(explanation: string, widened: number): string {
  if (widened === 0) return explanation;
  const verb = widened === 1 ? "was" : "were";
  return `${explanation}; ${widened.toLocaleString("en")} that began or ended inside a word ${verb} widened to whole words`;
}

function explainHits(hits: number, selections: number): string {
  if (selections === 0) return "there are no selections to check";
  const noun = selections === 1 ? "selection starts and ends" : "selections start and end";
  return `${hits} of ${selections} ${noun} on word boundaries`;
}
