/** REFI-QDA positions (code points or UTF-16 units, CRLF as one or two) and Cairn's offsets. */
import { describe, expect, it } from "vitest";
import {
  ALL_READINGS,
  offsetOfPosition,
  positionOffsets,
  positionOfOffset,
  STANDARD_READING,
} from "../../shared/refi/positions.ts";

const EMOJI = "Safe 😀 here\r\nand 👍🏽 there";

/** Every UTF-16 offset that does not split a surrogate pair. */
function boundaries(text: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const char of text) offsets.push((at += char.length));
  return offsets;
}

describe("REFI-QDA positions", () => {
  it("counts an emoji as one code point and two UTF-16 units", () => {
    const text = "a😀b";
    expect(positionOfOffset(text, 3, "codepoints")).toBe(2);
    expect(positionOfOffset(text, 3, "utf16")).toBe(3);
    expect(positionOfOffset(text, 4, "codepoints")).toBe(3);
  });

  it("counts a CRLF as two positions, as the standard does", () => {
    const text = "one\r\ntwo";
    expect(positionOfOffset(text, 5, "codepoints")).toBe(5);
    expect(Array.from(positionOffsets(text, STANDARD_READING))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(Array.from(positionOffsets(text, { unit: "codepoints", crlf: 1 }))).toEqual([
      0, 1, 2, 3, 5, 6, 7, 8,
    ]);
  });

  it("reads UTF-16 positions as the offsets themselves", () => {
    const offsets = positionOffsets(EMOJI, { unit: "utf16", crlf: 2 });
    expect(Array.from(offsets)).toEqual(Array.from({ length: EMOJI.length + 1 }, (_, i) => i));
    for (let at = 0; at <= EMOJI.length; at++)
      expect(positionOfOffset(EMOJI, at, "utf16")).toBe(at);
  });

  it("slices the same text by code points as Cairn does by UTF-16 offsets", () => {
    const chars = Array.from(EMOJI);
    for (const start of boundaries(EMOJI)) {
      for (const end of boundaries(EMOJI).filter((e) => e >= start)) {
        const from = positionOfOffset(EMOJI, start, "codepoints");
        const to = positionOfOffset(EMOJI, end, "codepoints");
        expect(chars.slice(from, to).join("")).toBe(EMOJI.slice(start, end));
      }
    }
  });

  it("maps positions back to the offsets they came from, under the standard reading", () => {
    for (const unit of ["codepoints", "utf16"] as const) {
      const offsets = positionOffsets(EMOJI, { unit, crlf: 2 });
      for (const offset of boundaries(EMOJI)) {
        expect(offsetOfPosition(offsets, positionOfOffset(EMOJI, offset, unit))).toBe(offset);
      }
    }
  });

  it("has one offset per position, ascending, ending at the text's length, for every reading", () => {
    for (const reading of ALL_READINGS) {
      const offsets = Array.from(positionOffsets(EMOJI, reading));
      expect(offsets[0]).toBe(0);
      expect(offsets.at(-1)).toBe(EMOJI.length);
      for (let p = 1; p < offsets.length; p++) {
        expect(offsets[p]).toBeGreaterThan(offsets[p - 1] ?? -1);
      }
    }
  });

  it("answers null for a position past the end, negative or not whole", () => {
    const offsets = positionOffsets("abc", STANDARD_READING);
    expect(offsetOfPosition(offsets, 3)).toBe(3);
    expect(offsetOfPosition(offsets, 4)).toBeNull();
    expect(offsetOfPosition(offsets, -1)).toBeNull();
    expect(offsetOfPosition(offsets, 1.5)).toBeNull();
  });

  it("counts an offset inside a surrogate pair as after the pair", () => {
    expect(positionOfOffset("a😀b", 2, "codepoints")).toBe(2);
  });

  it("counts a lone surrogate as one code point", () => {
    const text = "a\ud800b";
    expect(positionOfOffset(text, 3, "codepoints")).toBe(3);
    expect(Array.from(positionOffsets(text, STANDARD_READING))).toEqual([0, 1, 2, 3]);
  });
});
