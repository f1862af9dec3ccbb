/**
 * The agreement table as tab-separated text for a spreadsheet or a methods appendix:
 * a header block that says what was compared (coders, questions, answers, level,
 * threshold, date), then the table, then the reasons of the undefined figures. Numbers
 * stay numbers (coefficients to 3 decimals, each interval in two columns of its own);
 * an undefined figure is "—" with its footnote number; cells are spreadsheet-safe.
 * The figures recorded when a review started say so in the header's second line.
 */
import type { AgreementReport } from "../../../shared/api/agreement-api.ts";
import { fractionText } from "../../../shared/tally/percent.ts";
import { toTsv, type TsvCell } from "../tally/tsv.ts";
import { rounded, UNDEFINED_MARK } from "./cells.ts";
import type { AgreementColumn } from "./columns.ts";
import { footnotes, type AgreementRow } from "./rows.ts";

export interface AgreementCopy<F> {
  readonly report: AgreementReport;
  readonly level: "answer" | "segment";
  /** The scope sentence shown above the table. */
  readonly sentence: string;
  /** "Q2 Risk and safety; Q3 Training" */
  readonly questions: string;
  readonly rows: readonly AgreementRow<F>[];
  readonly columns: readonly AgreementColumn<F>[];
  /** Set when the table is the figures recorded when a review started. */
  readonly beforeReview?: BeforeReview;
}

export interface BeforeReview {
  readonly startedAt: string;
  /** The consensus coder's name. */
  readonly consensus: string;
  /** "the review covers Q1 only", or null. */
  readonly coverage: string | null;
}

/**
 * "Figures before review, recorded 2026-12-01 09:00 UTC when the review into “consensus”
 * started; the review covers Q1 only".
 */
export function beforeReviewText(before: BeforeReview): string {
  const covers = before.coverage ? `; ${before.coverage}` : "";
  return `Figures before review, recorded ${dateText(before.startedAt)} when the review into “${before.consensus}” started${covers}`;
}

export function agreementTsv<F>(copy: AgreementCopy<F>): string {
  const { report, rows, columns } = copy;
  const notes = footnotes(rows, columns);
  const header = ["Code", ...columns.flatMap(columnTitles)];
  const body = rows.map((row) => [
    row.pooled ? row.name : row.path.join(" > "),
    ...columns.flatMap((column) => columnCells(column, row.figures, notes)),
  ]);
  const block: TsvCell[][] = [
    ["Inter-coder agreement", copy.level === "answer" ? "Answer level" : "Segment level"],
    ...(copy.beforeReview ? [[beforeReviewText(copy.beforeReview)]] : []),
    ["Coders", report.coders.map((c) => c.name).join(", ")],
    ["Questions", copy.questions],
    ["Answers compared", report.answers],
    ["Answers not yet seen by every coder", report.answersNotSeen],
    ...(copy.level === "segment"
      ? [["Overlap threshold (intersection / union, inclusive)", fractionText(report.threshold)]]
      : []),
    [
      "Intervals",
      `95% percentile bootstrap over answers, ${report.resamples} resamples, seed ${report.seed}`,
    ],
    ["Computed", dateText(report.computedAt)],
    [copy.sentence],
  ];
  const footer: TsvCell[][] = [...notes].map(([reason, n]) => [`${UNDEFINED_MARK} [${n}]`, reason]);
  const table = toTsv({ header, rows: body });
  const text = (lines: TsvCell[][]) => toTsv({ header: [], rows: lines }).replace(/^\n/, "");
  return [text(block), "", table, ...(footer.length ? ["", text(footer)] : [])].join("\n");
}

function columnTitles<F>(column: AgreementColumn<F>): readonly string[] {
  if (column.copyParts) return column.copyParts.titles;
  if (column.estimate) return [column.title, `${column.title} 95% low`, `${column.title} 95% high`];
  return [column.title];
}

function columnCells<F>(
  column: AgreementColumn<F>,
  figures: F,
  notes: ReadonlyMap<string, number>,
): TsvCell[] {
  if (column.copyParts) return [...column.copyParts.values(figures)];
  const cell = column.cell(figures);
  const value: TsvCell =
    cell.reason !== null ? `${UNDEFINED_MARK} [${notes.get(cell.reason) ?? ""}]` : cell.copy;
  if (!column.estimate) return [value];
  return [
    value,
    cell.interval ? rounded(cell.interval.low) : null,
    cell.interval ? rounded(cell.interval.high) : null,
  ];
}

/** "2026-11-24 09:00 UTC": the moment the figures were computed, unambiguous anywhere. */
export function dateText(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
