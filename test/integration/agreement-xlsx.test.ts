import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agreementReport } from "../../electron/core/agreement/agreement-service.ts";
import { POOLED_LABEL, writeAgreementWorkbook } from "../../electron/core/agreement/report-xlsx.ts";
import type { AgreementReport } from "../../shared/api/agreement-api.ts";
import type { CoderId, QuestionId } from "../../shared/domain.ts";
import { NOW } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { agreementSurvey } from "./cli-agreement-survey.ts";

const tempDir = useTempDir();

async function reportOf(scope: {
  coders: string[];
  threshold?: number;
  resamples?: number;
}): Promise<AgreementReport> {
  // A project of its own each time: a test may compare two reports.
  const project = await agreementSurvey(mkdtempSync(join(tempDir(), "project-")));
  try {
    const db = project.db();
    const id = (name: string) =>
      db.prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as CoderId;
    return agreementReport(
      db,
      {
        coderIds: scope.coders.map(id),
        questionIds: [project.question("Q1") as QuestionId],
        threshold: scope.threshold ?? 0.9,
        resamples: scope.resamples ?? 200,
        seed: 1,
      },
      NOW,
    );
  } finally {
    project.session.close();
  }
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The rows of the sheet as arrays of cell values (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (row) => row ?? []);
}

function rowLabelled(rows: unknown[][], label: string, from = 0): [unknown[], number] {
  const at = rows.findIndex((row, i) => i >= from && row[0] === label);
  if (at < 0) throw new Error(`no row "${label}"`);
  return [rows[at]!, at];
}

describe("the agreement report as an xlsx workbook", () => {
  it("writes the header, the answer-level and segment-level tables with the report's figures", async () => {
    const report = await reportOf({ coders: ["Anna", "Ben"] });
    const path = join(tempDir(), "agreement.xlsx");
    await writeAgreementWorkbook(report, null, path);
    const workbook = await readBack(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Agreement"]);
    const sheet = workbook.getWorksheet("Agreement")!;
    const rows = rowsOf(sheet);
    expect(rowLabelled(rows, "Coders")[0][1]).toBe("Anna, Ben");
    expect(rowLabelled(rows, "Questions")[0][1]).toBe("Q1");
    expect(rowLabelled(rows, "Answers compared")[0][1]).toBe(6);
    expect(rowLabelled(rows, "Answers not seen by every coder")[0][1]).toBe(0);
    expect(rowLabelled(rows, "Threshold (segment level)")[0][1]).toBe(0.9);
    expect(rowLabelled(rows, "Resamples / seed")[0][1]).toMatch(/200 .*seed 1/);
    expect(rowLabelled(rows, "Computed at")[0][1]).toEqual(new Date(NOW));

    // The answer-level header, then the pooled row (bold), then each code.
    const [header, headerAt] = rowLabelled(rows, "Code");
    expect(header).toEqual([
      "Code",
      "Units",
      "Both",
      "Only Anna",
      "Only Ben",
      "Neither",
      "% agreement",
      "Cohen's kappa",
      "95% CI",
      "Krippendorff's alpha",
      "95% CI",
      "Brennan & Prediger",
      "Notes",
    ]);
    const pooled = report.answerLevel.pooled;
    const [pooledRow, pooledAt] = rowLabelled(rows, POOLED_LABEL);
    expect(pooledAt).toBe(headerAt + 1);
    expect(sheet.getRow(pooledAt + 1).font?.bold).toBe(true);
    const ci = (low: number, high: number) => `[${low.toFixed(3)}, ${high.toFixed(3)}]`;
    expect(pooledRow.slice(1, 12)).toEqual([
      24,
      4,
      2,
      2,
      16,
      pooled.percent.value,
      pooled.cohenKappa.value,
      ci(pooled.cohenKappa.interval!.low, pooled.cohenKappa.interval!.high),
      pooled.krippendorffAlpha.value,
      ci(pooled.krippendorffAlpha.interval!.low, pooled.krippendorffAlpha.interval!.high),
      pooled.brennanPrediger.value,
    ]);
    expect(sheet.getRow(pooledAt + 1).getCell(7).numFmt).toBe("0.0%");
    expect(sheet.getRow(pooledAt + 1).getCell(8).numFmt).toBe("0.000");

    const [risk] = rowLabelled(rows, "Safety > Risk", headerAt);
    expect(risk.slice(1, 7)).toEqual([6, 2, 1, 0, 3, 5 / 6]);
    expect(risk[7]).toBeCloseTo(2 / 3, 12);
    expect(risk[9]).toBeCloseTo(24 / 35, 12);
    // Undefined figures are empty cells, their reason in the Notes.
    const [unclear, unclearAt] = rowLabelled(rows, "Unclear", headerAt);
    expect(unclear[7]).toBeUndefined();
    expect(unclear[9]).toBeUndefined();
    expect(unclear[12]).toMatch(/^Cohen's kappa, Krippendorff's alpha: .*used this code/);
    expect(sheet.getRow(unclearAt + 1).font?.bold).not.toBe(true);

    // The segment level below it.
    const [segmentHeader, segmentAt] = rowLabelled(rows, "Code", headerAt + 1);
    expect(segmentHeader).toEqual([
      "Code",
      "Segments",
      "Agreements",
      "% agreement",
      "Brennan & Prediger",
      "Notes",
    ]);
    const level = report.segmentLevel!;
    expect(rowLabelled(rows, POOLED_LABEL, segmentAt)[0].slice(1, 5)).toEqual([
      12,
      6,
      0.5,
      level.pooled.brennanPrediger.value,
    ]);
    expect(rowLabelled(rows, "Funding", segmentAt)[0].slice(1, 4)).toEqual([4, 0, 0]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerAt + 1 });
  });

  it("adds the figures before review on a second sheet", async () => {
    const report = await reportOf({ coders: ["Anna", "Ben"] });
    const before = await reportOf({ coders: ["Anna", "Ben"], threshold: 0.8, resamples: 0 });
    const path = join(tempDir(), "agreement.xlsx");
    await writeAgreementWorkbook(report, before, path);
    const workbook = await readBack(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Agreement", "Before review"]);
    const rows = rowsOf(workbook.getWorksheet("Before review")!);
    expect(rowLabelled(rows, "Threshold (segment level)")[0][1]).toBe(0.8);
    expect(rowLabelled(rows, "Resamples / seed")[0][1]).toBe("no bootstrap intervals");
    const [, segmentAt] = rowLabelled(rows, "Code", rowLabelled(rows, "Code")[1] + 1);
    expect(rowLabelled(rows, POOLED_LABEL, segmentAt)[0].slice(1, 4)).toEqual([12, 8, 8 / 12]);
  });

  it("lays out three coders with Fleiss' kappa and the segment level's reason", async () => {
    const report = await reportOf({ coders: ["Anna", "Ben", "Cara"], resamples: 0 });
    const path = join(tempDir(), "three.xlsx");
    await writeAgreementWorkbook(report, null, path);
    const rows = rowsOf((await readBack(path)).getWorksheet("Agreement")!);
    const [header] = rowLabelled(rows, "Code");
    expect(header).toContain("Fleiss' kappa");
    expect(header).not.toContain("Only Anna");
    const [pooled] = rowLabelled(rows, POOLED_LABEL);
    expect(pooled[2]).toBe(report.answerLevel.pooled.allAgree);
    expect(pooled[4]).toBe(report.answerLevel.pooled.fleissKappa.value);
    expect(rows.flat()).toContain(report.segmentLevelReason);
  });

  it("guards text that a spreadsheet would run as a formula", async () => {
    const real = await reportOf({ coders: ["Anna", "Ben"], resamples: 0 });
    const report: AgreementReport = {
      ...real,
      coders: [{ ...real.coders[0]!, name: '=HYPERLINK("x")' }, real.coders[1]!],
      answerLevel: {
        ...real.answerLevel,
        rows: real.answerLevel.rows.map((row, i) =>
          i === 0 ? { ...row, path: ["+cmd", "-x"] } : row,
        ),
      },
    };
    const path = join(tempDir(), "guarded.xlsx");
    await writeAgreementWorkbook(report, null, path);
    const rows = rowsOf((await readBack(path)).getWorksheet("Agreement")!);
    expect(rowLabelled(rows, "Coders")[0][1]).toBe('\'=HYPERLINK("x"), Ben');
    expect(rows.some((row) => row[0] === "'+cmd > -x")).toBe(true);
    expect(rows.flat().some((cell) => typeof cell === "object" && cell && "formula" in cell)).toBe(
      false,
    );
  });

  it("refuses a folder that does not exist, and replaces a file whole", async () => {
    const report = await reportOf({ coders: ["Anna", "Ben"], resamples: 0 });
    const missing = join(tempDir(), "no such folder", "agreement.xlsx");
    await expect(writeAgreementWorkbook(report, null, missing)).rejects.toThrow(
      /cannot write .*agreement\.xlsx: the folder .*no such folder does not exist/,
    );
    const path = join(tempDir(), "agreement.xlsx");
    writeFileSync(path, "an older file");
    await writeAgreementWorkbook(report, null, path);
    expect((await readBack(path)).worksheets).toHaveLength(1);
    expect(readdirSync(tempDir()).filter((name) => name.includes("partial"))).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });
});
