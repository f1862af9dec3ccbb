/**
 * Each table alone as CSV, read back with papaparse: UTF-8 with a BOM for Excel (or
 * without for R), quoting that round-trips commas, quotes and line breaks, formula
 * guards, numbers as numbers, and the tidy frequencies table that carries its context.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { tallyOf } from "../../electron/core/tally/tally-service.ts";
import { unguardFormula } from "../../shared/text/spreadsheet-safe.ts";
import { EXPORT_TEXTS } from "../helpers/export-project.ts";
import { codePointSlice, exportOf, readCsv, useExportProject } from "./export-read.ts";

const open = useExportProject();

describe("a table as CSV", () => {
  it("starts with a byte-order mark unless asked not to, and ends lines with CRLF", async () => {
    const { db, dir } = await open();
    const withBom = join(dir, "codebook.csv");
    const report = await exportOf(db, { format: "csv", path: withBom, table: "codebook" });
    expect(report).toMatchObject({ format: "csv", coding: "all coders, merged", refi: null });
    expect(report.sheets).toEqual([{ name: "Codebook", rows: 6 }]);
    const read = readCsv(withBom);
    expect([...read.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(read.bytes.toString("utf8")).toMatch(/^\uFEFFPath,Level,Name,Colour,.*\r\nSafety,1,/);
    const plain = join(dir, "plain.csv");
    await exportOf(db, { format: "csv", path: plain, table: "codebook", bom: false });
    const bytes = readCsv(plain).bytes;
    expect(bytes.subarray(0, 4).toString("utf8")).toBe("Path");
    expect(bytes.toString("utf8").split("\r\n")).toHaveLength(8);
  });

  it("quotes commas, quotes and line breaks so the segments come back whole", async () => {
    const { db, dir } = await open();
    const path = join(dir, "segments.csv");
    await exportOf(db, { format: "csv", path, table: "segments", wholeAnswer: true });
    const { rows, fields } = readCsv(path);
    expect(fields).toEqual([
      "Respondent",
      "Country",
      "Type",
      "Question",
      "Code",
      "Level 1",
      "Level 2",
      "Coder",
      "Start",
      "End",
      "Coded text",
      "Answer",
      "Memo",
      "Created",
    ]);
    const total = db.prepare("SELECT count(*) FROM segments").pluck().get();
    expect(rows).toHaveLength(total as number);
    for (const row of rows) {
      const answer = unguardFormula(row.Answer!);
      expect(Object.values(EXPORT_TEXTS)).toContain(answer);
      expect(unguardFormula(row["Coded text"]!)).toBe(
        codePointSlice(answer, Number(row.Start), Number(row.End)),
      );
    }
    const quoted = rows.find((row) => row.Respondent === "R4" && row.Question === "Q2")!;
    expect(quoted["Coded text"]).toBe('Lighting, "quoted" words\nand');
    expect(quoted.Answer).toBe(EXPORT_TEXTS["R4/Q2"]);
    const text = readCsv(path).bytes.toString("utf8");
    expect(text).toContain('"Lighting, ""quoted"" words\nand"');
    // Numbers bare, text guarded.
    expect(text).toMatch(/,Anna,7,18,safe 😀 here,/);
    expect(rows.some((row) => row["Coded text"] === "'-")).toBe(true);
    expect(rows.some((row) => row.Answer === `'=HYPERLINK("http://example.com","click")`)).toBe(
      true,
    );
    expect(rows.some((row) => row.Memo === "'\tstarts with a tab")).toBe(true);
    expect(rows.some((row) => row.Memo === "'\r=1+1")).toBe(true);
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell ?? ""))).toEqual([]);
  });

  it("writes the frequencies as one tidy table whose rows carry the coding and filter", async () => {
    const { db, dir, project } = await open();
    const path = join(dir, "frequencies.csv");
    const filter = [{ name: "Country", values: ["Ireland", "France"] }];
    const coding = { kind: "coder", coderId: project.coder("Ben") };
    const report = await exportOf(db, {
      format: "csv",
      path,
      table: "frequencies",
      filter,
      coding,
    });
    expect(report.filter).toBe("Country = Ireland or France; 4 of 5");
    const { rows, fields } = readCsv(path);
    expect(fields).toEqual([
      "Coding",
      "Filter",
      "Question",
      "Question text",
      "Answered",
      "Code",
      "Level",
      "Respondents",
      "Share of answered",
      "Segments",
      "Share of segments",
    ]);
    const tally = tallyOf(db, { coderId: project.coder("Ben"), attributes: filter });
    const expected = [
      ...tally.questions.flatMap((q) =>
        q.codes.map((code) => [q.label, q.text, q.answered, code] as const),
      ),
      ...tally.overall.codes.map(
        (code) => ["All questions", "", tally.overall.answered, code] as const,
      ),
    ];
    expect(rows).toHaveLength(expected.length);
    expected.forEach(([question, questionText, answered, code], i) => {
      const row = rows[i]!;
      expect(row).toMatchObject({
        Coding: "Ben",
        Filter: "Country = Ireland or France",
        Question: question,
        "Question text": questionText,
        Answered: String(answered),
        Code: code.path.join(" > ").replace(/^=/, "'="),
        Level: String(code.path.length),
        Respondents: String(code.nRespondents),
        Segments: String(code.nSegments),
      });
      expect(Number(row["Share of answered"])).toBe(code.pctOfAnswered);
      expect(Number(row["Share of segments"])).toBe(code.pctOfSegments);
    });
  });

  it("writes the matrix with numbers for SPSS and R", async () => {
    const { db, dir } = await open();
    const path = join(dir, "matrix.csv");
    await exportOf(db, {
      format: "csv",
      path,
      table: "matrix",
      matrix: "counts",
      matrixColumns: "question-code",
      bom: false,
    });
    const { rows, fields } = readCsv(path);
    expect(fields.slice(0, 3)).toEqual(["Respondent", "Country", "Type"]);
    expect(rows.map((row) => row.Respondent)).toEqual(["R1", "R2", "R3", "R4", "R5"]);
    // R1: Safety > Risk and > Lighting in Q1 by Anna, Ben and the consensus (all coders).
    expect(rows[0]).toMatchObject({
      "Q1: Safety": "6",
      "Q1: Safety > Risk": "3",
      "Q1: Safety > Lighting": "3",
      "Q2: Transport": "3",
    });
    expect(rows[2]).toMatchObject({
      Type: "'@org",
      "Q1: =Formula": "2",
      "Q1: =Formula > @Mention": "1",
    });
  });
});
