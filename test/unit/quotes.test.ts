import { describe, expect, it } from "vitest";
import {
  attributionOf,
  formatQuote,
  quotedText,
  quotesAsHtml,
  quotesAsText,
  type QuotablePassage,
} from "../../shared/retrieval/quotes.ts";

const passage = (overrides: Partial<QuotablePassage> = {}): QuotablePassage => ({
  text: "we stopped counting the calls",
  start: 14,
  respondent: "R7",
  attributes: { Country: "Ireland", Age: "" },
  question: "Q3",
  ...overrides,
});

describe("a passage as a quote for a report", () => {
  it("is attributed by the chosen attribute, in typographic quotation marks", () => {
    expect(formatQuote(passage(), { attribution: "Country" })).toBe(
      "\u201c\u2026we stopped counting the calls\u201d (Ireland)",
    );
  });

  it("falls back to the respondent's id with no attribute, 'respondent', or a missing value", () => {
    expect(attributionOf(passage())).toBe("R7");
    expect(attributionOf(passage(), { attribution: "respondent" })).toBe("R7");
    expect(attributionOf(passage(), { attribution: "Age" })).toBe("R7");
    expect(attributionOf(passage(), { attribution: "Region" })).toBe("R7");
  });

  it("can name the question too", () => {
    expect(attributionOf(passage(), { attribution: "Country", withQuestion: true })).toBe(
      "Ireland, Q3",
    );
  });

  it("can use straight quotation marks", () => {
    expect(formatQuote(passage({ start: 0, text: "Fine." }), { marks: "straight" })).toBe(
      '"Fine." (R7)',
    );
  });

  it("trims the passage and reads its line breaks as spaces", () => {
    expect(quotedText({ text: "  More buses\r\nat night.\n\n ", start: 0 })).toBe(
      "More buses at night.",
    );
  });

  it("marks a passage cut from inside a sentence with an ellipsis", () => {
    // Starts the answer: no ellipsis, even in lower case.
    expect(quotedText({ text: "more buses", start: 0 })).toBe("more buses");
    // Starts later with a capital: a sentence of its own.
    expect(quotedText({ text: "Safety at night.", start: 30 })).toBe("Safety at night.");
    // Starts later in lower case, stops on a comma: cut at both ends.
    expect(quotedText({ text: "the buses are late,", start: 12 })).toBe(
      "\u2026the buses are late\u2026",
    );
    expect(quotedText({ text: "Lighting \u2014", start: 0 })).toBe("Lighting\u2026");
  });

  it("keeps scripts without letter case as they are", () => {
    expect(quotedText({ text: "\u5b89\u5168\u7b2c\u4e00", start: 5 })).toBe(
      "\u5b89\u5168\u7b2c\u4e00",
    );
  });

  it("joins several quotes with a blank line as plain text", () => {
    const quotes = [
      passage({ start: 0, text: "Buses." }),
      passage({ respondent: "R9", start: 0, text: "Light." }),
    ];
    expect(quotesAsText(quotes)).toBe("\u201cBuses.\u201d (R7)\n\n\u201cLight.\u201d (R9)");
  });

  it("gives a word processor one escaped paragraph per quote", () => {
    const quotes = [
      passage({ start: 0, text: 'Fees < 5 & "fair"', attributes: { Country: "<Malta>" } }),
      passage({ start: 0, text: "Ok" }),
    ];
    expect(quotesAsHtml(quotes, { attribution: "Country" })).toBe(
      "<p>\u201cFees &lt; 5 &amp; &quot;fair&quot;\u201d (&lt;Malta&gt;)</p>\n" +
        "<p>\u201cOk\u201d (Ireland)</p>",
    );
  });
});
