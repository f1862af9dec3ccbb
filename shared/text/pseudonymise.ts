/**
 * Pseudonymising one text: every match of the list's terms (and, when asked, e-mail
 * addresses, telephone numbers and web addresses) replaced in one pass, with the edits
 * kept as an offset map so that coded passages can follow their words
 * (pseudonymise-anchor.ts). Pure: the core runs it over a project's copy, the dialog's
 * preview runs the same code, so both count the same.
 *
 * Overlapping matches: the longest wins ("Anna Maria" over "Anna", an address over the
 * name inside it), then the leftmost, then the earlier rule; a replacement's text is
 * never searched again.
 */
import { CairnError } from "../api/errors.ts";
import type { PseudonymCount, PseudonymiseOptions, PseudonymTerm } from "../api/safety-api.ts";
import { TermMatcher, type Candidate } from "./pseudonymise-match.ts";
import { findEmails, findPhones, findUrls } from "./pseudonymise-patterns.ts";

/** One replacement: [start, end) of the old text became [newStart, newEnd) of the new. */
export interface PseudonymEdit {
  readonly start: number;
  readonly end: number;
  readonly newStart: number;
  readonly newEnd: number;
  readonly rule: number;
}

export interface PseudonymisedText {
  readonly text: string;
  /** Ascending, never overlapping; empty when nothing matched (and `text` is the input). */
  readonly edits: readonly PseudonymEdit[];
}

/** A term, or one of the patterns, and what replaces its matches. */
export type PseudonymRule = PseudonymTerm;

export const PATTERN_RULES = {
  emails: { find: "e-mail addresses", replace: "[email]" },
  phones: { find: "telephone numbers", replace: "[phone]" },
  urls: { find: "web addresses", replace: "[url]" },
} as const satisfies Record<string, PseudonymRule>;

export type PseudonymiseSettings = Pick<
  PseudonymiseOptions,
  "ignoreCase" | "wholeWords" | "emails" | "phones" | "urls"
> & { readonly terms: readonly PseudonymTerm[] };

export class Pseudonymiser {
  /** The terms in list order, then the patterns asked for. */
  readonly rules: readonly PseudonymRule[];
  /** How often each rule has replaced something, over every text applied so far. */
  private readonly counts: number[];
  private readonly matcher: TermMatcher;
  private readonly patterns: ((text: string, into: Candidate[]) => void)[] = [];

  constructor(settings: PseudonymiseSettings) {
    for (const term of settings.terms) assertUsable(term);
    const rules: PseudonymRule[] = settings.terms.map((t) => ({
      find: t.find,
      replace: t.replace,
    }));
    this.matcher = new TermMatcher(
      settings.terms.map((term) => term.find.trim()),
      settings,
    );
    const finders = { emails: findEmails, phones: findPhones, urls: findUrls } as const;
    for (const kind of ["emails", "phones", "urls"] as const) {
      if (!settings[kind]) continue;
      const rule = rules.length;
      rules.push(PATTERN_RULES[kind]);
      const finder = finders[kind];
      this.patterns.push((text, into) => finder(text, rule, into));
    }
    this.rules = rules;
    this.counts = rules.map(() => 0);
  }

  /** Whether there is anything to look for at all. */
  get isEmpty(): boolean {
    return this.matcher.isEmpty && this.patterns.length === 0;
  }

  /**
   * The text with every match replaced. Each replacement counts `weight` times: the
   * number of rows that hold this same text (1), or 0 for a text already counted.
   */
  apply(text: string, weight = 1): PseudonymisedText {
    if (this.isEmpty || text === "") return { text, edits: [] };
    const candidates: Candidate[] = [];
    this.matcher.find(text, candidates);
    for (const find of this.patterns) find(text, candidates);
    if (candidates.length === 0) return { text, edits: [] };
    const chosen = chooseLongest(candidates, text.length);
    let out = "";
    let from = 0;
    const edits: PseudonymEdit[] = [];
    for (const match of chosen) {
      out += text.slice(from, match.start);
      const replace = (this.rules[match.rule] as PseudonymRule).replace;
      const newStart = out.length;
      out += replace;
      edits.push({ ...match, newStart, newEnd: out.length });
      this.counts[match.rule] = (this.counts[match.rule] as number) + weight;
      from = match.end;
    }
    out += text.slice(from);
    return { text: out, edits };
  }

  /** Replacements so far, all rules together. */
  get replacements(): number {
    return this.counts.reduce((sum, n) => sum + n, 0);
  }

  /** Per rule, in list order; every term is listed, even one never found (a typo shows). */
  byTerm(): PseudonymCount[] {
    return this.rules.map((rule, index) => ({
      find: rule.find,
      replace: rule.replace,
      count: this.counts[index] as number,
    }));
  }
}

/**
 * A pseudonym must leave something in the name's place: a coded passage that was only
 * the name would otherwise become empty.
 */
function assertUsable(term: PseudonymTerm): void {
  if (term.find.trim() === "") {
    throw new CairnError("bad_input", "a term to replace cannot be empty");
  }
  if (term.replace === "") {
    throw new CairnError(
      "bad_input",
      `"${term.find}" has an empty pseudonym; give it a replacement such as [name 1]`,
    );
  }
}

/** Longest first, then leftmost, then earlier rule; each chosen span claims its units. */
function chooseLongest(candidates: Candidate[], length: number): Candidate[] {
  if (candidates.length === 1) return candidates;
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.rule - b.rule,
  );
  const taken = new Uint8Array(length);
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    let free = true;
    for (let i = candidate.start; i < candidate.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
