import { describe, expect, it } from "vitest";
import { exactCodeMatch } from "../../shared/codes/fuzzy.ts";
import { codeNameKey, codePathKey } from "../../shared/codes/names.ts";

// "é" typed as one character (NFC, most keyboards) and as "e" plus a combining acute
// accent (NFD: macOS file names, some exports) looks the same on screen.
const COMPOSED = "Sécurité";
const DECOMPOSED = "Se\u0301curite\u0301";

describe("a code name with accents typed either way", () => {
  it("has one key, whatever the keyboard produced", () => {
    expect(COMPOSED).not.toBe(DECOMPOSED);
    expect(codeNameKey(DECOMPOSED)).toBe(codeNameKey(COMPOSED));
    expect(codePathKey(["Support", DECOMPOSED])).toBe(codePathKey(["Support", COMPOSED]));
  });

  it("still tells apart names that differ by an accent, and keeps case and spacing aside", () => {
    expect(codeNameKey("Securite")).not.toBe(codeNameKey(COMPOSED));
    expect(codeNameKey("  SÉCURITÉ   financière ")).toBe(codeNameKey("sécurité financière"));
  });

  it("lets the quick picker apply the existing code instead of offering to create a twin", () => {
    const candidates = [
      { id: 2, path: ["Support", "Securite"] },
      { id: 1, path: ["Support", COMPOSED] },
    ];
    expect(exactCodeMatch(`support > ${DECOMPOSED}`, candidates)).toBe(1);
  });
});
