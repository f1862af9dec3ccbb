/**
 * Finding the terms of a pseudonymisation list in a text with one matcher, however long
 * the list: the terms go into a trie over their folded characters, and a scan tries it
 * once at each place a word can start, so 10,000 names cost one pass per text, not
 * 10,000 regex passes.
 *
 * Folding keeps every UTF-16 offset where it was (a character whose lower case has
 * another length stays as it is), so a match in the folded text is the same span of the
 * original. Words are runs of letters, digits, combining marks and connectors in any
 * script (Greek, Cyrillic, accented Latin...); an emoji or punctuation ends a word.
 */

/** A place a rule matched: [start, end) in UTF-16 units, end exclusive. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Index of the rule (term or pattern) that matched. */
  readonly rule: number;
}

export interface TermMatchOptions {
  readonly ignoreCase: boolean;
  readonly wholeWords: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]/u;

/** For each BMP unit: 0 unknown, 1 not a word character, 2 a word character. */
const wordKinds = new Uint8Array(0x10000);

function isWordCodePoint(point: number): boolean {
  if (point > 0xffff) return WORD.test(String.fromCodePoint(point));
  let kind = wordKinds[point] as number;
  if (kind === 0) {
    kind = WORD.test(String.fromCharCode(point)) ? 2 : 1;
    wordKinds[point] = kind;
  }
  return kind === 2;
}

/** Whether the character ending at `offset` (exclusive) is a word character. */
export function wordBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const unit = text.charCodeAt(offset - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && offset >= 2) {
    return isWordCodePoint(text.codePointAt(offset - 2) as number);
  }
  return isWordCodePoint(unit);
}

/** Whether the character starting at `offset` is a word character. */
export function wordAt(text: string, offset: number): boolean {
  if (offset >= text.length) return false;
  return isWordCodePoint(text.codePointAt(offset) as number);
}

/** A word boundary at `offset` for a match that has `inside` as its edge character. */
function edgeOk(outsideIsWord: boolean, insideIsWord: boolean): boolean {
  return !(outsideIsWord && insideIsWord);
}

/** Folded BMP units, filled as met: 0 means not yet known. */
const foldedUnits = new Uint16Array(0x10000);

function foldUnit(unit: number): number {
  const known = foldedUnits[unit] as number;
  if (known !== 0) return known;
  let folded = unit;
  if (unit === 0x3c2) {
    folded = 0x3c3; // Greek final sigma "ς" matches "σ" (and "Σ").
  } else if (unit === 0x130) {
    folded = 0x69; // Turkish "İ" lower-cases to two units; "i" is what a reader means.
  } else if (unit < 0xd800 || unit > 0xdfff) {
    const lower = String.fromCharCode(unit).toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  foldedUnits[unit] = folded;
  return folded;
}

/** The text in lower case, unit for unit: same length, same offsets. */
export function foldCase(text: string): string {
  // Lower-casing only ever lengthens a text ("İ" becomes two units): the same length
  // means every character kept its offset, and the engine's own lower case is fastest.
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.includes("ς") ? lower.replace(/ς/g, "σ") : lower;
  return foldByUnit(text);
}

function foldByUnit(text: string): string {
  let out = "";
  let changed = false;
  const units = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      // A cased letter beyond the BMP (Deseret, Adlam...) folds as a pair or not at all.
      const pair = text.slice(i, i + 2);
      const lower = pair.toLowerCase();
      const folded = lower.length === 2 ? lower : pair;
      units[i] = folded.charCodeAt(0);
      units[i + 1] = folded.charCodeAt(1);
      if (folded !== pair) changed = true;
      i++;
      continue;
    }
    const folded = foldUnit(unit);
    units[i] = folded;
    if (folded !== unit) changed = true;
  }
  if (!changed) return text;
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...units.slice(i, i + 8192));
  }
  return out;
}

/**
 * The terms as a trie over UTF-16 units. Children live in one Map keyed by
 * node * 65536 + unit (a number below 2^53 for any list the contract allows).
 */
export class TermMatcher {
  private readonly children = new Map<number, number>();
  /** The root's children by unit (0: none): most walks end at the first character. */
  private readonly rootChildren = new Int32Array(0x10000);
  /** The rule a node ends, or -1. */
  private readonly terminal: number[] = [-1];
  private readonly options: TermMatchOptions;

  /** `terms[i]` is rule i; a term found again (after folding) keeps its first rule. */
  constructor(terms: readonly string[], options: TermMatchOptions) {
    this.options = options;
    terms.forEach((term, rule) => this.add(this.prepare(term), rule));
  }

  get isEmpty(): boolean {
    return this.terminal.length === 1;
  }

  private prepare(text: string): string {
    return this.options.ignoreCase ? foldCase(text) : text;
  }

  private add(term: string, rule: number): void {
    if (term === "") return;
    let node = 0;
    for (let i = 0; i < term.length; i++) {
      const unit = term.charCodeAt(i);
      const key = node * 65536 + unit;
      let next = node === 0 ? this.rootChildren[unit] || undefined : this.children.get(key);
      if (next === undefined) {
        next = this.terminal.length;
        this.terminal.push(-1);
        if (node === 0) this.rootChildren[unit] = next;
        else this.children.set(key, next);
      }
      node = next;
    }
    if (this.terminal[node] === -1) this.terminal[node] = rule;
  }

  /** Every place a term matches, all lengths at every start (overlaps are resolved later). */
  find(text: string, into: Candidate[]): void {
    if (this.isEmpty) return;
    const folded = this.prepare(text);
    const { wholeWords } = this.options;
    const length = text.length;
    let previousIsWord = false;
    for (let start = 0; start < length; start++) {
      const unit = text.charCodeAt(start);
      // The second half of a surrogate pair is no place to start.
      if (unit >= 0xdc00 && unit <= 0xdfff && start > 0) continue;
      const atIsWord = wholeWords && wordAt(text, start);
      const startOk = !wholeWords || edgeOk(previousIsWord, atIsWord);
      previousIsWord = atIsWord;
      if (startOk) this.walk(text, folded, start, into);
    }
  }

  private walk(text: string, folded: string, start: number, into: Candidate[]): void {
    const { wholeWords } = this.options;
    // The first step by array: most places in a text start no term at all.
    let node = this.rootChildren[folded.charCodeAt(start)] as number;
    if (node === 0) return;
    for (let i = start; i < folded.length; i++) {
      const next = i === start ? node : this.children.get(node * 65536 + folded.charCodeAt(i));
      if (next === undefined) return;
      node = next;
      const rule = this.terminal[node] as number;
      if (rule < 0) continue;
      const end = i + 1;
      // Never end between the halves of a surrogate pair.
      const unit = folded.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) continue;
      if (wholeWords && !edgeOk(wordAt(text, end), wordBefore(text, end))) continue;
      into.push({ start, end, rule });
    }
  }
}
