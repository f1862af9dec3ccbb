/**
 * Whose coding and which respondents an export counts, and how an export behaves as a
 * job: one coder, all coders or the consensus; the attribute filter narrows every table
 * and is stated; sheets without data; progress, cancel, a missing folder; and the
 * project file is never changed.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveExportCoding } from "../../electron/core/export/coding-choice.ts";
import type { ExportProgress } from "../../shared/api/export-api.ts";
import { codeAnswer, useCodingProject } from "../helpers/coding-project.ts";
import { fileHash, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import {
  byTitle,
  context,
  exportOf,
  readCsv,
  readWorkbook,
  sheetRows,
  useExportProject,
} from "./export-read.ts";

const open = useExportProject();

describe("whose coding an export counts", () => {
  it("names one coder, all coders merged, or the consensus of the latest review", async () => {
    const { db, project } = await open();
    expect(resolveExportCoding(db, { kind: "coder", coderId: project.coder("Ben") })).toEqual({
      coderId: project.coder("Ben"),
      label: "Ben",
    });
    expect(resolveExportCoding(db, { kind: "all" })).toEqual({
      coderId: null,
      label: "all coders, merged",
    });
    expect(resolveExportCoding(db, { kind: "consensus" })).toEqual({
      coderId: project.coder("consensus"),
      label: "consensus (consensus)",
    });
  });

  it("lists only the chosen coder's segments, and every coder's by name for all", async () => {
    const { db, dir, project } = await open();
    const count = (coder: string | null) =>
      db
        .prepare(
          "SELECT count(*) FROM segments s JOIN coders k ON k.id = s.coder_id WHERE ? IS NULL OR k.name = ?",
        )
        .pluck()
        .get(coder, coder) as number;
    for (const [coding, coder] of [
      [{ kind: "coder", coderId: project.coder("Anna") }, "Anna"],
      [{ kind: "consensus" }, "consensus"],
      [{ kind: "all" }, null],
    ] as const) {
      const path = join(dir, `segments-${coder}.csv`);
      const report = await exportOf(db, { format: "csv", path, table: "segments", coding });
      const { rows } = readCsv(path);
      expect(rows).toHaveLength(count(coder));
      expect(report.sheets[0]?.rows).toBe(count(coder));
      const coders = new Set(rows.map((row) => row.Coder));
      expect([...coders].sort()).toEqual(coder ? [coder] : ["Anna", "Ben", "consensus"]);
    }
  });

  it("narrows every table to the filter's respondents and says so above each", async () => {
    const { db, dir } = await open();
    const path = join(dir, "ireland.xlsx");
    const filter = [{ name: "Country", values: ["Ireland", "Malta"] }];
    const report = await exportOf(db, {
      format: "xlsx",
      path,
      filter,
      sheets: ["segments", "matrix", "frequencies", "codebook"],
    });
    expect(report.filter).toBe("Country = Ireland or Malta; 3 of 5");
    const workbook = await readWorkbook(path);
    const stated = "Coding: all coders, merged. Respondents: Country = Ireland or Malta; 3 of 5.";
    const segments = sheetRows(workbook, "Segments");
    expect(segments.notes[0]).toEqual([`Segments. ${stated}`]);
    expect(new Set(segments.data.map((row) => row[0]))).toEqual(new Set(["R1", "R3", "R4"]));
    const matrix = sheetRows(workbook, "Matrix");
    expect(matrix.notes[0]![0]).toContain(stated);
    expect(matrix.data.map((row) => row[0])).toEqual(["R1", "R3", "R4"]);
    expect(sheetRows(workbook, "Codebook").notes[0]![0]).toContain(stated);
    const frequencies = workbook.getWorksheet("Frequencies")!;
    expect(frequencies.getRow(2).getCell(1).value).toBe(stated);
    expect(frequencies.getRow(3).getCell(1).value).toBe("Answered 3 of 3; 0 empty; 0 no answer");
    // Codebook counts follow the filter: Lighting in R1 (both coders and the consensus), R4 (Ben).
    const codebook = sheetRows(workbook, "Codebook");
    const lighting = byTitle(
      codebook.header,
      codebook.data.find((row) => row[0] === "Safety > Lighting")!,
    );
    expect(lighting).toMatchObject({ Segments: 4, Respondents: 2 });
  });

  it("refuses an attribute the project does not have", async () => {
    const { db, dir } = await open();
    await expect(
      exportOf(db, {
        format: "csv",
        path: join(dir, "x.csv"),
        table: "matrix",
        filter: [{ name: "Region", values: ["West"] }],
      }),
    ).rejects.toThrow(/no attribute "Region"/);
    expect(existsSync(join(dir, "x.csv"))).toBe(false);
  });
});

describe("a project without a review", () => {
  const tempDir = useTempDir();
  const coding = useCodingProject(tempDir);

  it("has no consensus, leaves agreement out by default and refuses it when asked", async () => {
    const p = await coding();
    codeAnswer(p, p.answer("R1", "Q1"), "Safety>Risk", [0, 6]);
    const db = p.db();
    await expect(
      exportOf(db, {
        format: "csv",
        path: join(tempDir(), "c.csv"),
        table: "segments",
        coding: { kind: "consensus" },
      }),
    ).rejects.toThrow(
      "there is no consensus yet: start a review of two coders in the Agreement tab",
    );
    const path = join(tempDir(), "default.xlsx");
    const report = await exportOf(db, { format: "xlsx", path });
    expect(report.sheets.map((s) => s.name)).toEqual([
      "Segments",
      "Matrix",
      "Frequencies",
      "Codebook",
    ]);
    await expect(
      exportOf(db, { format: "xlsx", path: join(tempDir(), "a.xlsx"), sheets: ["agreement"] }),
    ).rejects.toMatchObject({
      code: "bad_input",
      message:
        "cannot write the agreement sheet: agreement needs two coders and this project has fewer",
    });
  });

  it("writes a sheet asked for with no data as its header alone", async () => {
    const p = await coding();
    const path = join(tempDir(), "empty.xlsx");
    const report = await exportOf(p.db(), {
      format: "xlsx",
      path,
      sheets: ["segments", "codebook"],
    });
    expect(report.sheets).toEqual([
      { name: "Segments", rows: 0 },
      { name: "Codebook", rows: 0 },
    ]);
    const segments = sheetRows(await readWorkbook(path), "Segments");
    expect(segments.header.slice(0, 4)).toEqual(["Respondent", "Country", "Question", "Code"]);
    expect(segments.data).toEqual([]);
  });
});

describe("the export as a job", () => {
  const tempDir = useTempDir();

  it("reports progress, and never changes the project file", async () => {
    const { db, dir, project } = await open();
    db.pragma("wal_checkpoint(TRUNCATE)");
    const before = { hash: fileHash(project.path), mtime: statSync(project.path).mtimeMs };
    const progress: ExportProgress[] = [];
    await exportOf(db, { format: "xlsx", path: join(dir, "all.xlsx") }, context(progress));
    await exportOf(
      db,
      { format: "csv", path: join(dir, "s.csv"), table: "segments" },
      context(progress),
    );
    db.pragma("wal_checkpoint(TRUNCATE)");
    expect(fileHash(project.path)).toBe(before.hash);
    expect(statSync(project.path).mtimeMs).toBe(before.mtime);
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(["Segments", "Matrix", "Frequencies", "Codebook"]),
    );
    const last = progress.filter((p) => p.phase === "Segments").at(-1)!;
    expect(last.done).toBe(last.total);
  });

  it("leaves nothing at the path when cancelled", async () => {
    const { db, dir } = await open();
    for (const request of [
      { format: "xlsx", path: join(dir, "cancelled.xlsx") },
      { format: "csv", path: join(dir, "cancelled.csv"), table: "segments" },
    ]) {
      const controller = new AbortController();
      controller.abort();
      await expect(exportOf(db, request, context([], controller.signal))).rejects.toMatchObject({
        code: "cancelled",
      });
    }
    // And part-way: the first progress report cancels it.
    const controller = new AbortController();
    const midway = {
      ...context([], controller.signal),
      onProgress: () => controller.abort(),
    };
    await expect(
      exportOf(db, { format: "xlsx", path: join(dir, "cancelled-midway.xlsx") }, midway),
    ).rejects.toMatchObject({ code: "cancelled" });
    expect(readdirSync(dir).filter((name) => /cancelled|partial/.test(name))).toEqual([]);
  });

  it("says so when the folder does not exist", async () => {
    const { db, dir } = await open();
    const missing = join(dir, "no such folder", "out.xlsx");
    await expect(exportOf(db, { format: "xlsx", path: missing })).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/the folder .*no such folder does not exist/),
    });
  });

  it("says there is nothing to export from a new, empty project, in either format", async () => {
    const dir = tempDir();
    const session = newSession();
    session.create(join(dir, "empty.cairn"));
    try {
      for (const request of [
        { format: "xlsx", path: join(dir, "empty.xlsx") },
        { format: "csv", path: join(dir, "empty.csv"), table: "codebook" },
      ]) {
        await expect(exportOf(session.db(), request)).rejects.toMatchObject({
          code: "bad_input",
          message: "there is nothing to export: the project has no answers and no codes yet",
        });
      }
      expect(readdirSync(dir).filter((name) => /\.(xlsx|csv)/.test(name))).toEqual([]);
    } finally {
      session.close();
    }
  });
});
