import { describe, expect, it } from "vitest";
import { toTsv } from "../../renderer/src/tally/tsv.ts";

describe("copying a table for a spreadsheet", () => {
  it("writes a header line, then one tab-separated line per row", () => {
    expect(
      toTsv({
        header: ["Code", "Respondents", "% of answered"],
        rows: [
          ["Victim safety", 9, "64%"],
          ["Victim safety > Risk assessment", 5, "36%"],
        ],
      }),
    ).toBe(
      "Code\tRespondents\t% of answered\n" +
        "Victim safety\t9\t64%\n" +
        "Victim safety > Risk assessment\t5\t36%",
    );
  });

  it("turns tabs and line breaks inside a cell into spaces, so cells and rows stay put", () => {
    expect(
      toTsv({ header: ["Value", "n"], rows: [["Dublin\tNorth\r\nand\nSouth\rside", 3]] }),
    ).toBe("Value\tn\nDublin North and South side\t3");
  });

  it("leaves an empty cell for a missing figure", () => {
    expect(toTsv({ header: ["a", "b", "c"], rows: [[null, undefined, 0]] })).toBe("a\tb\tc\n\t\t0");
  });

  it("keeps a code named like a formula from running in the spreadsheet", () => {
    expect(toTsv({ header: ["Code"], rows: [["=HYPERLINK(1)"], ["-"]] })).toBe(
      "Code\n'=HYPERLINK(1)\n'-",
    );
  });
});
