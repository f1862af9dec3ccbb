import { describe, expect, it } from "vitest";
import { formatCellAsDisplayed as shown } from "../../shared/import/cell-format.ts";

/** Readers hand over a date cell's wall-clock time as a UTC Date. */
const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s));

describe("a number in the General format reads as Excel shows it", () => {
  it("whole numbers as they are, respondent ids and phone numbers included", () => {
    expect(shown(42, "General")).toBe("42");
    expect(shown(-7, undefined)).toBe("-7");
    expect(shown(4915112345678, "General")).toBe("4915112345678");
  });

  it("fractions to 11 significant digits, without floating-point noise", () => {
    expect(shown(0.1 + 0.2, "General")).toBe("0.3");
    expect(shown(1 / 3, "General")).toBe("0.33333333333");
    expect(shown(-2.5, null)).toBe("-2.5");
  });

  it("tiny and huge numbers in Excel's scientific notation", () => {
    expect(shown(1.5e-7, "General")).toBe("1.5E-07");
    expect(shown(1e21, "General")).toBe("1E+21");
  });
});

describe("a number format places digits, separators and signs", () => {
  it("rounds to the decimals asked for, half away from zero on the digits a user sees", () => {
    expect(shown(1234.5678, "0")).toBe("1235");
    expect(shown(1234.5678, "0.00")).toBe("1234.57");
    expect(shown(1.005, "0.00")).toBe("1.01");
    expect(shown(-2.5, "0")).toBe("-3");
  });

  it("groups thousands", () => {
    expect(shown(1234567.891, "#,##0")).toBe("1,234,568");
    expect(shown(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(shown(-1234.5, "#,##0.00")).toBe("-1,234.50");
    expect(shown(12, "#,##0")).toBe("12");
  });

  it("shows percentages", () => {
    expect(shown(0.125, "0%")).toBe("13%");
    expect(shown(0.125, "0.0%")).toBe("12.5%");
    expect(shown(-0.05, "0%")).toBe("-5%");
  });

  it("keeps optional digits only when they are not zero", () => {
    expect(shown(2.5, "0.0#")).toBe("2.5");
    expect(shown(2.567, "0.0#")).toBe("2.57");
    expect(shown(0.5, ".00")).toBe(".50");
  });

  it("shows literal text, currency signs and escapes around the number", () => {
    expect(shown(1234.5, '"$"#,##0.00')).toBe("$1,234.50");
    expect(shown(1234.5, "[$€-407] #,##0.00")).toBe("€ 1,234.50");
    expect(shown(3.5, '0.0" kg"')).toBe("3.5 kg");
    expect(shown(3.5, "0.0\\ \\k\\g")).toBe("3.5 kg");
  });

  it("scales by a thousand for each trailing comma", () => {
    expect(shown(1500000, '#,##0.0,,"M"')).toBe("1.5M");
    expect(shown(25300, '0,"k"')).toBe("25k");
  });

  it("uses the second section for negatives and the third for zero, colours ignored", () => {
    expect(shown(-1234.5, "#,##0.00;[Red](#,##0.00)")).toBe("(1,234.50)");
    expect(shown(1234.5, "#,##0.00;[Red](#,##0.00)")).toBe("1,234.50");
    expect(shown(0, '0;-0;"none"')).toBe("none");
  });

  it("drops the padding that only aligns a column", () => {
    expect(shown(1234.5, "#,##0_);(#,##0)")).toBe("1,235");
    expect(shown(-1234.5, "#,##0_);(#,##0)")).toBe("(1,235)");
  });

  it("writes scientific notation", () => {
    expect(shown(12345, "0.00E+00")).toBe("1.23E+04");
    expect(shown(0.000123, "0.0E+00")).toBe("1.2E-04");
  });

  it("shows a number as text in the text format", () => {
    expect(shown(42, "@")).toBe("42");
    expect(shown(0.5, "@")).toBe("0.5");
  });

  it("falls back to General for formats it does not place, such as fractions", () => {
    expect(shown(1.5, "# ?/?")).toBe("1.5");
  });
});

describe("a date reads in its format's codes", () => {
  const friday = at(2024, 1, 5, 14, 7, 9);

  it("years, months and days, as numbers and names", () => {
    expect(shown(friday, "yyyy-mm-dd")).toBe("2024-01-05");
    expect(shown(friday, "dd/mm/yy")).toBe("05/01/24");
    expect(shown(friday, "d.m.yyyy")).toBe("5.1.2024");
    expect(shown(friday, "d mmmm yyyy")).toBe("5 January 2024");
    expect(shown(friday, "dddd, mmm d, yyyy")).toBe("Friday, Jan 5, 2024");
    expect(shown(friday, "ddd d mmm")).toBe("Fri 5 Jan");
    expect(shown(friday, "mmmmm")).toBe("J");
  });

  it("m is minutes after hours or before seconds, else the month", () => {
    expect(shown(friday, "dd/mm/yyyy hh:mm:ss")).toBe("05/01/2024 14:07:09");
    expect(shown(friday, "h:mm")).toBe("14:07");
    expect(shown(friday, "mm:ss")).toBe("07:09");
    expect(shown(friday, "m/d/yyyy h:mm")).toBe("1/5/2024 14:07");
  });

  it("12-hour clock with AM/PM", () => {
    expect(shown(friday, "h:mm AM/PM")).toBe("2:07 PM");
    expect(shown(at(2024, 1, 5, 0, 30), "hh:mm am/pm")).toBe("12:30 am");
    expect(shown(at(2024, 1, 5, 9, 5), "h:mm A/P")).toBe("9:05 A");
  });

  it("literal text in quotes and after backslashes, locale prefixes ignored", () => {
    expect(shown(friday, 'yyyy"年"m"月"d"日"')).toBe("2024年1月5日");
    expect(shown(friday, "hh\\h mm")).toBe("14h 07");
    expect(shown(friday, "[$-409]mmmm d, yyyy;@")).toBe("January 5, 2024");
    expect(shown(friday, "[$-F800]dddd\\, mmmm dd\\, yyyy")).toBe("Friday, January 05, 2024");
  });

  it("rounds to whole seconds, as Excel does", () => {
    expect(shown(new Date(Date.UTC(2024, 0, 5, 10, 29, 59, 999)), "hh:mm:ss")).toBe("10:30:00");
  });

  it("shows a locale's short date (exceljs calls it mm-dd-yy) as an ISO date", () => {
    expect(shown(friday, "mm-dd-yy")).toBe("2024-01-05");
    expect(shown(friday, 'm/d/yy "h":mm')).toBe("2024-01-05 14:07");
  });

  it("falls back to ISO when the format has no date codes", () => {
    expect(shown(at(2024, 1, 5), "General")).toBe("2024-01-05");
    expect(shown(at(2024, 1, 5, 14, 7), undefined)).toBe("2024-01-05 14:07");
    expect(shown(friday, "0.00")).toBe("2024-01-05 14:07:09");
  });

  it("formats a serial day number with a date format (formula results arrive so)", () => {
    expect(shown(45306, "yyyy-mm-dd")).toBe("2024-01-15");
    expect(shown(45306.75, "d.m.yyyy h:mm")).toBe("15.1.2024 18:00");
    expect(shown(0.5, "hh:mm")).toBe("12:00");
    expect(shown(1.5, "[h]:mm")).toBe("36:00");
  });

  it("an invalid date shows nothing", () => {
    expect(shown(new Date(Number.NaN), "yyyy-mm-dd")).toBe("");
  });
});

describe("other kinds of cells", () => {
  it("empty cells are empty text", () => {
    expect(shown(null, "0.00")).toBe("");
    expect(shown(undefined, undefined)).toBe("");
  });

  it("text stays exactly as typed, line breaks and all", () => {
    expect(shown("first line\nsecond line", "General")).toBe("first line\nsecond line");
    expect(shown("0042", "@")).toBe("0042");
    expect(shown("Привет 👋", undefined)).toBe("Привет 👋");
  });

  it("booleans read TRUE and FALSE", () => {
    expect(shown(true, "General")).toBe("TRUE");
    expect(shown(false, undefined)).toBe("FALSE");
  });

  it("rich text is its runs, joined", () => {
    const value = { richText: [{ text: "Very ", font: { bold: true } }, { text: "good" }] };
    expect(shown(value, undefined)).toBe("Very good");
  });

  it("a formula shows its cached result in the cell's format", () => {
    expect(shown({ formula: "B2/C2", result: 0.25 }, "0%")).toBe("25%");
    expect(shown({ sharedFormula: "D2", result: 45306 }, "yyyy-mm-dd")).toBe("2024-01-15");
    expect(shown({ formula: "A1&B1", result: "ab" }, undefined)).toBe("ab");
    expect(shown({ formula: "1/0", result: { error: "#DIV/0!" } }, undefined)).toBe("#DIV/0!");
    expect(shown({ formula: "A1" }, "0")).toBe("");
  });

  it("a hyperlink shows its text", () => {
    expect(shown({ text: "Cairn", hyperlink: "https://example.org" }, undefined)).toBe("Cairn");
  });

  it("an error shows its code", () => {
    expect(shown({ error: "#N/A" }, undefined)).toBe("#N/A");
  });
});
