/**
 * Export benchmark: figures, not pass/fail.
 *
 * 1. A project of 1,000,000 segments (250,000 answers, 2 coders, 30 codes, 3 attributes)
 *    exported as the Segments sheet through Cairn's export job, beside the raw floor in
 *    the same run: exceljs's streaming writer writing the same rows with none of Cairn's
 *    work (export-floor.ts says exactly what it includes). Target: Cairn within 1.3 x the
 *    floor, peak RSS under 1 GB. Each runs in its own process, so each peak is its own.
 * 2. A .qdpx export of a project of 100,000 answers, and (when the REFI-QDA import is
 *    there) that file read back into a new project.
 *
 * Projects are built once and cached under the system's temp folder, keyed by size.
 *
 *   npm run bench:export                                   # the sizes
 *   npm run bench:export -- --segments 200000 --answers 20000
 *   npm run bench:export -- --quick                        # a smoke check in seconds
 *   npm run bench:export -- --keep                         # keep the written files
 *   npm run bench:export -- --runs 3                       # Cairn and floor 3 times each (2)
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ChildResult } from "./export-child.ts";
import { compareFirstRows } from "./export-check.ts";
import { exportBenchProject, type BuiltProject } from "./export-project.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./export-child.ts", import.meta.url));

const { values } = parseArgs({
  options: {
    segments: { type: "string" },
    answers: { type: "string" },
    quick: { type: "boolean" },
    keep: { type: "boolean" },
    runs: { type: "string" },
  },
});
const quick = values.quick === true;
const segments = Number(values.segments ?? (quick ? 20_000 : 1_000_000));
const refiAnswers = Number(values.answers ?? (quick ? 5_000 : 100_000));
if (!(segments > 0) || !(refiAnswers > 0))
  throw new Error("--segments and --answers take a number");
/** About four segments per answer, as a well-coded survey has. */
/** Cairn and the floor run alternately this many times; the fastest of each counts. */
const runs = Math.max(1, Number(values.runs ?? 2));
const xlsxAnswers = Math.max(10, Math.round(segments / 4));

type Step = ChildResult | { readonly failed: string };

/** Runs one step in a fresh node process and reads its JSON line. */
function runStep(kind: string, input: string, output: string): Step {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", CHILD, kind, input, output],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  const last = result.stdout.trim().split("\n").pop() ?? "";
  if (result.status !== 0 || !last.startsWith("{")) {
    // The error's own line, not node's trailing version banner.
    const lines = result.stderr.trim().split("\n");
    const why = lines.find((line) => /error/i.test(line)) ?? lines[0] ?? `exit ${result.status}`;
    return { failed: why };
  }
  return JSON.parse(last) as ChildResult;
}

function fastest(steps: readonly Step[]): Step {
  const done = steps.filter((step): step is ChildResult => !("failed" in step));
  return done.length ? done.reduce((a, b) => (b.seconds < a.seconds ? b : a)) : steps[0]!;
}
const secondsOf = (steps: readonly Step[]) =>
  steps.map((step) => ("failed" in step ? "failed" : `${step.seconds.toFixed(1)} s`)).join(", ");

const n = (value: number) => value.toLocaleString("en-US");
const mb = (kib: number) => (kib / 1024).toFixed(0);
const fileMb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function built(label: string, project: BuiltProject): void {
  const how =
    project.buildSeconds === null ? "cached" : `built in ${project.buildSeconds.toFixed(1)} s`;
  console.log(`${label}: ${how} (${project.file})`);
}

const rows: string[][] = [
  ["step", "rows", "seconds", "CPU s", "peak RSS MB", "base RSS MB", "file MB"],
];
function addRow(label: string, step: Step): void {
  if ("failed" in step) {
    rows.push([label, "-", "failed", "-", "-", "-", "-"]);
    notes.push(`${label} failed: ${step.failed}`);
    return;
  }
  rows.push([
    label,
    n(step.rows),
    step.seconds.toFixed(2),
    step.cpuSeconds.toFixed(2),
    mb(step.peakKiB),
    mb(step.baseKiB),
    fileMb(step.bytes),
  ]);
}
const notes: string[] = [];

function printTable(): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join("  "),
    );
  }
}

async function main(): Promise<void> {
  console.log(
    `Export benchmark: ${n(segments)} segments on ${n(xlsxAnswers)} answers (.xlsx); ` +
      `${n(refiAnswers)} answers (.qdpx)${quick ? " [quick]" : ""}`,
  );
  const big = exportBenchProject(xlsxAnswers, segments);
  built("segments project", big);
  const refi = exportBenchProject(refiAnswers, refiAnswers);
  built("qdpx project", refi);

  const out = mkdtempSync(join(tmpdir(), "cairn-bench-export-out-"));
  try {
    // A project is locked while open: copies, so benchmarks running at once do not collide.
    const bigCopy = join(out, "segments.cairn");
    const refiCopy = join(out, "refi.cairn");
    copyFileSync(big.file, bigCopy);
    copyFileSync(refi.file, refiCopy);
    const cairnXlsx = join(out, "cairn-segments.xlsx");
    const floorXlsx = join(out, "floor-segments.xlsx");
    const cairnRuns: Step[] = [];
    const floorRuns: Step[] = [];
    for (let run = 0; run < runs; run++) {
      cairnRuns.push(runStep("xlsx", bigCopy, cairnXlsx));
      floorRuns.push(runStep("floor", bigCopy, floorXlsx));
    }
    const cairn = fastest(cairnRuns);
    const floor = fastest(floorRuns);
    addRow("Cairn .xlsx, Segments sheet", cairn);
    addRow("exceljs floor, same rows", floor);
    if (runs > 1) {
      notes.push(
        `fastest of ${runs} alternating runs each: Cairn ${secondsOf(cairnRuns)}, floor ${secondsOf(floorRuns)}`,
      );
    }
    if (!("failed" in floor)) {
      notes.push(
        `floor: ${floor.detail}; its query and row building before the timer took ${floor.prepareSeconds.toFixed(1)} s (base RSS holds those rows)`,
      );
    }
    if (!("failed" in cairn) && !("failed" in floor)) {
      const ratio = cairn.seconds / floor.seconds;
      const cpuRatio = cairn.cpuSeconds / floor.cpuSeconds;
      notes.push(
        `Cairn / floor: ${ratio.toFixed(2)} x wall clock, ${cpuRatio.toFixed(2)} x CPU (target <= 1.3); ` +
          `Cairn peak RSS ${mb(cairn.peakKiB)} MB (target < 1024)`,
      );
      notes.push(`first data row, Cairn vs floor: ${await compareFirstRows(cairnXlsx, floorXlsx)}`);
      if (cairn.rows !== floor.rows)
        notes.push(`ROW COUNTS DIFFER: Cairn ${cairn.rows}, floor ${floor.rows}`);
    }

    const qdpx = join(out, "project.qdpx");
    const exported = runStep("qdpx", refiCopy, qdpx);
    addRow(`Cairn .qdpx, ${n(refiAnswers)} answers`, exported);
    if (!("failed" in exported)) {
      notes.push(`qdpx: ${exported.detail}`);
      const imported = runStep("import", qdpx, join(out, "imported.cairn"));
      addRow("import that .qdpx (new project)", imported);
      if (!("failed" in imported)) notes.push(`import: ${imported.detail}`);
    }
    console.log("");
    printTable();
    console.log("");
    for (const note of notes) console.log(`- ${note}`);
    if (values.keep) console.log(`files kept in ${out}`);
  } finally {
    if (!values.keep) rmSync(out, { recursive: true, force: true });
  }
}

await main();
