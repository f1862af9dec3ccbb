import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextBoundary } from "../../shared/text/boundaries.ts";

/** Every stop a key makes from the start of the text to its end (or back). */
function stops(text: string, unit: "character" | "word", direction: "forward" | "backward") {
  const visited: number[] = [];
  let offset = direction === "forward" ? 0 : text.length;
  for (;;) {
    const next = nextBoundary(text, offset, unit, direction);
    if (next === offset) return visited;
    visited.push(next);
    offset = next;
  }
}

/** The characters a reader sees, as the arrow keys step over them. */
function characters(text: string) {
  let previous = 0;
  return stops(text, "character", "forward").map((stop) => {
    const character = text.slice(previous, stop);
    previous = stop;
    return character;
  });
}

describe("moving a segment's edge by one character", () => {
  it("steps over plain letters one at a time, both ways", () => {
    expect(stops("abc", "character", "forward")).toEqual([1, 2, 3]);
    expect(stops("abc", "character", "backward")).toEqual([2, 1, 0]);
  });

  it("steps over an emoji, a skin tone, a family and a flag as one character each", () => {
    expect(characters("a😀👍🏽👨‍👩‍👧🇫🇷b")).toEqual(["a", "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "b"]);
    expect(stops("a😀👍🏽", "character", "backward")).toEqual([3, 1, 0]);
  });

  it("steps over a letter with its combining accents, and Hangul jamo, as one", () => {
    expect(characters("cafe\u0301!")).toEqual(["c", "a", "f", "e\u0301", "!"]);
    expect(characters("\u1100\u1161\u11a8\u1102\u1161")).toEqual([
      "\u1100\u1161\u11a8",
      "\u1102\u1161",
    ]);
  });

  it("steps over a Windows line break as one character", () => {
    expect(characters("a\r\nb\nc\rd")).toEqual(["a", "\r\n", "b", "\n", "c", "\r", "d"]);
  });

  it("steps over Arabic and Hebrew in logical order", () => {
    expect(characters("سلام שָׁ")).toEqual(["س", "ل", "ا", "م", " ", "שָׁ"]);
  });

  it("from inside a character, first steps to that character's own edge", () => {
    const text = "a👨‍👩‍👧b";
    expect(nextBoundary(text, 3, "character", "forward")).toBe(9);
    expect(nextBoundary(text, 3, "character", "backward")).toBe(1);
  });

  it("stays within the text", () => {
    expect(nextBoundary("abc", 3, "character", "forward")).toBe(3);
    expect(nextBoundary("abc", 0, "character", "backward")).toBe(0);
    expect(nextBoundary("abc", 40, "character", "backward")).toBe(2);
    expect(nextBoundary("abc", -5, "character", "forward")).toBe(1);
    expect(nextBoundary("", 0, "character", "forward")).toBe(0);
  });
});

describe("moving a segment's edge by one word, as Ctrl+Arrow does", () => {
  const text = "We stopped counting, then called the police.";
  //            0123456789012345678901234567890123456789012

  it("goes forward to the end of each word, skipping spaces and punctuation", () => {
    expect(stops(text, "word", "forward")).toEqual([2, 10, 19, 25, 32, 36, 43, 44]);
  });

  it("goes backward to the start of each word", () => {
    expect(stops(text, "word", "backward")).toEqual([37, 33, 26, 21, 11, 3, 0]);
  });

  it("from inside a word, goes to that word's own end or start", () => {
    expect(nextBoundary(text, 5, "word", "forward")).toBe(10);
    expect(nextBoundary(text, 5, "word", "backward")).toBe(3);
  });

  it("from the end of a word, goes to the end of the next one", () => {
    expect(nextBoundary(text, 19, "word", "forward")).toBe(25);
    expect(nextBoundary(text, 21, "word", "backward")).toBe(11);
  });

  it("keeps apostrophes and numbers inside words", () => {
    expect(stops("don't pay 50 euros", "word", "forward")).toEqual([5, 9, 12, 18]);
  });

  it("crosses line breaks and blank lines to the next word", () => {
    expect(stops("one\r\n\r\ntwo\nthree", "word", "forward")).toEqual([3, 10, 16]);
    expect(stops("one\r\n\r\ntwo\nthree", "word", "backward")).toEqual([11, 7, 0]);
  });

  it("stops at emoji as at words", () => {
    expect(stops("great 👍🏽 thanks 🇫🇷", "word", "forward")).toEqual([5, 10, 17, 22]);
  });

  it("steps over Arabic and Hebrew words in logical order", () => {
    const rtl = "الأمان مهم، שלום עולם";
    expect(stops(rtl, "word", "forward")).toEqual([6, 10, 16, 21]);
    expect(stops(rtl, "word", "backward")).toEqual([17, 12, 7, 0]);
  });

  it("goes to the ends of the text when no word is left that way", () => {
    expect(nextBoundary("safety...  ", 6, "word", "forward")).toBe(11);
    expect(nextBoundary("  ...safety", 5, "word", "backward")).toBe(0);
    expect(nextBoundary("", 0, "word", "forward")).toBe(0);
  });
});

describe("every step lands on a character boundary and moves the right way", () => {
  const piece = fc.constantFrom(
    "a",
    "b",
    " ",
    ",",
    "\n",
    "\r\n",
    "é",
    "e\u0301",
    "👍🏽",
    "👨‍👩‍👧",
    "🇫🇷",
    "مهم",
    "'",
  );
  const answer = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(""));

  it("holds for characters and words, forward and backward", () => {
    fc.assert(
      fc.property(
        answer,
        fc.nat(),
        fc.constantFrom("character" as const, "word" as const),
        fc.constantFrom("forward" as const, "backward" as const),
        (text, n, unit, direction) => {
          const boundaries = new Set([
            ...[...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map(
              (s) => s.index,
            ),
            text.length,
          ]);
          const offset = n % (text.length + 1);
          const next = nextBoundary(text, offset, unit, direction);
          expect(boundaries.has(next)).toBe(true);
          if (direction === "forward") {
            expect(next > offset || next === text.length).toBe(true);
          } else {
            expect(next < offset || next === 0).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
