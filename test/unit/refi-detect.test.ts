/**
 * Which position convention a REFI-QDA file was written in, found by where its
 * selections fall: one word-boundary rule for detection, widening and the tests.
 */
import { describe, expect, it } from "vitest";
import {
  detectReading,
  explainWidened,
  isWordBoundary,
  widenToWords,
} from "../../shared/refi/position-detect.ts";
import { positionOfOffset } from "../../shared/refi/positions.ts";

/** Where `word` sits in `text` as UTF-16 offsets (end exclusive). */
function span(text: string, word: string): { start: number; end: number } {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" is not in the test text`);
  return { start, end: start + word.length };
}

/** The same span as positions counted in code points, CRLF as one or two. */
function inCodePoints(text: string, offsets: { start: number; end: number }, crlf: 1 | 2) {
  const position = (offset: number) => {
    const crlfsBefore = crlf === 1 ? (text.slice(0, offset).match(/\r\n/g) ?? []).length : 0;
    return positionOfOffset(text, offset, "codepoints") - crlfsBefore;
  };
  return { start: position(offsets.start), end: position(offsets.end) };
}

function inUtf16(text: string, offsets: { start: number; end: number }, crlf: 1 | 2) {
  const position = (offset: number) =>
    offset - (crlf === 1 ? (text.slice(0, offset).match(/\r\n/g) ?? []).length : 0);
  return { start: position(offsets.start), end: position(offsets.end) };
}

const TEXT =
  "Great 😀 service\r\nthe nurse 🙂 was kind\r\nparking 🚗 was awful 😡 really\r\n" +
  "would 👍 come back\r\nfinal words here";
const WORDS = ["kind", "awful", "really", "come back", "final", "words here"];

describe("detecting how a REFI-QDA file counts positions", () => {
  it("reads a file written as the standard says (code points, CRLF as two) that way", () => {
    const selections = WORDS.map((word) => inCodePoints(TEXT, span(TEXT, word), 2));
    const detected = detectReading([{ text: TEXT, selections }]);
    expect(detected.reading).toEqual({ unit: "codepoints", crlf: 2 });
    expect(detected.onWordBoundaries).toBe(6);
    expect(detected.explanation).toBe(
      "Unicode code points, as the standard says: 6 of 6 selections start and end on word boundaries",
    );
  });

  it("reads NVivo's UTF-16 code units as such, emoji counted twice", () => {
    const selections = WORDS.map((word) => inUtf16(TEXT, span(TEXT, word), 2));
    const detected = detectReading([{ text: TEXT, selections }]);
    expect(detected.reading).toEqual({ unit: "utf16", crlf: 2 });
    expect(detected.explanation).toBe(
      "UTF-16 code units, CRLF counted as 2 (as NVivo writes them): " +
        "6 of 6 selections start and end on word boundaries",
    );
  });

  it("reads ATLAS.ti's code points with a CRLF counted once", () => {
    const selections = WORDS.map((word) => inCodePoints(TEXT, span(TEXT, word), 1));
    const detected = detectReading([{ text: TEXT, selections }]);
    expect(detected.reading).toEqual({ unit: "codepoints", crlf: 1 });
    expect(detected.onWordBoundaries).toBe(6);
    expect(detected.explanation).toMatch(/^Unicode code points, CRLF counted as 1/);
  });

  it("reads UTF-16 units with a CRLF counted once when that is what fits", () => {
    const selections = WORDS.map((word) => inUtf16(TEXT, span(TEXT, word), 1));
    const detected = detectReading([{ text: TEXT, selections }]);
    expect(detected.reading).toEqual({ unit: "utf16", crlf: 1 });
    expect(detected.onWordBoundaries).toBe(6);
  });

  it("gives a tie to the standard: plain text reads the same every way", () => {
    const text = "plain words only\nno emoji no carriage returns";
    const selections = ["words", "no emoji"].map((word) => span(text, word));
    const detected = detectReading([{ text, selections }]);
    expect(detected.reading).toEqual({ unit: "codepoints", crlf: 2 });
    expect(detected.onWordBoundaries).toBe(2);
  });

  it("counts selections past the end or running backwards as misses", () => {
    const text = "short text";
    const detected = detectReading([
      {
        text,
        selections: [
          { start: 0, end: 5 },
          { start: 6, end: 99 },
          { start: 5, end: 0 },
        ],
      },
    ]);
    expect(detected.onWordBoundaries).toBe(1);
    expect(detected.selections).toBe(3);
  });

  it("adds up the selections of every source, and says so when there are none", () => {
    const a = { text: "one two", selections: [{ start: 0, end: 3 }] };
    const b = { text: "three four", selections: [{ start: 6, end: 10 }] };
    expect(detectReading([a, b]).onWordBoundaries).toBe(2);
    expect(detectReading([{ text: "x", selections: [] }]).explanation).toBe(
      "Unicode code points, as the standard says: there are no selections to check",
    );
  });

  it("takes well under a second for two long sources of 300 selections", () => {
    const line = "Ez egy hosszú 😀 megjegyzés, amit valaki írt\r\n";
    const text = line.repeat(14_000);
    const selections = Array.from({ length: 150 }, (_, i) => {
      const start = i * line.length * 90;
      return { start, end: start + 4 };
    });
    const started = performance.now();
    detectReading([
      { text, selections },
      { text, selections },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("what counts as a word boundary", () => {
  it("is either end of the text, or between a word and what is not a word", () => {
    const text = "héllo, wörld 42";
    expect([0, 5, 6, 7, 12, 13, 15].map((at) => isWordBoundary(text, at))).toEqual(
      Array(7).fill(true),
    );
    expect([1, 3, 8, 14].map((at) => isWordBoundary(text, at))).toEqual(Array(4).fill(false));
  });

  it("keeps an apostrophe or a connector inside a word, and a combining mark on its letter", () => {
    expect(isWordBoundary("don't", 3)).toBe(false);
    expect(isWordBoundary("don't", 4)).toBe(false);
    expect(isWordBoundary("snake_case", 5)).toBe(false);
    expect(isWordBoundary("'quoted'", 1)).toBe(true);
    expect(isWordBoundary("cafe\u0301 noir", 4)).toBe(false);
  });

  it("never falls inside an emoji's surrogate pair, but beside an emoji is a boundary", () => {
    const text = "a😀b";
    expect(isWordBoundary(text, 1)).toBe(true);
    expect(isWordBoundary(text, 2)).toBe(false);
    expect(isWordBoundary(text, 3)).toBe(true);
  });

  it("never splits what reads as one character: a skin tone, a flag, a CRLF", () => {
    const thumbs = "ok 👍🏽 fine";
    expect(isWordBoundary(thumbs, 5)).toBe(false); // between the hand and its tone
    expect(isWordBoundary(thumbs, 7)).toBe(true);
    const flag = "go 🇭🇺 now";
    expect(isWordBoundary(flag, 5)).toBe(false); // between the two regional indicators
    expect(isWordBoundary(flag, 7)).toBe(true);
    expect(isWordBoundary("one\r\ntwo", 4)).toBe(false);
    expect(isWordBoundary("one\r\ntwo", 3)).toBe(true);
    expect(isWordBoundary("one\r\ntwo", 5)).toBe(true);
  });
});

describe("widening a selection that begins or ends inside a word", () => {
  /** The span of `part` in `text`, moved by `startBy` and `endBy` units. */
  const span = (text: string, part: string, startBy = 0, endBy = 0) => {
    const start = text.indexOf(part);
    return [start + startBy, start + part.length + endBy] as const;
  };
  const widened = (text: string, [start, end]: readonly [number, number]) => {
    const { start: from, end: to } = widenToWords(text, start, end);
    return text.slice(from, to);
  };

  it("moves the start back and the end forward to the whole words", () => {
    const text = "Nagyon jó ötlet, köszönöm";
    expect(widened(text, span(text, "jó ötlet", 1, -2))).toBe("jó ötlet");
    expect(widened(text, span(text, "köszönöm", 3))).toBe("köszönöm");
    expect(widened(text, span(text, "jó ötlet"))).toBe("jó ötlet");
  });

  it("keeps a letter and its combining accent together", () => {
    const text = "un cafe\u0301 noir";
    // Ends between the e and its accent: the accent and nothing else joins it.
    expect(widened(text, span(text, "un cafe"))).toBe("un cafe\u0301");
    expect(widened(text, span(text, "e\u0301 noir", 1))).toBe("cafe\u0301 noir");
  });

  it("leaves edges beside emoji where they are, and never splits one", () => {
    const text = "szuper😀👍🏽 hír";
    expect(widened(text, span(text, "😀👍🏽 hír"))).toBe("😀👍🏽 hír");
    // An end between the hand and its skin tone moves past the tone.
    expect(widened(text, span(text, "per😀👍", 0))).toBe("szuper😀👍🏽");
    // A start inside the emoji's surrogate pair moves back to before the emoji.
    expect(widened(text, span(text, "😀", 1))).toBe("😀");
  });

  it("treats a CRLF as one line end: an edge between CR and LF moves out of it", () => {
    const text = "első sor\r\nmásodik sor";
    expect(widened(text, span(text, "sor\r", 0))).toBe("sor\r\n");
    expect(widened(text, span(text, "\nmás", 0, -1))).toBe("\r\nmásodik");
  });

  it("moves an edge in Chinese or Japanese text by no more than the character it splits", () => {
    const text = "我很喜欢这个服务，护士很好。";
    expect(widened(text, span(text, "喜欢这个"))).toBe("喜欢这个");
    expect(isWordBoundary("東京タワー", 2)).toBe(true);
  });

  it("keeps characters whole but does not swallow a run of letters far longer than a word", () => {
    const text = `start ${"a".repeat(5000)} end`;
    expect(widenToWords(text, 100, 200)).toEqual({ start: 100, end: 200 });
    const emoji = `${"😀".repeat(100)}`;
    expect(widenToWords(emoji, 101, 101)).toEqual({ start: 100, end: 102 });
  });

  it("keeps ends of the text and empty texts in range", () => {
    expect(widenToWords("szó", 1, 2)).toEqual({ start: 0, end: 3 });
    expect(widenToWords("", 0, 0)).toEqual({ start: 0, end: 0 });
  });

  it("is said after the reading's sentence", () => {
    expect(explainWidened("…: 300 of 303 on word boundaries", 3)).toBe(
      "…: 300 of 303 on word boundaries; 3 that began or ended inside a word were widened to whole words",
    );
    expect(explainWidened("…", 0)).toBe("…");
  });
});
