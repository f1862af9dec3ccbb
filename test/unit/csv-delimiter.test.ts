import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "../../electron/core/import/sources/csv.ts";

describe("telling which delimiter separates the cells of a survey export", () => {
  it("reads a short two-column file with semicolons (European Excel) as such", () => {
    expect(sniffDelimiter("id;answer\r\nR1;Yes, we do\r\nR2;No\r\n", "a.csv")).toBe(";");
  });

  it("reads a short two-column file with tabs as such, commas in the answers aside", () => {
    expect(sniffDelimiter("id\tanswer\nR1\tA, b and c\n", "a.tsv")).toBe("\t");
  });

  it("still reads commas where the rows split evenly on them", () => {
    expect(sniffDelimiter('id,answer,country\nR1,"Yes; we do",IE\n', "a.csv")).toBe(",");
  });
});
