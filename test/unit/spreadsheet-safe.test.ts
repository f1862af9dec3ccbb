import { describe, expect, it } from "vitest";
import { guardFormula, unguardFormula } from "../../shared/text/spreadsheet-safe.ts";

describe("cells a spreadsheet would run as formulas", () => {
  it("are written with an apostrophe in front, whatever starts them", () => {
    for (const text of ["=1+1", "+49 30 1234", "-5", "@SUM(A1)", "\tx", "\rx"]) {
      expect(guardFormula(text)).toBe(`'${text}`);
    }
  });

  it("leave every other text alone", () => {
    for (const text of ["Safety", "", " =1", "'quoted'", "e=mc2"]) {
      expect(guardFormula(text)).toBe(text);
    }
  });

  it("come back as they were when Cairn reads its own file", () => {
    for (const text of ['=HYPERLINK("x")', "-", "'=already", "plain", "'plain"]) {
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
  });
});
