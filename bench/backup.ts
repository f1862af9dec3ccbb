/**
 * Backup benchmark: figures, not pass/fail. On the coding benchmarks' project (10
 * questions x 100,000 respondents = 1,000,000 answers, ~1.1 segments each; built once and
 * cached under .scratch/bench/), copied to a temporary folder:
 *
 * - the project's size, and the open-time integrity check (quick_check, which opening
 *   runs) beside the full integrity_check (which `cairn check` runs);
 * - one backup as the app makes it (SQLite's online backup API in steps, then sealed and
 *   counted), with the longest pause the event loop saw meanwhile (how responsive the
 *   app stays), and VACUUM INTO of the same project for comparison; the backup's size.
 *
 *   npm run bench:backup                    # 1,000,000 answers
 *   npm run bench:backup -- --respondents 10000   # 100,000 answers
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ProjectBackups } from "../electron/core/backup/backup-service.ts";
import { integrityProblems } from "../electron/core/db/integrity.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { saveCopy } from "../electron/core/db/project-file.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { codingBenchProject, QUESTIONS } from "./coding-project.ts";

const { values } = parseArgs({ options: { respondents: { type: "string" } } });
const respondents = Number(values.respondents ?? 100_000);
if (!(respondents > 0)) throw new Error("--respondents takes a number");

const source = codingBenchProject(respondents);
const dir = mkdtempSync(join(tmpdir(), "cairn-bench-backup-"));
try {
  const project = join(dir, "survey.cairn");
  copyFileSync(source, project);
  const session = new ProjectSession({ migrations: bundledMigrations() });
  const opened = seconds(() => session.openFile(project));
  const db = session.db();
  const quick = seconds(() => integrityProblems(db, "quick", 1));
  const full = seconds(() => integrityProblems(db, "full", 1));

  const backups = new ProjectBackups({ session, automatic: false });
  const pauses = watchEventLoop();
  const started = performance.now();
  const backup = await backups.create("manual");
  const backupSeconds = (performance.now() - started) / 1000;
  const longestPause = pauses.stop();

  const vacuumTarget = join(dir, "vacuum-into.cairn");
  const vacuum = seconds(() => saveCopy(db, vacuumTarget));
  session.close();

  const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
  console.log(
    `project: ${(respondents * QUESTIONS).toLocaleString("en")} answers, ` +
      `${backup.counts?.segments.toLocaleString("en")} segments, ${mb(statSync(project).size)}`,
  );
  console.log(`open (with its integrity check):     ${opened.toFixed(2)} s`);
  console.log(`  quick_check (what opening runs):   ${quick.toFixed(2)} s`);
  console.log(`  integrity_check (cairn check):     ${full.toFixed(2)} s`);
  console.log(
    `backup (backup API, sealed, counted): ${backupSeconds.toFixed(2)} s, ` +
      `${mb(backup.bytes)}; longest event-loop pause ${longestPause.toFixed(0)} ms`,
  );
  console.log(
    `VACUUM INTO, for comparison:          ${vacuum.toFixed(2)} s, ` +
      `${mb(statSync(vacuumTarget).size)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function seconds(work: () => unknown): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

/** The longest gap between ticks of a 5 ms timer: how long the app could not answer. */
function watchEventLoop(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return longest;
    },
  };
}
