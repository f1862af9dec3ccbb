/**
 * Coded passages as quotes for a report: `“…we stopped counting the calls” (Ireland)`.
 * Pure functions shared by the app (copy as plain and rich text) and `cairn quotes`.
 *
 * The attribution is a chosen attribute's value, or the respondent's id (when the choice
 * is the respondent itself, nothing, or a value the respondent lacks), optionally with
 * the question's label. A passage cut from inside a sentence is marked with "…": at the
 * start when it does not open the answer and begins with a lower-case letter, at the end
 * when it stops on a comma, semicolon, colon or dash (which the ellipsis replaces). A
 * passage's own line breaks and runs of spaces read as one space.
 */

/** What a quote needs of a passage (a `Passage` of the retrieval API has all of it). */
export interface QuotablePassage {
  readonly text: string;
  /** Where the passage starts in its answer (UTF-16 units): 0 opens the answer. */
  readonly start: number;
  readonly respondent: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly question: string;
}

/** Attributes the quote by the respondent's id rather than by an attribute's value. */
export const RESPONDENT_ATTRIBUTION = "respondent";

export interface QuoteStyle {
  /** The attribute whose value attributes the quote; RESPONDENT_ATTRIBUTION or absent: the id. */
  readonly attribution?: string | null | undefined;
  /** Adds the question's label to the attribution: (Ireland, Q3). */
  readonly withQuestion?: boolean | undefined;
  /** Typographic “ ” (the default) or straight " quotation marks. */
  readonly marks?: "typographic" | "straight" | undefined;
}

const MARKS = { typographic: ["\u201c", "\u201d"], straight: ['"', '"'] } as const;
const ELLIPSIS = "\u2026";

/** The words inside the quotation marks, ellipses included. */
export function quotedText(passage: Pick<QuotablePassage, "text" | "start">): string {
  let text = passage.text.replace(/\s+/g, " ").trim();
  if (text === "") return "";
  if (passage.start > 0 && /^\p{Ll}/u.test(text)) text = ELLIPSIS + text;
  const cut = /\s*[,;:\u2013\u2014-]$/.exec(text);
  if (cut) text = text.slice(0, cut.index) + ELLIPSIS;
  return text;
}

/** "Ireland", "R12", or with the question "Ireland, Q3". */
export function attributionOf(passage: QuotablePassage, style: QuoteStyle = {}): string {
  const name = style.attribution;
  const value =
    name === undefined || name === null || name === RESPONDENT_ATTRIBUTION
      ? undefined
      : passage.attributes[name]?.trim();
  const who = value ? value : passage.respondent;
  return style.withQuestion ? `${who}, ${passage.question}` : who;
}

/** One quote as plain text: `“text” (attribution)`. */
export function formatQuote(passage: QuotablePassage, style: QuoteStyle = {}): string {
  const [open, close] = MARKS[style.marks ?? "typographic"];
  return `${open}${quotedText(passage)}${close} (${attributionOf(passage, style)})`;
}

/** Several quotes as plain text, a blank line between them. */
export function quotesAsText(passages: readonly QuotablePassage[], style: QuoteStyle = {}): string {
  return passages.map((passage) => formatQuote(passage, style)).join("\n\n");
}

/**
 * Several quotes as HTML for a word processor's paste: a paragraph per quote, the
 * attribution after the quotation in the same paragraph, everything escaped.
 */
export function quotesAsHtml(passages: readonly QuotablePassage[], style: QuoteStyle = {}): string {
  return passages.map((passage) => `<p>${escapeHtml(formatQuote(passage, style))}</p>`).join("\n");
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
