/**
 * Decides whether an imported cell is an answer, a blank cell or a non-response
 * placeholder. The user can review and override the result; this is only the default.
 */
import type { AnswerStatus } from "../domain.ts";

/**
 * Placeholders survey respondents and tools write instead of an answer, compared after
 * trimming, lower-casing and dropping trailing dots ("." and "n.a." match too). Kept
 * short on purpose: a real answer must never be mistaken for one. "No", "None" or "Nil"
 * answer a question such as "Any limitations?"; "no answer" does not.
 */
export const DEFAULT_NON_RESPONSES: readonly string[] = [
  "-",
  "--",
  "---",
  "/",
  "?",
  ".",
  "n/a",
  "na",
  "n.a.",
  "n. a.",
  "no answer",
  "no response",
  "not applicable",
  "not answered",
  "did not answer",
  "prefer not to say",
  "keine Angabe",
  "k.A.",
  "k. A.",
  "sans réponse",
  "sin respuesta",
];

/** The form placeholders are compared in: "  N/A. " and "n/a" are the same. */
export function placeholderKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ").replace(/\.+$/, "");
}

/** A set of placeholders ready for `detectAnswerStatus`. */
export function nonResponseSet(placeholders: readonly string[]): ReadonlySet<string> {
  return new Set(placeholders.map(placeholderKey));
}

const DEFAULT_SET = nonResponseSet(DEFAULT_NON_RESPONSES);

const longest = new WeakMap<ReadonlySet<string>, number>();

function longestKey(placeholders: ReadonlySet<string>): number {
  let length = longest.get(placeholders);
  if (length === undefined) {
    length = 0;
    for (const key of placeholders) length = Math.max(length, key.length);
    longest.set(placeholders, length);
  }
  return length;
}

/**
 * The text an answer is stored with: line breaks inside are kept but written as LF
 * (Windows exports use CRLF), and whitespace is trimmed at the ends only.
 */
export function normaliseAnswerText(raw: string): string {
  return (raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw).trim();
}

export function detectAnswerStatus(
  text: string,
  placeholders: ReadonlySet<string> = DEFAULT_SET,
): AnswerStatus {
  const trimmed = text.trim();
  if (trimmed === "") return "empty";
  // Placeholders are short, and a real answer must not pay for normalising. Without a
  // run of spaces or final dots to drop, the key is as long as the trimmed text.
  const longest = longestKey(placeholders);
  if (
    trimmed.length > longest &&
    (trimmed.length > 4 * longest + 40 || !/\s\s|\.$/.test(trimmed))
  ) {
    return "answered";
  }
  return placeholders.has(placeholderKey(trimmed)) ? "non_response" : "answered";
}
