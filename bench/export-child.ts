/**
 * One measured step of the export benchmark, run as its own process so its peak RSS
 * (process.resourceUsage().maxRSS, KiB: the process's high-water mark) is its own:
 *
 *   export-child.ts xlsx PROJECT OUT     Cairn's Segments sheet through the export job
 *   export-child.ts floor PROJECT OUT    exceljs alone writing the same rows (export-floor.ts)
 *   export-child.ts qdpx PROJECT OUT     Cairn's REFI-QDA project export
 *   export-child.ts import QDPX PROJECT  that .qdpx read into a new project
 *
 * Prints one JSON line: seconds and CPU seconds (the timed part only), peak and base RSS (KiB; base =
 * the peak before the timed part began), and what was written.
 */
import { statSync } from "node:fs";
import type { ExportRequest } from "../shared/api/export-api.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { ExportJobs } from "../electron/core/export/export-service.ts";
import { importRefiProject } from "../electron/core/refi/import/refi-import-service.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { loadFloorRows, writeFloor } from "./export-floor.ts";

export interface ChildResult {
  readonly seconds: number;
  /** CPU seconds of the timed part (every thread: deflate runs off the main one). */
  readonly cpuSeconds: number;
  readonly peakKiB: number;
  readonly baseKiB: number;
  readonly bytes: number;
  readonly rows: number;
  /** Seconds spent before the timer (the floor's query), or 0. */
  readonly prepareSeconds: number;
  readonly detail: string;
}

const [kind, input, output] = process.argv.slice(2);
if (!kind || !input || !output) throw new Error("usage: export-child.ts KIND INPUT OUTPUT");

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rss = () => process.resourceUsage().maxRSS;
const cpu = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
};

async function timed(
  work: () => Promise<Omit<ChildResult, "seconds" | "cpuSeconds" | "peakKiB" | "baseKiB">>,
) {
  gc();
  const baseKiB = rss();
  const began = performance.now();
  const cpuBegan = cpu();
  const result = await work();
  const seconds = (performance.now() - began) / 1000;
  return { ...result, seconds, cpuSeconds: cpu() - cpuBegan, peakKiB: rss(), baseKiB };
}

function openProject(file: string): ProjectSession {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(file);
  return session;
}

async function exportWith(file: string, request: ExportRequest) {
  const session = openProject(file);
  try {
    return await timed(async () => {
      const report = await new ExportJobs(session).run(request);
      const rows = report.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
      const refi = report.refi;
      return {
        bytes: report.bytes,
        rows: refi ? refi.selections : rows,
        prepareSeconds: 0,
        detail: refi
          ? `${refi.cases} cases, ${refi.sources} sources, ${refi.selections} selections, ${refi.codings} codings`
          : report.sheets.map((s) => `${s.name} ${s.rows}`).join(", "),
      };
    });
  } finally {
    session.close();
  }
}

async function floor(file: string, out: string) {
  const session = openProject(file);
  const began = performance.now();
  const rows = loadFloorRows(session.db());
  session.close();
  const prepareSeconds = (performance.now() - began) / 1000;
  return timed(async () => {
    await writeFloor(rows, out);
    return {
      bytes: statSync(out).size,
      rows: rows.count,
      prepareSeconds,
      detail: `${rows.titles.length} columns`,
    };
  });
}

async function importInto(qdpx: string, project: string) {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.create(project);
  try {
    return await timed(async () => {
      const report = await session.exclusive("a REFI-QDA import", (db) =>
        importRefiProject(db, qdpx, { now: new Date().toISOString() }),
      );
      return {
        bytes: statSync(qdpx).size,
        rows: report.answers,
        prepareSeconds: 0,
        detail:
          `${report.respondents} respondents, ${report.answers} answers, ${report.segments} segments` +
          (report.positions ? `; ${report.positions.explanation}` : ""),
      };
    });
  } finally {
    session.close();
  }
}

const XLSX_SEGMENTS: Omit<Extract<ExportRequest, { format: "xlsx" }>, "path"> = {
  format: "xlsx",
  sheets: ["segments"],
  coding: { kind: "all" },
  matrix: "presence",
  matrixColumns: "code",
  wholeAnswer: false,
};

async function main(): Promise<ChildResult> {
  switch (kind) {
    case "xlsx":
      return exportWith(input!, { ...XLSX_SEGMENTS, path: output! });
    case "floor":
      return floor(input!, output!);
    case "qdpx":
      return exportWith(input!, { format: "qdpx", path: output!, positions: "codepoints" });
    case "import":
      return importInto(input!, output!);
    default:
      throw new Error(`unknown step ${kind}`);
  }
}

main().then(
  (result) => process.stdout.write(JSON.stringify(result) + "\n"),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
