/**
 * The agreement report as a table for people: one line per code, the pooled line first;
 * percentages as the rest of Cairn writes them, coefficients to three decimals with their
 * bootstrap interval, and "—" for a figure that is undefined, its reason listed under
 * the table (grouped: "neither coder used this code in these answers: A, B, C").
 */
import type {
  AgreementReport,
  PooledAnswerAgreement,
  SegmentAgreementRow,
} from "../../../shared/api/agreement-api.ts";
import type { Estimate, Statistic } from "../../../shared/agreement/statistic.ts";
import { fractionText } from "../../../shared/tally/percent.ts";
import type { Output } from "./output.ts";

const NONE = "—";
const POOLED = "All codes (pooled)";

/** A share as the rest of Cairn writes it, or "—"; also the `--table` output's. */
export function percent(statistic: Statistic): string {
  return statistic.value === null ? NONE : fractionText(statistic.value);
}

export function coefficient(statistic: Statistic): string {
  return statistic.value === null ? NONE : statistic.value.toFixed(3);
}

function withInterval(estimate: Estimate): string {
  const point = coefficient(estimate);
  const ci = estimate.interval;
  return ci ? `${point} [${ci.low.toFixed(3)}, ${ci.high.toFixed(3)}]` : point;
}

function count(n: number | null): string {
  return n === null ? NONE : n.toLocaleString("en");
}

/** "1 answer", "3 answers": for the hand-over commands' summaries. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * Collects the reasons of undefined figures, to list them once under the table:
 * "neither coder used this code in these answers: Unclear (Cohen's kappa, Krippendorff's alpha)".
 */
class Notes {
  private readonly byReason = new Map<string, Map<string, string[]>>();

  note(label: string, figures: Readonly<Record<string, Statistic>>): void {
    for (const [name, statistic] of Object.entries(figures)) {
      if (statistic.value !== null) continue;
      const reason = statistic.reason ?? "undefined here";
      const labels = this.byReason.get(reason) ?? new Map<string, string[]>();
      labels.set(label, [...(labels.get(label) ?? []), name]);
      this.byReason.set(reason, labels);
    }
  }

  print(output: Output): void {
    if (this.byReason.size === 0) return;
    output.out("");
    output.out(`${NONE} undefined:`);
    for (const [reason, labels] of this.byReason) {
      const list = [...labels].map(([label, names]) => `${label} (${names.join(", ")})`);
      const shown = list.slice(0, 8).join("; ");
      const more = list.length > 8 ? ` and ${list.length - 8} more` : "";
      output.out(`  ${reason}: ${shown}${more}`);
    }
  }
}

function printColumns(output: Output, header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  output.out(line(header));
  for (const row of rows) output.out(line(row));
}

export function printReportHeader(output: Output, report: AgreementReport): void {
  const questions = report.questions.map((q) => q.label).join(", ") || "no questions";
  output.out(`${report.coders.map((c) => c.name).join(" vs ")} · ${questions}`);
  const notSeen = report.answersNotSeen
    ? ` (${report.answersNotSeen.toLocaleString("en")} not yet seen by every coder, left out)`
    : "";
  output.out(`${report.answers.toLocaleString("en")} answers compared${notSeen}`);
}

export function printAnswerLevel(output: Output, report: AgreementReport): void {
  const [a, b] = report.coders;
  const two = report.coders.length === 2;
  const notes = new Notes();
  const cells = (label: string, row: PooledAnswerAgreement): string[] => {
    notes.note(label, {
      percent: row.percent,
      ...(two && { "Cohen's kappa": row.cohenKappa }),
      ...(!two && { "Fleiss' kappa": row.fleissKappa }),
      "Krippendorff's alpha": row.krippendorffAlpha,
      "Brennan & Prediger": row.brennanPrediger,
    });
    const counts = two
      ? [row.both, row.aOnly, row.bOnly, row.neither].map(count)
      : [count(row.allAgree)];
    const kappa = two ? withInterval(row.cohenKappa) : coefficient(row.fleissKappa);
    return [
      label,
      count(row.units),
      ...counts,
      percent(row.percent),
      kappa,
      withInterval(row.krippendorffAlpha),
      coefficient(row.brennanPrediger),
    ];
  };
  const header = [
    "Code",
    "Units",
    ...(two ? ["Both", `Only ${a?.name}`, `Only ${b?.name}`, "Neither"] : ["All agree"]),
    two ? "Agreement" : "Agreement (mean pairwise)",
    two ? "Cohen's kappa" : "Fleiss' kappa",
    "Krippendorff's alpha",
    "Brennan & Prediger",
  ];
  const rows = [
    cells(POOLED, report.answerLevel.pooled),
    ...report.answerLevel.rows.map((row) => cells(row.path.join(" > "), row)),
  ];
  output.out("");
  output.out("Answer level: units are (answer, code) pairs, present or absent");
  printColumns(output, header, rows);
  notes.print(output);
}

export function printSegmentLevel(output: Output, report: AgreementReport): void {
  const level = report.segmentLevel;
  if (!level) return;
  const notes = new Notes();
  const cells = (label: string, row: Omit<SegmentAgreementRow, "codeId" | "parentId" | "path">) => {
    notes.note(label, { percent: row.percent, "Brennan & Prediger": row.brennanPrediger });
    return [
      label,
      count(row.segments),
      count(row.agreements),
      percent(row.percent),
      coefficient(row.brennanPrediger),
    ];
  };
  const rows = [
    cells(POOLED, level.pooled),
    ...level.rows.map((row) => cells(row.path.join(" > "), row)),
  ];
  output.out("");
  output.out(
    `Segment level: a passage agrees when the other coder has one of the same code ` +
      `overlapping it by ${fractionText(report.threshold)} or more (intersection over ` +
      `union); chance 1/${level.codes}`,
  );
  printColumns(output, ["Code", "Segments", "Agreements", "Agreement", "Brennan & Prediger"], rows);
  notes.print(output);
}
