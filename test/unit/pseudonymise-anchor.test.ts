import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reanchor } from "../../shared/text/pseudonymise-anchor.ts";
import { Pseudonymiser, type PseudonymisedText } from "../../shared/text/pseudonymise.ts";

const DEFAULTS = { ignoreCase: true, wholeWords: true, emails: false, phones: false, urls: false };

function pseudonymise(text: string, terms: Record<string, string>): PseudonymisedText {
  const list = Object.entries(terms).map(([find, replace]) => ({ find, replace }));
  return new Pseudonymiser({ ...DEFAULTS, terms: list }).apply(text);
}

describe("a coded passage follows its words into the pseudonymised text", () => {
  const text = "Maria said Anna helped. Anna's sister too.";
  const result = pseudonymise(text, { Anna: "[name 1]", Maria: "M." });

  it("shifts a passage after a replacement by the change in length", () => {
    const helped = { start: text.indexOf("helped"), end: text.indexOf("helped") + 6 };
    const moved = reanchor(result.edits, helped);
    expect(result.text.slice(moved.start, moved.end)).toBe("helped");
  });

  it("makes a passage that covered a name cover its pseudonym", () => {
    const anna = { start: 11, end: 15 };
    const moved = reanchor(result.edits, anna);
    expect(result.text.slice(moved.start, moved.end)).toBe("[name 1]");
  });

  it("snaps an edge inside a name outward: the passage grows to the whole pseudonym", () => {
    const fromInside = { start: 13, end: 22 }; // "na helped"
    const moved = reanchor(result.edits, fromInside);
    expect(result.text.slice(moved.start, moved.end)).toBe("[name 1] helped");
    const toInside = { start: 6, end: 13 }; // "said An"
    const grown = reanchor(result.edits, toInside);
    expect(result.text.slice(grown.start, grown.end)).toBe("said [name 1]");
  });

  it("keeps a passage that ends just before a name, or starts just after one, off it", () => {
    const before = reanchor(result.edits, { start: 6, end: 11 }); // "said "
    expect(result.text.slice(before.start, before.end)).toBe("said ");
    const after = reanchor(result.edits, { start: 15, end: 22 }); // " helped"
    expect(result.text.slice(after.start, after.end)).toBe(" helped");
  });

  it("leaves a passage alone when nothing changed", () => {
    const same = pseudonymise("nothing here", { Anna: "A" });
    expect(reanchor(same.edits, { start: 2, end: 5 })).toEqual({ start: 2, end: 5 });
  });
});

/** Words the generated texts and term lists are made of, in several scripts. */
const WORDS = [
  "Anna",
  "anna",
  "Ann",
  "Νίκος",
  "ΝΙΚΟΣ",
  "Иван",
  "Élodie",
  "x",
  "😀",
  "ab",
  "Anna-Lena",
];
const SEPARATORS = [" ", ", ", ". ", "", "\n", "'s "];

const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(""));
const termLists = fc.dictionary(
  fc.constantFrom(...WORDS, "Anna Lena", "n", "Ann a"),
  fc.constantFrom("P", "[name 1]", "Longer pseudonym", "😀😀"),
  { minKeys: 1, maxKeys: 4 },
);
const options = fc.record({ ignoreCase: fc.boolean(), wholeWords: fc.boolean() });

function spansOf(length: number) {
  return fc
    .array(fc.tuple(fc.nat(length), fc.nat(length)), { maxLength: 6 })
    .map((pairs) =>
      pairs
        .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }))
        .filter((span) => span.end > span.start),
    );
}

/** The oracle: the original passage widened to whole replacements, each one replaced. */
function expectedText(
  original: string,
  result: PseudonymisedText,
  span: { start: number; end: number },
) {
  let start = span.start;
  let end = span.end;
  for (const edit of result.edits) {
    if (edit.start < start && start < edit.end) start = edit.start;
    if (edit.start < end && end < edit.end) end = edit.end;
  }
  let out = "";
  let at = start;
  for (const edit of result.edits) {
    if (edit.start < start || edit.end > end) continue;
    out += original.slice(at, edit.start) + result.text.slice(edit.newStart, edit.newEnd);
    at = edit.end;
  }
  return out + original.slice(at, end);
}

describe("re-anchoring, for any text, list and passages", () => {
  it("covers exactly the passage's own text, pseudonymised; within bounds; order kept", () => {
    fc.assert(
      fc.property(
        texts.chain((text) => fc.tuple(fc.constant(text), spansOf(text.length))),
        termLists,
        options,
        ([text, spans], terms, settings) => {
          const list = Object.entries(terms).map(([find, replace]) => ({ find, replace }));
          const result = new Pseudonymiser({ ...DEFAULTS, ...settings, terms: list }).apply(text);
          const moved = spans.map((span) => reanchor(result.edits, span));
          moved.forEach((after, i) => {
            const before = spans[i] as { start: number; end: number };
            expect(after.start).toBeGreaterThanOrEqual(0);
            expect(after.end).toBeLessThanOrEqual(result.text.length);
            expect(after.end).toBeGreaterThan(after.start);
            expect(result.text.slice(after.start, after.end)).toBe(
              expectedText(text, result, before),
            );
            moved.forEach((other, j) => {
              const otherBefore = spans[j] as { start: number; end: number };
              if (before.start <= otherBefore.start)
                expect(after.start).toBeLessThanOrEqual(other.start);
              if (before.end <= otherBefore.end) expect(after.end).toBeLessThanOrEqual(other.end);
            });
          });
        },
      ),
      { numRuns: 400, seed: 20_261_124 },
    );
  });

  it("changes nothing outside the replacements", () => {
    fc.assert(
      fc.property(texts, termLists, options, (text, terms, settings) => {
        const list = Object.entries(terms).map(([find, replace]) => ({ find, replace }));
        const result = new Pseudonymiser({ ...DEFAULTS, ...settings, terms: list }).apply(text);
        let from = 0;
        let newFrom = 0;
        for (const edit of result.edits) {
          expect(edit.end).toBeGreaterThan(edit.start);
          expect(result.text.slice(newFrom, edit.newStart)).toBe(text.slice(from, edit.start));
          from = edit.end;
          newFrom = edit.newEnd;
        }
        expect(result.text.slice(newFrom)).toBe(text.slice(from));
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
