/**
 * The agreement report as an .xlsx workbook for a methods appendix: sheet "Agreement"
 * with who was compared on what (coders, questions, answers, threshold, resamples, date),
 * the answer-level table (pooled row first, bold) and the segment-level table; sheet
 * "Before review" with the same layout for the figures recorded when a review started.
 * Figures are numbers (percent 0.0%, coefficients 0.000); an undefined figure is an empty
 * cell whose reason is in the row's Notes. Text cells (code paths, coder names, question
 * labels) are guarded against formula injection.
 */
import ExcelJS from "exceljs";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type {
  AgreementReport,
  PooledAnswerAgreement,
  SegmentAgreementRow,
} from "../../../shared/api/agreement-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Estimate, Statistic } from "../../../shared/agreement/statistic.ts";
import { guardFormula } from "../../../shared/text/spreadsheet-safe.ts";

export const PATH_SEPARATOR = " > ";
export const POOLED_LABEL = "All codes (pooled)";
export const BEFORE_REVIEW_TITLE =
  "Inter-coder agreement before the review (figures recorded when it started)";
const PERCENT = "0.0%";
const COEFFICIENT = "0.000";

type Cell = string | number | Date | null;
interface Column {
  readonly title: string;
  readonly width: number;
  readonly format?: string;
}

const text = (value: string): string => guardFormula(value);

function ciText(estimate: Estimate): string | null {
  const ci = estimate.interval;
  return ci ? `[${ci.low.toFixed(3)}, ${ci.high.toFixed(3)}]` : null;
}

/** "Cohen's kappa, Krippendorff's alpha: neither coder used this code in these answers". */
function notes(figures: Readonly<Record<string, Statistic>>): string {
  const byReason = new Map<string, string[]>();
  for (const [name, statistic] of Object.entries(figures)) {
    if (statistic.value !== null) continue;
    const reason = statistic.reason ?? "undefined here";
    byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
  }
  return [...byReason].map(([reason, names]) => `${names.join(", ")}: ${reason}`).join("; ");
}

function answerColumns(report: AgreementReport): Column[] {
  const two = report.coders.length === 2;
  const [a, b] = report.coders;
  return [
    { title: "Code", width: 40 },
    { title: "Units", width: 9 },
    ...(two
      ? [
          { title: "Both", width: 9 },
          { title: `Only ${a?.name ?? "A"}`, width: 12 },
          { title: `Only ${b?.name ?? "B"}`, width: 12 },
          { title: "Neither", width: 9 },
        ]
      : [{ title: "All agree", width: 10 }]),
    { title: two ? "% agreement" : "% agreement (mean pairwise)", width: 13, format: PERCENT },
    ...(two
      ? [
          { title: "Cohen's kappa", width: 10, format: COEFFICIENT },
          { title: "95% CI", width: 16 },
        ]
      : [{ title: "Fleiss' kappa", width: 10, format: COEFFICIENT }]),
    { title: "Krippendorff's alpha", width: 12, format: COEFFICIENT },
    { title: "95% CI", width: 16 },
    { title: "Brennan & Prediger", width: 12, format: COEFFICIENT },
    { title: "Notes", width: 60 },
  ];
}

function answerCells(report: AgreementReport, label: string, row: PooledAnswerAgreement): Cell[] {
  const two = report.coders.length === 2;
  return [
    text(label),
    row.units,
    ...(two ? [row.both, row.aOnly, row.bOnly, row.neither] : [row.allAgree]),
    row.percent.value,
    ...(two ? [row.cohenKappa.value, ciText(row.cohenKappa)] : [row.fleissKappa.value]),
    row.krippendorffAlpha.value,
    ciText(row.krippendorffAlpha),
    row.brennanPrediger.value,
    text(
      notes({
        "% agreement": row.percent,
        ...(two ? { "Cohen's kappa": row.cohenKappa } : { "Fleiss' kappa": row.fleissKappa }),
        "Krippendorff's alpha": row.krippendorffAlpha,
        "Brennan & Prediger": row.brennanPrediger,
      }),
    ),
  ];
}

const SEGMENT_COLUMNS: readonly Column[] = [
  { title: "Code", width: 40 },
  { title: "Segments", width: 9 },
  { title: "Agreements", width: 9 },
  { title: "% agreement", width: 13, format: PERCENT },
  { title: "Brennan & Prediger", width: 12, format: COEFFICIENT },
  { title: "Notes", width: 60 },
];

type SegmentFigures = Omit<SegmentAgreementRow, "codeId" | "parentId" | "path">;

function segmentCells(label: string, row: SegmentFigures): Cell[] {
  return [
    text(label),
    row.segments,
    row.agreements,
    row.percent.value,
    row.brennanPrediger.value,
    text(notes({ "% agreement": row.percent, "Brennan & Prediger": row.brennanPrediger })),
  ];
}

function headerBlock(report: AgreementReport): [string, Cell][] {
  const computed = new Date(report.computedAt);
  return [
    ["Coders", text(report.coders.map((c) => c.name).join(", "))],
    ["Questions", text(report.questions.map((q) => q.label).join(", "))],
    ["Answers compared", report.answers],
    ["Answers not seen by every coder", report.answersNotSeen],
    ["Threshold (segment level)", report.threshold],
    [
      "Resamples / seed",
      report.resamples > 0
        ? `${report.resamples} bootstrap resamples over answers, seed ${report.seed}`
        : "no bootstrap intervals",
    ],
    ["Computed at", Number.isNaN(computed.getTime()) ? report.computedAt : computed],
  ];
}

/** Writes rows of cells from `top`, with the column formats; returns the next free row. */
function writeTable(
  sheet: ExcelJS.Worksheet,
  top: number,
  columns: readonly Column[],
  rows: readonly Cell[][],
): number {
  const header = sheet.getRow(top);
  header.values = columns.map((c) => c.title);
  header.font = { bold: true };
  header.alignment = { vertical: "bottom", wrapText: true };
  rows.forEach((cells, i) => {
    const row = sheet.getRow(top + 1 + i);
    row.values = cells.map((cell) => cell ?? undefined) as ExcelJS.CellValue[];
    columns.forEach((column, c) => {
      if (column.format) row.getCell(c + 1).numFmt = column.format;
    });
    if (i === 0) row.font = { bold: true };
  });
  return top + rows.length + 2;
}

/**
 * Adds a sheet with the report's header and tables. Shared with the spreadsheet export,
 * whose streaming writer (a WorkbookWriter is a Workbook) writes a sheet's views when the
 * sheet opens: so the frozen rows are given here, computed from the layout. The caller of
 * a streaming writer commits the sheet.
 */
export function addAgreementSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  report: AgreementReport,
): ExcelJS.Worksheet {
  const header = headerBlock(report);
  // Title row, the header block, a blank row, the table's title, then its header.
  const answerTop = header.length + 4;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 1, ySplit: answerTop }],
  });
  sheet.getCell("A1").value = title;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  let at = 2;
  for (const [label, value] of header) {
    const row = sheet.getRow(at++);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    row.getCell(1).font = { bold: true };
  }
  // The slider moves in whole percents; the CLI may give 0.925.
  const wholePercent = Number.isInteger(Math.round(report.threshold * 1e6) / 1e4);
  sheet.getCell(`B${at - 3}`).numFmt = wholePercent ? "0%" : "0.0%";
  sheet.getCell(`B${at - 1}`).numFmt = "yyyy-mm-dd hh:mm";
  at += 1;
  sheet.getCell(`A${at}`).value = "Answer level: units are (answer, code) pairs";
  sheet.getCell(`A${at}`).font = { bold: true };
  const columns = answerColumns(report);
  const answerRows = [
    answerCells(report, POOLED_LABEL, report.answerLevel.pooled),
    ...report.answerLevel.rows.map((row) =>
      answerCells(report, row.path.join(PATH_SEPARATOR), row),
    ),
  ];
  at = writeTable(sheet, answerTop, columns, answerRows);
  sheet.getCell(`A${at}`).value = "Segment level (MAXQDA's rule)";
  sheet.getCell(`A${at}`).font = { bold: true };
  const level = report.segmentLevel;
  if (level) {
    writeTable(sheet, at + 1, SEGMENT_COLUMNS, [
      segmentCells(POOLED_LABEL, level.pooled),
      ...level.rows.map((row) => segmentCells(row.path.join(PATH_SEPARATOR), row)),
    ]);
  } else {
    sheet.getCell(`A${at + 1}`).value = text(report.segmentLevelReason ?? "not computed");
  }
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = i === 0 ? 44 : column.width;
  });
  return sheet;
}

export function agreementWorkbook(
  report: AgreementReport,
  before: AgreementReport | null,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cairn";
  addAgreementSheet(workbook, "Agreement", "Inter-coder agreement", report);
  if (before) {
    addAgreementSheet(workbook, "Before review", BEFORE_REVIEW_TITLE, before);
  }
  return workbook;
}

/**
 * Writes the workbook beside its place and renames it in, so a failure leaves neither a
 * half file nor a damaged earlier one.
 */
export async function writeAgreementWorkbook(
  report: AgreementReport,
  before: AgreementReport | null,
  path: string,
): Promise<void> {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CairnError("bad_input", `cannot write ${path}: the folder ${folder} does not exist`);
  }
  const partial = join(folder, `.${basename(path)}.${process.pid}.partial`);
  try {
    await agreementWorkbook(report, before).xlsx.writeFile(partial);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a folder"
          : (error as Error).message.replaceAll(partial, path);
    throw new CairnError("bad_input", `cannot write ${path}: ${reason}`);
  }
}
