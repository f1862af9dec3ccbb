/**
 * The agreement report as `cairn agreement --json` prints it: snake_case keys, a figure
 * that is undefined is `null` and says why in `reasons` ({cohen_kappa: "..."}) with the
 * first of those also as `reason`, intervals as `[low, high]` or null. The keys are a
 * contract: extend, never rename.
 */
import type {
  AgreementReport,
  AnswerAgreementRow,
  PooledAnswerAgreement,
  SegmentAgreementRow,
} from "../../../shared/api/agreement-api.ts";
import type { Estimate, Statistic } from "../../../shared/agreement/statistic.ts";

type Figures = Readonly<Record<string, Statistic>>;

/**
 * The figures' values, and the reasons of the undefined ones, in the order given; also
 * the `--table` output's shape (agreement-table.ts).
 */
export function withReasons(figures: Figures): Record<string, unknown> {
  const values: Record<string, number | null> = {};
  const reasons: Record<string, string> = {};
  for (const [key, statistic] of Object.entries(figures)) {
    values[key] = statistic.value;
    if (statistic.value === null) reasons[key] = statistic.reason ?? "undefined here";
  }
  return { ...values, reason: Object.values(reasons)[0] ?? null, reasons };
}

function interval(estimate: Estimate): [number, number] | null {
  return estimate.interval ? [estimate.interval.low, estimate.interval.high] : null;
}

/** One row's or the pool's answer-level figures; the reasons list Krippendorff's first. */
function answerFigures(row: PooledAnswerAgreement): Record<string, unknown> {
  const figures = withReasons({
    percent: row.percent,
    krippendorff_alpha: row.krippendorffAlpha,
    cohen_kappa: row.cohenKappa,
    brennan_prediger: row.brennanPrediger,
    fleiss_kappa: row.fleissKappa,
  });
  return {
    units: row.units,
    both: row.both,
    a_only: row.aOnly,
    b_only: row.bOnly,
    neither: row.neither,
    all_agree: row.allAgree,
    percent: figures.percent,
    cohen_kappa: figures.cohen_kappa,
    cohen_kappa_ci: interval(row.cohenKappa),
    krippendorff_alpha: figures.krippendorff_alpha,
    krippendorff_alpha_ci: interval(row.krippendorffAlpha),
    brennan_prediger: figures.brennan_prediger,
    fleiss_kappa: figures.fleiss_kappa,
    reason: figures.reason,
    reasons: figures.reasons,
  };
}

function answerRow(row: AnswerAgreementRow): Record<string, unknown> {
  return { path: row.path, category: row.category, ...answerFigures(row) };
}

function header(report: AgreementReport) {
  return {
    coders: report.coders.map((c) => c.name),
    questions: report.questions.map((q) => q.label),
    answers: report.answers,
    answers_not_seen: report.answersNotSeen,
    threshold: report.threshold,
    computed_at: report.computedAt,
  };
}

export function answerLevelJson(report: AgreementReport): Record<string, unknown> {
  const { rows, pooled } = report.answerLevel;
  return {
    level: "answer",
    ...header(report),
    units: pooled.units,
    resamples: report.resamples,
    seed: report.seed,
    codes: rows.map(answerRow),
    pooled: answerFigures(pooled),
  };
}

function segmentFigures(row: Omit<SegmentAgreementRow, "codeId" | "parentId" | "path">) {
  return {
    segments: row.segments,
    agreements: row.agreements,
    a_segments: row.aSegments,
    b_segments: row.bSegments,
    ...withReasons({ percent: row.percent, brennan_prediger: row.brennanPrediger }),
  };
}

/** Null when the report has no segment level (more than two coders). */
export function segmentLevelJson(report: AgreementReport): Record<string, unknown> | null {
  const level = report.segmentLevel;
  if (!level) return null;
  return {
    level: "segment",
    ...header(report),
    /** k: Brennan & Prediger's chance is 1/k. */
    code_count: level.codes,
    codes: level.rows.map((row) => ({ path: row.path, ...segmentFigures(row) })),
    pooled: segmentFigures(level.pooled),
  };
}
