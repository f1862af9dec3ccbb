import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../electron/core/export/spreadsheet/csv-sink.ts";
import { uniqueTitles } from "../../electron/core/export/spreadsheet/table.ts";
import { segmentSheetColumns } from "../../electron/core/export/spreadsheet/tables/segments.ts";

describe("CSV cells (RFC 4180)", () => {
  it("writes plain text and numbers bare, and nothing for an empty cell", () => {
    expect(csvLine(["R1", 3, 0.25, null, "Safety > Risk"])).toBe("R1,3,0.25,,Safety > Risk\r\n");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling quotes", () => {
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("one\ntwo")).toBe('"one\ntwo"');
    expect(csvCell("one\rtwo")).toBe('"one\rtwo"');
    expect(csvCell(" lead")).toBe('" lead"');
    expect(csvCell("trail ")).toBe('"trail "');
    expect(csvCell("mid dle")).toBe("mid dle");
  });
});

describe("column titles", () => {
  it("are made unique, ignoring case, for R and SPSS", () => {
    expect(uniqueTitles(["Respondent", "Country", "country", "Country"])).toEqual([
      "Respondent",
      "Country",
      "country (2)",
      "Country (3)",
    ]);
  });

  it("keep the Segments table's own columns when an attribute is named like one", () => {
    const titles = segmentSheetColumns(["Code", "respondent", "=Region"], 1, false).map(
      (column) => column.title,
    );
    expect(titles).toEqual([
      "Respondent",
      "Code (2)",
      "respondent (2)",
      "'=Region",
      "Question",
      "Code",
      "Level 1",
      "Coder",
      "Start",
      "End",
      "Coded text",
      "Memo",
      "Created",
    ]);
  });
});
