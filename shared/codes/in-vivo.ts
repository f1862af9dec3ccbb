/**
 * In-vivo coding: the respondent's own words, as selected, become the code's name.
 *
 * A selection often drags along what a name should not hold: the quote marks around a
 * phrase, the comma after it, a line break in the middle. A name is one level of a
 * code path, so it cannot hold the '>' that separates levels, and it should fit in the
 * margin and the picker, so a long selection is cut at a word with an ellipsis.
 */

export const IN_VIVO_MAX_LENGTH = 60;

const ELLIPSIS = "…";
/** Stands in for '>', which separates levels in a code path. */
const LEVEL_SEPARATOR_STAND_IN = "›";

// Punctuation that frames words rather than belonging to them; #, %, & and @ stay
// ("#metoo", "50%").
const EDGE_PUNCTUATION = /[^\P{P}#%&@]|[`´]/u;
// Invisible marks that would end up in a name unseen: zero-width space, word joiner,
// byte order mark, and bidirectional controls (the name gets its own direction).
// The zero-width (non-)joiners stay: emoji and Persian words need them.
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;
const CONTROL = /\p{Cc}/gu;
const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  "(": ")",
  "[": "]",
  "{": "}",
  "«": "»",
  "‹": "›",
  "“": "”",
  "„": "“",
  "‘": "’",
  "「": "」",
  "『": "』",
  "（": "）",
};
const CLOSERS = new Map(Object.entries(BRACKET_PAIRS).map(([open, close]) => [close, open]));

const words = new Intl.Segmenter(undefined, { granularity: "word" });
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Where the bracket pair opened at `open` closes, or -1. */
function closingIndex(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i;
  }
  return -1;
}

/** Where the bracket pair closed at `close` opens, or -1. */
function openingIndex(text: string, close: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === closer) depth++;
    else if (text[i] === opener && --depth === 0) return i;
  }
  return -1;
}

/**
 * Strips one layer of framing: brackets or quotes around the whole text, or a stray
 * punctuation mark at either edge. A bracket whose partner is inside stays, as in
 * "(not) enough" or "enough (money)".
 */
function stripOnce(text: string): string {
  const first = text[0] ?? "";
  const close = BRACKET_PAIRS[first];
  if (close !== undefined && closingIndex(text, 0, first, close) === text.length - 1) {
    return text.slice(1, -1).trim();
  }
  let result = text;
  if (
    EDGE_PUNCTUATION.test(first) &&
    (close === undefined || closingIndex(text, 0, first, close) < 0)
  ) {
    result = result.slice(1).trimStart();
  }
  const end = result[result.length - 1] ?? "";
  const open = CLOSERS.get(end);
  if (
    EDGE_PUNCTUATION.test(end) &&
    (open === undefined || openingIndex(result, result.length - 1, open, end) < 0)
  ) {
    result = result.slice(0, -1).trimEnd();
  }
  return result;
}

function trimEdges(text: string): string {
  let result = text.trim();
  for (;;) {
    const next = stripOnce(result);
    if (next === result) return result;
    result = next;
  }
}

/**
 * The longest run of whole words that fits; of whole characters instead when words
 * would leave less than half the room (a long compound word, a web address).
 */
function cutToFit(text: string, room: number): string {
  let cut = "";
  for (const { segment, index } of words.segment(text)) {
    if (index + segment.length > room) break;
    cut = text.slice(0, index + segment.length);
  }
  if (trimEdges(cut).length >= room / 2) return cut;
  cut = "";
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    cut = text.slice(0, index + segment.length);
  }
  return cut;
}

/**
 * The selected words as a code name: whitespace and line breaks collapsed, framing
 * quotes and punctuation trimmed, '>' replaced, at most 60 UTF-16 code units (cut at a
 * word, with an ellipsis); null when nothing nameable is left.
 */
export function inVivoName(selectedText: string): string | null {
  const collapsed = selectedText
    .replace(INVISIBLE, "")
    .replace(CONTROL, " ")
    .replace(/\s+/g, " ")
    .replaceAll(">", LEVEL_SEPARATOR_STAND_IN);
  const name = trimEdges(collapsed);
  if (name === "") return null;
  if (name.length <= IN_VIVO_MAX_LENGTH) return name;
  const cut = trimEdges(cutToFit(name, IN_VIVO_MAX_LENGTH - ELLIPSIS.length));
  return cut + ELLIPSIS;
}
