/**
 * Agreement benchmark: two coders over 100,000 answers and 200 codes (issue 7). Times the
 * agreement report for every code and the pool, without intervals (target < 1 s) and
 * with 1,000 bootstrap resamples (target < 10 s), and the segment level; each cold (the
 * first call on a freshly opened project) and then the median of a few warm runs. The
 * pooled counts are checked against plain SQL. Prints figures and the targets met or not.
 *
 *   npm run bench:agreement            # 20,000 respondents x 5 questions
 *   npm run bench:agreement -- 2000    # a small project, for a quick look
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { AgreementReport, AgreementScope } from "../shared/api/agreement-api.ts";
import type { CoderId } from "../shared/domain.ts";
import { agreementReport } from "../electron/core/agreement/agreement-service.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import {
  AGREEMENT_QUESTIONS,
  agreementBenchProject,
  referencePooled,
} from "./agreement-project.ts";
import { reportPhases } from "./agreement-phases.ts";
import { percentile } from "./stats.ts";

const respondents = Number(process.argv[2] ?? 20_000);
const NOW = "2026-01-01T00:00:00.000Z";
const coderIds = [1, 2] as CoderId[];
const scope = (resamples: number): AgreementScope => ({
  coderIds,
  threshold: 0.9,
  resamples,
  seed: 1,
});

const home = mkdtempSync(join(tmpdir(), "cairn-bench-home-"));
const file = join(home, "bench.cairn");
copyFileSync(agreementBenchProject(respondents), file);
const verdicts: string[] = [];

function fresh(): ProjectSession {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(file);
  return session;
}

function timedReport(session: ProjectSession, resamples: number): [AgreementReport, number] {
  const began = performance.now();
  const report = agreementReport(session.db(), scope(resamples), NOW);
  return [report, performance.now() - began];
}

/** Cold on a fresh session, then `runs` warm calls on it; the warm median. */
function measure(label: string, resamples: number, runs: number, targetMs: number | null) {
  const session = fresh();
  try {
    const [report, cold] = timedReport(session, resamples);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(timedReport(session, resamples)[1]);
    const median = percentile(warm, 50);
    const target =
      targetMs === null
        ? ""
        : ` [target < ${targetMs / 1000} s: ${median < targetMs ? "met" : "NOT met"}]`;
    console.log(
      `${label}: cold ${cold.toFixed(0)} ms, warm median ${median.toFixed(0)} ms ` +
        `(min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)}, ${runs} runs)${target}`,
    );
    if (targetMs !== null) {
      verdicts.push(
        `${label} < ${targetMs / 1000} s: ${median < targetMs && cold < targetMs ? "met" : median < targetMs ? "met warm, NOT cold" : "NOT met"} ` +
          `(cold ${cold.toFixed(0)} ms, warm ${median.toFixed(0)} ms)`,
      );
    }
    return report;
  } finally {
    session.close();
  }
}

function describe(report: AgreementReport): void {
  const pooled = report.answerLevel.pooled;
  const level = report.segmentLevel;
  console.log(
    `${report.answers} answers compared (${report.answersNotSeen} not seen), ` +
      `${report.answerLevel.rows.length} code rows, ${pooled.units} pooled units; ` +
      `pooled kappa ${pooled.cohenKappa.value?.toFixed(3)}, alpha ${pooled.krippendorffAlpha.value?.toFixed(3)}, ` +
      `percent ${pooled.percent.value?.toFixed(4)}; segment level: ${level?.pooled.segments} segments, ` +
      `${level?.pooled.agreements} agreements`,
  );
}

function check(report: AgreementReport): void {
  const session = fresh();
  try {
    const want = referencePooled(session.db());
    const got = report.answerLevel.pooled;
    const same =
      got.units === want.units &&
      got.both === want.both &&
      got.aOnly === want.aOnly &&
      got.bOnly === want.bOnly &&
      got.neither === want.neither;
    console.log(
      `  pooled counts against plain SQL: ${same ? "OK" : "MISMATCH"} ` +
        `(units ${got.units}/${want.units}, both ${got.both}/${want.both}, ` +
        `A only ${got.aOnly}/${want.aOnly}, B only ${got.bOnly}/${want.bOnly}, ` +
        `neither ${got.neither}/${want.neither})`,
    );
  } finally {
    session.close();
  }
}

/** The report's steps, the median of 5 runs each on a warm session. */
function phases(): void {
  const session = fresh();
  try {
    const runs = Array.from({ length: 6 }, () => reportPhases(session.db(), coderIds)).slice(1);
    const parts = [...runs[0]!.keys()].map((label) => {
      const median = percentile(
        runs.map((run) => run.get(label)!),
        50,
      );
      return `${label} ${median.toFixed(0)} ms`;
    });
    console.log(`  steps (warm medians): ${parts.join(", ")}`);
  } finally {
    session.close();
  }
}

try {
  console.log(
    `agreement bench: ${respondents} respondents x ${AGREEMENT_QUESTIONS} questions, 200 codes, 2 coders`,
  );
  // Timings on a busy machine mean little: say how busy it was.
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  const plain = measure("report, every code and pooled, no resamples", 0, 5, 1000);
  describe(plain);
  check(plain);
  phases();
  const ci = measure("report with 1,000 bootstrap resamples", 1000, 3, 10_000);
  const interval = ci.answerLevel.pooled.krippendorffAlpha.interval;
  console.log(
    `  pooled alpha 95% CI [${interval?.low.toFixed(4)}, ${interval?.high.toFixed(4)}] ` +
      `(${interval?.defined} of ${interval?.resamples} resamples defined)`,
  );
  console.log(`targets:\n  ${verdicts.join("\n  ")}`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
