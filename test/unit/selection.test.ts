import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "../../shared/text/highlights.ts";
import {
  offsetOfPoint,
  pointOfOffset,
  selectionToRange,
  snapToGraphemes,
  type LinePoint,
} from "../../shared/text/selection.ts";

const at = (line: number, offset: number): LinePoint => ({ line, offset });

/** The stored text a selection in the editor codes, or null when nothing is coded. */
function coded(text: string, anchor: LinePoint, focus: LinePoint, trimWhitespace = true) {
  const range = selectionToRange(text, anchor, focus, { trimWhitespace });
  return range === null ? null : text.slice(range.start, range.end);
}

/** The point in the editor where `phrase` starts (or ends), found in the line shown. */
function pointAt(text: string, phrase: string, edge: "start" | "end"): LinePoint {
  const lines = splitLines(text);
  for (const [index, line] of lines.entries()) {
    const found = line.text.indexOf(phrase);
    if (found >= 0) return at(index, edge === "start" ? found : found + phrase.length);
  }
  throw new Error(`"${phrase}" is not on one line of the answer`);
}

const graphemeBoundaries = (text: string) =>
  new Set([
    ...[...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map(
      (s) => s.index,
    ),
    text.length,
  ]);

/** Whether an offset sits between the `\r` and the `\n` of a Windows line break. */
const insideLineBreak = (text: string, offset: number) =>
  offset > 0 && text[offset - 1] === "\r" && text[offset] === "\n";

// Pieces answers are made of: Latin and accented letters, RTL words, emoji of every
// shape, combining sequences, Hangul jamo, and every kind of line break.
const piece = fc.constantFrom(
  "a",
  "Z",
  " ",
  "\u00a0",
  ".",
  "\n",
  "\r",
  "\r\n",
  "é",
  "e\u0301",
  "שָׁ",
  "مهم",
  "👍",
  "👍🏽",
  "👨‍👩‍👧",
  "🇫🇷",
  "\u1100\u1161\u11a8",
);
const answer = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(""));

describe("a point in the editor maps to an offset in the stored answer", () => {
  it("counts each kind of line break in the offsets, though no line shows it", () => {
    const text = "ab\ncd\r\nef\rg";
    expect(offsetOfPoint(text, at(0, 2))).toBe(2);
    expect(offsetOfPoint(text, at(1, 0))).toBe(3);
    expect(offsetOfPoint(text, at(2, 0))).toBe(7);
    expect(offsetOfPoint(text, at(3, 1))).toBe(11);
  });

  it("keeps blank lines as lines of their own", () => {
    const text = "First paragraph.\n\n\nSecond.";
    expect(offsetOfPoint(text, at(1, 0))).toBe(17);
    expect(offsetOfPoint(text, at(2, 0))).toBe(18);
    expect(offsetOfPoint(text, at(3, 0))).toBe(19);
    expect(pointOfOffset(text, 18)).toEqual(at(2, 0));
  });

  it("clamps a point past the last line, or past the end of its line", () => {
    const text = "one\r\ntwo";
    expect(offsetOfPoint(text, at(7, 1))).toBe(6);
    expect(offsetOfPoint(text, at(-1, 2))).toBe(2);
    expect(offsetOfPoint(text, at(0, 99))).toBe(3);
    expect(offsetOfPoint(text, at(1, -4))).toBe(5);
    expect(offsetOfPoint("", at(3, 3))).toBe(0);
  });

  it("maps an offset back to its line, the end of a line staying on that line", () => {
    const text = "ab\ncd\r\nef\rg";
    expect(pointOfOffset(text, 0)).toEqual(at(0, 0));
    expect(pointOfOffset(text, 2)).toEqual(at(0, 2));
    expect(pointOfOffset(text, 3)).toEqual(at(1, 0));
    expect(pointOfOffset(text, 5)).toEqual(at(1, 2));
    expect(pointOfOffset(text, 10)).toEqual(at(3, 0));
    expect(pointOfOffset(text, 11)).toEqual(at(3, 1));
  });

  it("maps an offset inside a Windows line break to the end of the line before it", () => {
    expect(pointOfOffset("ab\r\ncd", 3)).toEqual(at(0, 2));
  });

  it("clamps an offset outside the text", () => {
    expect(pointOfOffset("ab\ncd", -3)).toEqual(at(0, 0));
    expect(pointOfOffset("ab\ncd", 40)).toEqual(at(1, 2));
    expect(pointOfOffset("", 1)).toEqual(at(0, 0));
  });

  it("round-trips every offset that is not inside a line break", () => {
    fc.assert(
      fc.property(answer, (text) => {
        for (let offset = 0; offset <= text.length; offset++) {
          if (insideLineBreak(text, offset)) continue;
          expect(offsetOfPoint(text, pointOfOffset(text, offset))).toBe(offset);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips every point of every line", () => {
    fc.assert(
      fc.property(answer, (text) => {
        for (const [line, { text: shown }] of splitLines(text).entries()) {
          for (let offset = 0; offset <= shown.length; offset++) {
            expect(pointOfOffset(text, offsetOfPoint(text, at(line, offset)))).toEqual(
              at(line, offset),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("a selection made with the mouse codes exactly the phrase selected", () => {
  const answerText = "We stopped counting the calls.";

  it("codes a phrase on one line", () => {
    expect(selectionToRange(answerText, at(0, 3), at(0, 19))).toEqual({ start: 3, end: 19 });
    expect(coded(answerText, at(0, 3), at(0, 19))).toBe("stopped counting");
  });

  it("codes the same phrase when it was selected backward, from its end", () => {
    expect(selectionToRange(answerText, at(0, 19), at(0, 3))).toEqual({ start: 3, end: 19 });
  });

  it("codes nothing for a click without a drag", () => {
    expect(selectionToRange(answerText, at(0, 5), at(0, 5))).toBeNull();
  });

  it("codes a passage across lines, keeping the line breaks inside it", () => {
    const text = "I called twice.\nNobody came.\r\nThen I left.";
    expect(coded(text, at(0, 9), at(1, 6))).toBe("twice.\nNobody");
    expect(coded(text, at(2, 4), at(0, 9))).toBe("twice.\nNobody came.\r\nThen");
    expect(selectionToRange(text, at(0, 9), at(2, 4))).toEqual({ start: 9, end: 34 });
  });

  it("codes across several paragraphs separated by blank lines", () => {
    const text = "First, money.\r\n\r\nSecond, safety.\n\nThird: time.";
    expect(coded(text, pointAt(text, "money", "start"), pointAt(text, "Third", "end"))).toBe(
      "money.\r\n\r\nSecond, safety.\n\nThird",
    );
  });

  it("codes across old Mac line breaks", () => {
    const text = "one\rtwo\rthree";
    expect(coded(text, at(0, 1), at(2, 2))).toBe("ne\rtwo\rth");
  });
});

describe("right-to-left answers map in logical order, exactly", () => {
  it("codes an Arabic word by its logical offsets", () => {
    const text = "الأمان مهم جدا للنساء";
    const start = pointAt(text, "مهم", "start");
    const end = pointAt(text, "مهم", "end");
    expect(selectionToRange(text, start, end)).toEqual({ start: 7, end: 10 });
    expect(selectionToRange(text, end, start)).toEqual({ start: 7, end: 10 });
    expect(coded(text, start, end)).toBe("مهم");
  });

  it("codes Hebrew with vowel points whole, across a line break", () => {
    const text = "שָׁלוֹם\nלְכֻלָּם";
    // A selection ending between a letter and its vowel point takes the vowel too.
    expect(coded(text, at(0, 0), at(0, 1))).toBe("שָׁ");
    expect(coded(text, at(0, 4), at(1, 2))).toBe("וֹם\nלְ");
  });

  it("keeps offsets exact in an answer mixing Arabic, Hebrew and English lines", () => {
    const text = "Safety first.\r\nالأمان أولا\nביטחון קודם";
    expect(coded(text, pointAt(text, "أولا", "start"), pointAt(text, "ביטחון", "end"))).toBe(
      "أولا\nביטחון",
    );
    expect(pointOfOffset(text, text.indexOf("קודם"))).toEqual(at(2, 7));
  });
});

describe("a selection never cuts a character in half", () => {
  const text = "Thanks 👍🏽 from 👨‍👩‍👧 in 🇫🇷, café!";

  it("takes a whole emoji when the selection starts or ends inside its surrogate pair", () => {
    const plain = "ok 😀 ok";
    expect(coded(plain, at(0, 4), at(0, 8))).toBe("😀 ok");
    expect(coded(plain, at(0, 0), at(0, 4))).toBe("ok 😀");
  });

  it("takes an emoji with its skin tone", () => {
    const thumb = text.indexOf("👍🏽");
    expect(coded(text, at(0, 0), at(0, thumb + 2))).toBe("Thanks 👍🏽");
    expect(coded(text, at(0, thumb + 3), at(0, thumb + 4))).toBe("👍🏽");
  });

  it("takes a whole ZWJ family from anywhere inside it", () => {
    const family = text.indexOf("👨‍👩‍👧");
    for (let inside = family + 1; inside < family + "👨‍👩‍👧".length; inside++) {
      expect(coded(text, at(0, inside), at(0, inside + 1))).toBe("👨‍👩‍👧");
    }
  });

  it("takes both regional indicators of a flag", () => {
    const flag = text.indexOf("🇫🇷");
    expect(coded(text, at(0, flag + 2), at(0, flag + 3))).toBe("🇫🇷");
  });

  it("takes a letter with its combining accent", () => {
    const decomposed = "cafe\u0301 au lait";
    expect(coded(decomposed, at(0, 0), at(0, 4))).toBe("cafe\u0301");
    expect(coded(decomposed, at(0, 4), at(0, 8))).toBe("e\u0301 au");
  });

  it("takes a Hangul syllable written as jamo whole", () => {
    const hangul = "\u1100\u1161\u11a8 \u1102\u1161";
    expect(selectionToRange(hangul, at(0, 1), at(0, 2))).toEqual({ start: 0, end: 3 });
  });

  it("ends every selection on character boundaries, whatever the offsets", () => {
    fc.assert(
      fc.property(answer, fc.nat(), fc.nat(), (text, a, b) => {
        const boundaries = graphemeBoundaries(text);
        const anchor = pointOfOffset(text, a % (text.length + 1));
        const focus = pointOfOffset(text, b % (text.length + 1));
        const range = selectionToRange(text, anchor, focus, { trimWhitespace: false });
        if (range === null) return;
        const raw = [offsetOfPoint(text, anchor), offsetOfPoint(text, focus)];
        expect(boundaries.has(range.start)).toBe(true);
        expect(boundaries.has(range.end)).toBe(true);
        expect(range.start).toBeLessThanOrEqual(Math.min(...raw));
        expect(range.end).toBeGreaterThanOrEqual(Math.max(...raw));
      }),
      { numRuns: 500 },
    );
  });
});

describe("snapping a stored range to whole characters", () => {
  it("moves the start back and the end forward, and leaves whole ranges alone", () => {
    const text = "a👍🏽b";
    expect(snapToGraphemes(text, 2, 4)).toEqual({ start: 1, end: 5 });
    expect(snapToGraphemes(text, 1, 5)).toEqual({ start: 1, end: 5 });
    expect(snapToGraphemes(text, 0, 6)).toEqual({ start: 0, end: 6 });
  });

  it("clamps offsets outside the text and puts them in order", () => {
    expect(snapToGraphemes("abc", 9, -2)).toEqual({ start: 0, end: 3 });
  });

  it("treats a Windows line break as one character", () => {
    expect(snapToGraphemes("a\r\nb", 2, 2)).toEqual({ start: 1, end: 3 });
  });
});

describe("whitespace at the edges of a selection is left out", () => {
  it("drops spaces a double-click or a sloppy drag picked up", () => {
    const text = "  we felt  safe  ";
    expect(coded(text, at(0, 0), at(0, text.length))).toBe("we felt  safe");
    expect(selectionToRange(text, at(0, 0), at(0, text.length))).toEqual({ start: 2, end: 15 });
  });

  it("drops line breaks and blank lines at the edges", () => {
    const text = "one\r\n\r\ntwo\n";
    expect(coded(text, at(0, 3), at(2, 0))).toBeNull();
    expect(coded(text, at(0, 2), at(2, 0))).toBe("e");
    expect(coded(text, at(1, 0), at(3, 0))).toBe("two");
    expect(coded(text, at(0, 3), at(3, 0))).toBe("two");
  });

  it("drops no-break spaces, tabs and zero-width spaces too", () => {
    expect(coded("\u00a0\tsafe\u200b ", at(0, 0), at(0, 8))).toBe("safe");
  });

  it("keeps the edges as selected when asked to", () => {
    const text = "  we felt safe\n";
    expect(coded(text, at(0, 0), at(1, 0), false)).toBe(text);
  });

  it("codes nothing when only whitespace was selected", () => {
    expect(selectionToRange("a   b", at(0, 1), at(0, 4))).toBeNull();
    expect(selectionToRange("a\n\nb", at(0, 1), at(2, 0))).toBeNull();
    expect(selectionToRange("a   b", at(0, 1), at(0, 4), { trimWhitespace: false })).toEqual({
      start: 1,
      end: 4,
    });
  });

  it("keeps a space that carries a combining mark, since it is a visible character", () => {
    expect(coded("a \u0301b", at(0, 1), at(0, 3))).toBe(" \u0301");
  });
});
