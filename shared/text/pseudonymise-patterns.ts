/**
 * E-mail addresses, telephone numbers and web addresses: the identities a list of names
 * cannot hold. Each finder gives candidate spans; overlaps with terms are resolved by
 * the caller (the longest wins, so "anna@example.org" goes whole, not as "[name 1]@...").
 *
 * Telephone numbers are the hard one: digits with spaces, dots, dashes, slashes or
 * brackets, in international ("+44 20 7946 0958", "0044 ...", "+33 (0)1 23 45 67 89")
 * and local ("020 7946 0958", "(555) 123-4567", "06 12 34 56 78") forms. Dates
 * ("12.03.2024", "2024-03-12"), years and ranges of years ("2019-2021"), amounts
 * ("1 000 000") and ids ("ORG-12", "R-2019-0042") are not telephone numbers.
 */
import type { Candidate } from "./pseudonymise-match.ts";

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])(?:mailto:)?[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}@])/gu;

/** A scheme or "www.", then anything up to a space or a quote; trailing punctuation trimmed. */
const URL = /(?<![\p{L}\p{N}@])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`]+/giu;

/**
 * Something that could be a telephone number: an optional "+", digits and separators,
 * not glued to a letter, an id's dash or another number. `isTelephone` decides.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}_@+\-/.,])(?:\+ ?)?(?:\(\d{1,5}\) ?)?\d[\d \u00a0.\-/()]{4,}\d(?![\p{L}\p{N}_@]|[.,\-/]\d)/gu;

export function findEmails(text: string, rule: number, into: Candidate[]): void {
  for (const match of text.matchAll(EMAIL)) {
    into.push({ start: match.index, end: match.index + match[0].length, rule });
  }
}

export function findUrls(text: string, rule: number, into: Candidate[]): void {
  for (const match of text.matchAll(URL)) {
    const url = trimUrl(match[0]);
    // "www." alone, or a scheme with nothing after it, is no address.
    if (/^(?:(?:https?|ftp):\/\/|www\.)$/i.test(url)) continue;
    into.push({ start: match.index, end: match.index + url.length, rule });
  }
}

/** A sentence's full stop or a closing bracket the address did not open is not part of it. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1] as string;
    if (".,;:!?'\"".includes(last)) {
      end--;
      continue;
    }
    const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
    const open = pairs[last];
    if (open !== undefined) {
      const body = url.slice(0, end);
      if (count(body, last) > count(body, open)) {
        end--;
        continue;
      }
    }
    return url.slice(0, end);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

export function findPhones(text: string, rule: number, into: Candidate[]): void {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const span = trimUnbalanced(match[0]);
    if (!isTelephone(span.text)) continue;
    const start = match.index + span.offset;
    into.push({ start, end: start + span.text.length, rule });
  }
}

/** Drops a bracket at either end that has no partner: "(see 020 7946 0958" keeps its text. */
function trimUnbalanced(text: string): { text: string; offset: number } {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === "(" && !text.slice(start, end).includes(")")) start++;
  while (end > start && text[end - 1] === ")" && !text.slice(start, end).includes("(")) end--;
  return { text: text.slice(start, end), offset: start };
}

const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const YEARS = /^(?:1[89]|20)\d\d(?:\s*[-/–]\s*(?:1[89]|20)?\d\d)*$/;

/** Whether a candidate reads as a telephone number rather than a date, amount or id. */
export function isTelephone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 17) return false;
  if (count(candidate, "(") !== count(candidate, ")")) return false;
  const international = candidate.startsWith("+") || candidate.startsWith("00");
  const body = candidate.replace(/^\+ ?/, "");
  if (DATE.test(body) || YEARS.test(body)) return false;
  const groups = body.split(/[ \u00a0.\-/()]+/).filter((group) => group !== "");
  if (groups.length === 1) {
    // A plain run of digits is a phone only when it dials like one; else an id or amount.
    return international || (body.startsWith("0") && digits.length >= 9);
  }
  if (!international && isThousands(groups)) return false;
  // Separators doubled up ("12 -- 34") or a slash run of short numbers are lists, not phones.
  if (/[.\-/]{2,}/.test(body)) return false;
  return true;
}

/** "1 000 000", "2.500.000": a first group of 1-3 digits (not a trunk 0), then threes. */
function isThousands(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined || first.length > 3 || first.startsWith("0")) return false;
  return rest.every((group) => group.length === 3);
}
