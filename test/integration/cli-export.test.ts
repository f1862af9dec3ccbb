/**
 * `cairn export`: a report author takes the coded tables out as a workbook or one CSV
 * table, or the whole project as REFI-QDA, choosing the coder, the matrix's shape and
 * the respondents by flags. The files are read back and checked against the project.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExportJson } from "../../electron/core/cli/export-output.ts";
import { bundledMigrations } from "../../electron/core/db/migrations.ts";
import { ProjectSession } from "../../electron/core/services/project-session.ts";
import { cairnInProcess as run, cairnJson } from "../helpers/cli.ts";
import { exportProject, type ExportProject } from "../helpers/export-project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { expectValidExport } from "../helpers/xmllint.ts";

const tempDir = useTempDir();
let project: ExportProject;
let dir: string;

beforeAll(async () => {
  // Exports only read the project: one survey serves every test.
  dir = mkdtempSync(join(tmpdir(), "cairn-cli-export-"));
  project = await exportProject(dir);
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A count from the project, read with plain SQL. */
function count(sql: string, ...params: unknown[]): number {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(project.path);
  try {
    return session
      .db()
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  } finally {
    session.close();
  }
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** The rows below a sheet's header (the frozen row: the notes stating the filter sit above it). */
function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const header = (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 1;
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, n) => {
    if (n > header) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

describe("cairn export to a workbook", () => {
  it("writes every sheet that has data, all coders merged, and reports it as JSON", async () => {
    const out = join(tempDir(), "survey.xlsx");
    const report = await cairnJson<ExportJson>("export", project.path, out);
    expect(Object.keys(report).sort()).toEqual(
      ["bytes", "coding", "format", "path", "refi", "sheets"].sort(),
    );
    expect(report).toMatchObject({ path: out, format: "xlsx", refi: null });
    expect(report.bytes).toBeGreaterThan(0);
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Segments", "Matrix", "Frequencies", "Codebook"]),
    );
    // Every coder's passages (the consensus coder is a coder too).
    const allSegments = count("SELECT count(*) FROM segments");
    expect(report.sheets.find((sheet) => sheet.name === "Segments")!.rows).toBe(allSegments);

    const book = await workbook(out);
    expect(dataRows(book.getWorksheet("Segments")!)).toHaveLength(allSegments);
    // The codebook's counts are the project's: Transport's segments and respondents.
    const transport = dataRows(book.getWorksheet("Codebook")!).find(
      (row) => row[0] === "Transport",
    )!;
    const segmentsOf =
      "FROM segments s JOIN codes c ON c.id = s.code_id JOIN answers a ON a.id = s.answer_id WHERE c.name = 'Transport'";
    expect(transport).toContain(count(`SELECT count(*) ${segmentsOf}`));
    expect(transport).toContain(count(`SELECT count(DISTINCT a.respondent_id) ${segmentsOf}`));
    const matrix = report.sheets.find((s) => s.name === "Matrix")!;
    expect(matrix.rows).toBe(count("SELECT count(*) FROM respondents"));
    expect(existsSync(out)).toBe(true);
  });

  it("writes the chosen sheets for one coder, counts per question x code, Ireland only", async () => {
    const out = join(tempDir(), "anna.xlsx");
    const report = await cairnJson<ExportJson>(
      "export",
      project.path,
      out,
      "--sheets",
      "segments,matrix",
      "--coder",
      "anna",
      "--matrix",
      "counts",
      "--matrix-columns",
      "question-code",
      "--whole-answer",
      "--where",
      "Country=ireland",
    );
    expect(report.sheets.map((sheet) => sheet.name)).toEqual(["Segments", "Matrix"]);
    expect(report.coding).toContain("Anna");
    const annasIrish = count(
      `SELECT count(*) FROM segments s JOIN coders c ON c.id = s.coder_id
         JOIN answers a ON a.id = s.answer_id
         JOIN respondent_attributes v ON v.respondent_id = a.respondent_id
         JOIN attributes t ON t.id = v.attribute_id
        WHERE c.name = 'Anna' AND t.name = 'Country' AND v.value = 'Ireland'`,
    );
    expect(report.sheets[0]).toEqual({ name: "Segments", rows: annasIrish });
    // R1 and R3 are the Irish respondents.
    expect(report.sheets[1]).toEqual({ name: "Matrix", rows: 2 });

    const book = await workbook(out);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Segments", "Matrix"]);
    const segments = book.getWorksheet("Segments")!;
    const texts = allCells(segments).filter((cell) => typeof cell === "string");
    // The whole answer is there beside the coded passage.
    expect(texts).toContain("Safety at night matters most. Also better lighting.");
    expect(texts).toContain("Safety at night");
    // Counts: R1's Q1 has Anna's Risk once.
    const matrixCells = allCells(book.getWorksheet("Matrix")!);
    expect(matrixCells.filter((cell) => typeof cell === "number").length).toBeGreaterThan(0);
  });

  it("counts the consensus when asked, and says so in a line", async () => {
    const out = join(tempDir(), "consensus.xlsx");
    const result = await run("export", project.path, out, "--consensus", "--sheets", "segments");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote consensus\.xlsx: Segments \d+ rows?/);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const rows = Number(/Segments (\d+)/.exec(result.stdout)![1]);
    const agreed = count(
      `SELECT count(*) FROM segments WHERE coder_id NOT IN
         (SELECT id FROM coders WHERE name IN ('Anna', 'Ben'))`,
    );
    expect(rows).toBe(agreed);
  });
});

describe("cairn export to CSV", () => {
  it("writes one table with a BOM for Excel, or without it", async () => {
    const withBom = join(tempDir(), "segments.csv");
    const report = await cairnJson<ExportJson>(
      "export",
      project.path,
      withBom,
      "--table",
      "segments",
    );
    expect(report).toMatchObject({ format: "csv", refi: null });
    expect(report.sheets).toHaveLength(1);
    const bytes = readFileSync(withBom);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const plain = join(tempDir(), "plain.csv");
    await cairnJson(
      "export",
      project.path,
      plain,
      "--table",
      "segments",
      "--all-coders",
      "--no-bom",
    );
    const text = readFileSync(plain, "utf8");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toBe(bytes.subarray(3).toString("utf8"));
  });

  it("adds the whole answer beside each coded passage when asked", async () => {
    const out = join(tempDir(), "whole.csv");
    await cairnJson("export", project.path, out, "--table", "segments", "--whole-answer");
    const text = readFileSync(out, "utf8");
    expect(text).toContain("Safety at night,");
    expect(text).toContain("Safety at night matters most. Also better lighting.");
  });

  it("writes the matrix, the frequencies and the codebook as tables", async () => {
    for (const table of ["matrix", "frequencies", "codebook"]) {
      const out = join(tempDir(), `${table}.csv`);
      const result = await run(
        "export",
        project.path,
        out,
        "--table",
        table,
        "--coder",
        "Ben",
        "--matrix",
        "counts",
        "--matrix-columns",
        "code",
        "--where",
        "Type=NGO",
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Wrote ${table}\\.csv: \\S+ \\d+ rows?`));
      expect(readFileSync(out, "utf8").length).toBeGreaterThan(10);
    }
  });
});

describe("cairn export to REFI-QDA", () => {
  it("writes a .qdpx in code points, and in UTF-16 units when asked", async () => {
    const standard = await cairnJson<ExportJson>("export", project.path, join(tempDir(), "p.qdpx"));
    expect(standard.format).toBe("qdpx");
    expect(standard.sheets).toEqual([]);
    expect(Object.keys(standard.refi!).sort()).toEqual([
      "cases",
      "codes",
      "codings",
      "notes",
      "positions",
      "selections",
      "sources",
      "users",
      "variables",
    ]);
    expect(standard.refi).toMatchObject({
      positions: "codepoints",
      cases: 5,
      codes: 6,
      variables: 2,
    });

    await expectValidExport(join(tempDir(), "p.qdpx"));

    const result = await run(
      "export",
      project.path,
      join(tempDir(), "nvivo.qdpx"),
      "--positions",
      "utf16",
    );
    expect(result.stderr).toBe("");
    await expectValidExport(join(tempDir(), "nvivo.qdpx"));
    expect(result.stdout.trim()).toBe(
      `Wrote nvivo.qdpx: 5 cases, ${standard.refi!.sources} sources, ` +
        `${standard.refi!.selections} selections (positions in UTF-16 code units)`,
    );
  });

  it("writes the codebook alone as a .qdc", async () => {
    const result = await run("export", project.path, join(tempDir(), "codes.qdc"));
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("Wrote codes.qdc: 6 codes");
    await expectValidExport(join(tempDir(), "codes.qdc"));
  });
});

function allCells(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[] {
  const cells: ExcelJS.CellValue[] = [];
  sheet.eachRow((row) => cells.push(...(row.values as ExcelJS.CellValue[]).slice(1)));
  return cells;
}
