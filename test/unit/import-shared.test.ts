import { describe, expect, it } from "vitest";
import {
  detectAnswerStatus,
  nonResponseSet,
  normaliseAnswerText,
} from "../../shared/answers/status.ts";
import { codeNameKey, codePathKey } from "../../shared/codes/names.ts";
import { paletteColor } from "../../shared/codes/palette.ts";
import { parseCodeCell } from "../../shared/import/code-cells.ts";
import { uniqueColumnNames } from "../../shared/import/columns.ts";
import { detectEncoding, isUtf8, parseEncoding } from "../../shared/import/encoding.ts";
import { guessMapping } from "../../shared/import/guess.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("telling a file's encoding", () => {
  it("believes a byte order mark", () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({
      encoding: "utf-8",
      bomLength: 3,
    });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x41, 0))).toEqual({
      encoding: "utf-16le",
      bomLength: 2,
    });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x41))).toEqual({
      encoding: "utf-16be",
      bomLength: 2,
    });
  });

  it("spots UTF-16 without a mark by its zero bytes", () => {
    expect(
      detectEncoding(new Uint8Array(Buffer.from("id,answer\nR1,yes", "utf16le"))).encoding,
    ).toBe("utf-16le");
    expect(
      detectEncoding(new Uint8Array(Buffer.from("id,answer\nR1,yes", "utf16le").swap16())).encoding,
    ).toBe("utf-16be");
  });

  it("takes well-formed UTF-8 as UTF-8 and anything else as Windows-1252", () => {
    expect(detectEncoding(new Uint8Array(Buffer.from("Ünïcödé 💪 Кризис"))).encoding).toBe("utf-8");
    expect(detectEncoding(new Uint8Array(Buffer.from("café au lait", "latin1"))).encoding).toBe(
      "windows-1252",
    );
  });

  it("does not blame a sample for a character cut off at its end", () => {
    const euro = Buffer.from("50 €");
    expect(isUtf8(new Uint8Array(euro.subarray(0, euro.length - 1)))).toBe(true);
    expect(isUtf8(bytes(0xc3, 0x28))).toBe(false);
    expect(isUtf8(bytes(0xc0, 0x80))).toBe(false); // overlong
  });

  it("understands the names users type", () => {
    expect(parseEncoding("UTF8")).toBe("utf-8");
    expect(parseEncoding("latin1")).toBe("windows-1252");
    expect(parseEncoding("cp1252")).toBe("windows-1252");
    expect(parseEncoding("ebcdic")).toBeNull();
  });
});

describe("answer text and status", () => {
  it("keeps inner line breaks as LF and trims only the ends", () => {
    expect(normaliseAnswerText("  first line\r\n  second\rthird  \r\n")).toBe(
      "first line\n  second\nthird",
    );
  });

  it("uses the user's own placeholder list, compared without case, spacing or final dots", () => {
    const list = nonResponseSet(["Nothing to add", "-"]);
    expect(detectAnswerStatus("nothing  to add.", list)).toBe("non_response");
    expect(detectAnswerStatus("n/a", list)).toBe("answered");
    expect(detectAnswerStatus(" \n ", list)).toBe("empty");
  });
});

describe("code names from spreadsheet cells", () => {
  const format = { delimiter: ";", separator: ">" };

  it("splits codes and sub-codes, dropping blanks and repeats", () => {
    expect(parseCodeCell("Safety > Risk; Support;; safety>risk ;\nHousing", format)).toEqual([
      ["Safety", "Risk"],
      ["Support"],
      ["Housing"],
    ]);
  });

  it("takes another delimiter and a multi-character separator", () => {
    expect(parseCodeCell("Safety->Risk | Support", { delimiter: "|", separator: "->" })).toEqual([
      ["Safety", "Risk"],
      ["Support"],
    ]);
  });

  it("compares names without case and spacing", () => {
    expect(codeNameKey("  Victims'   safety ")).toBe(codeNameKey("victims' safety"));
    expect(codePathKey(["A", "B"])).not.toBe(codePathKey(["A B"]));
  });

  it("gives new codes palette colours in turn", () => {
    expect(paletteColor(0)).toMatch(/^#[0-9a-f]{6}$/);
    expect(paletteColor(12)).toBe(paletteColor(0));
    expect(new Set(Array.from({ length: 12 }, (_, i) => paletteColor(i))).size).toBe(12);
  });
});

describe("column names from a header row", () => {
  it("names blank headers and tells repeated ones apart", () => {
    expect(
      uniqueColumnNames(["ID", " ", "Other (please specify)", "other (please specify)"]),
    ).toEqual(["ID", "Column 2", "Other (please specify)", "other (please specify) (2)"]);
  });
});

describe("guessing the mapping", () => {
  const columns = [
    "Submitted",
    "Respondent",
    "Country",
    "What works well?",
    "Why?",
    "Code 1",
    "Themes",
  ];
  const rows = [
    [
      "2026-01-02",
      "R1",
      "Ireland",
      "Shelters with trained staff and a hotline at night",
      "Because it is open",
      "Safety",
      "a; b",
    ],
    [
      "2026-01-02",
      "R2",
      "Malta",
      "Nothing really works in our region at the moment",
      "n/a",
      "",
      "",
    ],
    [
      "2026-01-03",
      "R3",
      "Ireland",
      "Police liaison officers who know the families",
      "Training",
      "Police",
      "",
    ],
  ];

  it("finds the id, the open questions, the attributes and the code columns", () => {
    const guess = guessMapping({ columns, rows, coder: "Ann" });
    expect(guess.idColumn).toBe("Respondent");
    expect(guess.questions.map((q) => q.column)).toEqual(["What works well?", "Why?"]);
    expect(guess.attributeColumns).toEqual(["Submitted", "Country"]);
    expect(guess.codeColumns).toEqual([
      { column: "Code 1", question: "Why?", coder: "Ann" },
      { column: "Themes", question: "Why?", coder: "Ann" },
    ]);
  });

  it("prefers a Word form's id field to the file name", () => {
    const guess = guessMapping({
      columns: ["File", "Respondent ID", "Q1"],
      rows: [
        ["form-a", "R7", "Training"],
        ["form-b", "R9", "Refuges"],
      ],
      questionTexts: new Map([["Q1", "What should change?"]]),
    });
    expect(guess.idColumn).toBe("Respondent ID");
    expect(guess.questions).toEqual([{ column: "Q1", label: "Q1", text: "What should change?" }]);
  });

  it("recognises one row per answer: a repeating id, a column naming the question", () => {
    const guess = guessMapping({
      columns: ["Respondent ID", "Trust", "FFT question", "FFT answer", "Sentiment"],
      rows: [
        ["P1", "NEAS", "FFT Why?", "Staff were kind and the ambulance came quickly", "positive"],
        ["P1", "NEAS", "What could we do better?", "Nothing, it was all fine", "neutral"],
        ["P2", "LPT", "FFT Why?", "Waited four hours for a bed on the ward", "negative"],
        ["P2", "LPT", "What could we do better?", "Tell people how long the wait is", "negative"],
      ],
    });
    expect(guess).toMatchObject({
      idColumn: "Respondent ID",
      long: { questionColumn: "FFT question", answerColumn: "FFT answer" },
      questions: [],
      attributeColumns: ["Trust"],
    });
  });

  it("numbers the rows when no column can be the id", () => {
    const guess = guessMapping({
      columns: ["Country", "Comment?"],
      rows: [
        ["IE", "x"],
        ["IE", "y"],
      ],
    });
    expect(guess.idColumn).toBeNull();
  });
});
