/**
 * Words of an answer as search sees them: runs of letters, digits and combining marks,
 * with their UTF-16 offsets in the original text (end exclusive). Chinese, Japanese
 * kana and kanji are written without spaces, so each of their characters is a word of
 * its own and a phrase of them is a run of adjacent characters.
 *
 * `fold` is what makes the search blind to case and accents: "Évaluation" and
 * "evaluation", "Straße" and "strasse" fold to the same word. The full-text index holds
 * these folded words, so it must only ever be built with this one function.
 */

export interface Token {
  readonly start: number;
  readonly end: number;
  /** The word folded (lower case, no accents); never empty. */
  readonly word: string;
  /** A single CJK character: it joins a phrase only with the characters beside it. */
  readonly cjk: boolean;
}

/** Bumped whenever tokenizing or folding changes: the index is then built again. */
export const FOLD_VERSION = 2;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const MARK = /\p{M}/u;

/** What a character is to the tokenizer. */
const SEPARATOR = 1;
const LETTER = 2;
const MARK_CHAR = 3;
const CJK_LETTER = 4;

/**
 * The kind of each character of the Basic Multilingual Plane, found once by regex and
 * kept: scanning by char code is several times faster than a Unicode regex over a text.
 */
const kinds = new Uint8Array(0x10000);

function kindOf(code: number): number {
  const known = kinds[code] as number;
  if (known !== 0) return known;
  const kind = classify(String.fromCharCode(code));
  kinds[code] = kind;
  return kind;
}

function classify(char: string): number {
  if (!WORD_CHAR.test(char)) return SEPARATOR;
  if (MARK.test(char)) return MARK_CHAR;
  return CJK.test(char) ? CJK_LETTER : LETTER;
}

for (let code = 0; code < 0x80; code++) kinds[code] = classify(String.fromCharCode(code));

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let start = -1;
  let ascii = true;
  let cjk = false;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    let size = 1;
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      // A character beyond the BMP (an emoji, a rare ideograph): classified each time.
      const point = text.codePointAt(i) as number;
      size = point > 0xffff ? 2 : 1;
      kind = classify(String.fromCodePoint(point));
    } else {
      kind = kindOf(code);
    }
    if (kind === SEPARATOR) {
      if (start >= 0) push(tokens, text, start, i, ascii, cjk);
      start = -1;
    } else if (kind === MARK_CHAR) {
      // A mark belongs to the letter before it. One after no letter is no word: the
      // variation selector of an emoji ("❤️"), a stray accent.
      if (start >= 0) ascii = false;
    } else {
      const isCjk = kind === CJK_LETTER;
      // A CJK character starts a word, and so does the first letter after one.
      if (start >= 0 && (isCjk || cjk)) {
        push(tokens, text, start, i, ascii, cjk);
        start = -1;
      }
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code >= 0x80) ascii = false;
      cjk = isCjk;
    }
    i += size;
  }
  if (start >= 0) push(tokens, text, start, length, ascii, cjk);
  return tokens;
}

function push(
  into: Token[],
  text: string,
  start: number,
  end: number,
  ascii: boolean,
  cjk: boolean,
): void {
  const raw = text.slice(start, end);
  const word = ascii ? raw.toLowerCase() : fold(raw);
  if (word !== "") into.push({ start, end, word, cjk });
}

/** Letters that no Unicode decomposition takes apart, spelled as a reader would. */
const LETTERS: Readonly<Record<string, string>> = {
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  ı: "i",
  þ: "th",
  ħ: "h",
  ŧ: "t",
  ŀ: "l",
  ŋ: "n",
  ĸ: "k",
  ƒ: "f",
  ς: "σ",
};
const SPECIAL = /[øđðłæœßıþħŧŀŋĸƒς]/gu;
/**
 * The accents of Latin, Greek and Cyrillic letters (the combining diacritics blocks);
 * the vowel signs of Indic scripts or the kana voicing marks are part of the letter.
 */
const DIACRITIC_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const MARKS = /\p{M}/gu;

function withoutDiacritics(text: string): string {
  return text.replace(MARKS, (mark) => {
    const code = mark.charCodeAt(0);
    return DIACRITIC_BLOCKS.some(([from, to]) => code >= from && code <= to) ? "" : mark;
  });
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
const NOT_WORD = /[^\p{L}\p{N}\p{M}]/gu;

/** Non-ASCII words seen lately, folded: a survey repeats its words a great deal. */
const cache = new Map<string, string>();
const CACHE_SIZE = 50_000;

/** The word lower-cased, without accents, compatibility forms spelled out (ﬁ -> fi). */
export function fold(word: string): string {
  if (isAscii(word)) return word.toLowerCase().replace(/[^a-z0-9]/g, "");
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const folded = withoutDiacritics(word.normalize("NFKD").toLowerCase().normalize("NFKD"))
    .replace(SPECIAL, (letter) => LETTERS[letter] ?? letter)
    .replace(NOT_WORD, "")
    // Kana keep their voicing marks, recomposed (ガ stays ガ), as Hangul its syllables.
    .normalize("NFC");
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(word, folded);
  return folded;
}

/** The folded words of a text, one space between them: what the index holds for it. */
export function indexWords(text: string): string {
  return tokenize(text)
    .map((token) => token.word)
    .join(" ");
}
