import { describe, expect, it } from "vitest";
import { highlightPieces, snapOffset, splitLines } from "../../shared/text/highlights.ts";

describe("splitting an answer into lines", () => {
  it("keeps each line's offsets in the whole text, whatever the line ending", () => {
    expect(splitLines("ab\ncd\r\nef\rg")).toEqual([
      { start: 0, end: 2, text: "ab" },
      { start: 3, end: 5, text: "cd" },
      { start: 7, end: 9, text: "ef" },
      { start: 10, end: 11, text: "g" },
    ]);
  });

  it("gives an empty answer one empty line, and keeps blank lines", () => {
    expect(splitLines("")).toEqual([{ start: 0, end: 0, text: "" }]);
    expect(splitLines("a\n\nb")).toEqual([
      { start: 0, end: 1, text: "a" },
      { start: 2, end: 2, text: "" },
      { start: 3, end: 4, text: "b" },
    ]);
  });
});

describe("highlighting coded segments", () => {
  it("maps a segment on one line to that line's offsets", () => {
    expect(
      highlightPieces("We stopped counting the calls.", [{ id: 1, start: 3, end: 19 }]),
    ).toEqual([{ line: 0, start: 3, end: 19, spanIds: [1] }]);
  });

  it("splits a segment over a line break into one piece per line, skipping the break", () => {
    const text = "First line\r\nsecond line";
    //           0123456789 0 1 2345678901...
    expect(highlightPieces(text, [{ id: 7, start: 6, end: 18 }])).toEqual([
      { line: 0, start: 6, end: 10, spanIds: [7] },
      { line: 1, start: 0, end: 6, spanIds: [7] },
    ]);
  });

  it("shows overlapping codes as pieces that list every segment over them", () => {
    // "safety planning with police": code A over 0..15, code B over 7..27
    const text = "safety planning with police";
    expect(
      highlightPieces(text, [
        { id: 1, start: 0, end: 15 },
        { id: 2, start: 7, end: 27 },
      ]),
    ).toEqual([
      { line: 0, start: 0, end: 7, spanIds: [1] },
      { line: 0, start: 7, end: 15, spanIds: [1, 2] },
      { line: 0, start: 15, end: 27, spanIds: [2] },
    ]);
  });

  it("covers an emoji at either edge of the answer whole", () => {
    const text = "👍 great network 🙏";
    expect(text.length).toBe(19);
    expect(highlightPieces(text, [{ id: 1, start: 0, end: 19 }])).toEqual([
      { line: 0, start: 0, end: 19, spanIds: [1] },
    ]);
    // Offsets that cut an emoji in half are widened to take the whole emoji.
    expect(highlightPieces(text, [{ id: 2, start: 1, end: 18 }])).toEqual([
      { line: 0, start: 0, end: 19, spanIds: [2] },
    ]);
  });

  it("ignores segments that are empty or outside the text", () => {
    expect(
      highlightPieces("abc", [
        { id: 1, start: 2, end: 2 },
        { id: 2, start: 5, end: 9 },
      ]),
    ).toEqual([]);
    expect(highlightPieces("abc", [{ id: 3, start: -4, end: 99 }])).toEqual([
      { line: 0, start: 0, end: 3, spanIds: [3] },
    ]);
  });

  it("snaps an offset inside a surrogate pair outward", () => {
    const text = "a😀b";
    expect(snapOffset(text, 2, "start")).toBe(1);
    expect(snapOffset(text, 2, "end")).toBe(3);
    expect(snapOffset(text, 3, "end")).toBe(3);
  });
});
