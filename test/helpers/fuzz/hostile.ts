/**
 * Text and bytes that have broken importers and parsers elsewhere: NUL, half a surrogate
 * pair, a megabyte in one cell, deep nesting, byte-order marks mid-text, invalid UTF-8,
 * spreadsheet formulas, bidi overrides. Kept small except where size is the point.
 */
import type { Prng } from "./prng.ts";

const MEGABYTE = 1 << 20;

export function hostileText(prng: Prng): string {
  switch (prng.int(0, 17)) {
    case 0:
      return "a\u0000b";
    case 1:
      return prng.pick(["\uD800", "x\uDFFFy", "\uDBFF\uDBFF", "🏠".slice(0, 1) + "end"]);
    case 2:
      return prng.pick(["x", "é", "🏠", " "]).repeat(MEGABYTE / 2);
    case 3:
      return "(".repeat(prng.int(1000, 20_000));
    case 4:
      return "<a>".repeat(prng.int(1000, 10_000));
    case 5:
      return "before\uFEFFafter";
    case 6:
      return prng.pick([
        "=1+1",
        '=HYPERLINK("http://example.test","x")',
        "+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "-2+3",
        "=A1",
      ]);
    case 7:
      return "\u202Eevil\u202C text \u200B\u200F";
    case 8:
      return "e\u0301".repeat(prng.int(10, 5000));
    case 9:
      return prng.pick(['"', '""', '"a""b', 'a"b', "\r", "\r\n\r\n", "\n", ";", ",", "\t", "|"]);
    case 10:
      return prng.pick(["", " ", "   \t ", "\u00a0", "\u3000"]);
    case 11:
      return prng.pick(["n/a", "-", ".", "N/A.", "no answer"]);
    case 12:
      return prng.pick(["__proto__", "constructor", "toString", "hasOwnProperty"]);
    case 13:
      return prng.pick(["a > b", ">", " > > ", "A>B>C>D>E>F>G>H>I>J>K>L>M>N>O>P>Q>R>S>T>U>V"]);
    case 14:
      return prng.pick(["&amp;", "&lt;x&gt;", "]]>", "<![CDATA[x]]>", "&#0;", "&#xD800;"]);
    case 15:
      return "line\u2028sep\u2029para\u0085next";
    case 16:
      return String.fromCharCode(...Array.from({ length: 64 }, () => prng.int(0, 0xffff)));
    default:
      return "word ".repeat(prng.int(1, 50_000));
  }
}

/** Byte runs that are not valid UTF-8, or valid but surprising (a BOM mid-file). */
export function hostileBytes(prng: Prng): Uint8Array {
  return Uint8Array.from(
    prng.pick([
      [0xff],
      [0xfe, 0xff],
      [0xc3],
      [0xed, 0xa0, 0x80],
      [0xc0, 0x80],
      [0xef, 0xbb, 0xbf],
      [0xf4, 0x90, 0x80, 0x80],
      [0x00],
      [0x80, 0x80, 0x80],
      [0x0d],
    ]),
  );
}
