/**
 * Real REFI-QDA files from NVivo and ATLAS.ti (../shared/refi/samples/, read in place)
 * imported into new projects. The NVivo sample's text is sensitive (hateful speech that
 * was the object of coding): nothing here prints it, and failures report counts only.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../../electron/core/db/project-file.ts";
import {
  importRefiProject,
  readRefiCodebook,
} from "../../electron/core/refi/import/refi-import-service.ts";
import type { RefiCode } from "../../electron/core/refi/model.ts";
import { readQdpx } from "../../electron/core/refi/read/refi-read.ts";
import type { CodebookImportReport } from "../../shared/api/codebook-api.ts";
import { isWordBoundary } from "../../shared/refi/position-detect.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();
const NOW = "2026-11-24T09:00:00.000Z";
const SAMPLES = join(import.meta.dirname, "../../../shared/refi/samples");
const NVIVO = join(SAMPLES, "nvivo_win_oltas0517_hu_vaccine_comments.qdpx");
const BLANK = join(SAMPLES, "atlasti23_win_blank-atlas-project.qdpx");
const TARGET = join(SAMPLES, "atlasti23_win_target-atlas-project.qdpx");
const ATLAS_QDC = join(SAMPLES, "atlasti23_win_codebook_from_requal_test.qdc");
const NONCONFORMANT = join(SAMPLES, "openqda_example_MastodonMoodBoard_NONCONFORMANT.qdc");

const available = existsSync(SAMPLES);
if (!available) {
  console.warn(
    `skipping the REFI-QDA sample imports: ${SAMPLES} is not there (see ../shared/README.md)`,
  );
}

function newProject(): { db: Db; path: string } {
  const path = join(tempDir(), "imported.cairn");
  const session = newSession();
  session.create(path);
  return { db: session.db(), path };
}

/** A new, empty project file, closed (for the core to open). */
function newProjectFile(): string {
  const path = join(tempDir(), "codebook.cairn");
  const session = newSession();
  session.create(path);
  session.close();
  return path;
}

function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** Each code's path, parents first, as the tree reads. */
function treePaths(codes: readonly RefiCode[], above = ""): string[] {
  return codes.flatMap((code) => {
    const path = `${above}${code.name.replace(/\s+/g, " ").trim()}`;
    return [path, ...treePaths(code.children, `${path} / `)];
  });
}

function projectPaths(db: Db): string[] {
  const rows = db.prepare("SELECT id, parent_id, name FROM codes ORDER BY id").all() as {
    id: number;
    parent_id: number | null;
    name: string;
  }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pathOf = (id: number): string => {
    const row = byId.get(id)!;
    return row.parent_id === null ? row.name : `${pathOf(row.parent_id)} / ${row.name}`;
  };
  return rows.map((row) => pathOf(row.id));
}

/** How many selections Cairn merged, from the report's sentence ("3 codings overlapped…"). */
function mergedIn(warnings: readonly string[]): number {
  const line = warnings.find((w) => / overlapped or touched /.test(w));
  return line === undefined ? 0 : Number(line.split(" ")[0]?.replace(/,/g, ""));
}

describe.skipIf(!available)("the NVivo sample", () => {
  it("imports its two sources, 152 codes and 2 coders, each selection on the passage NVivo meant", async () => {
    const { db } = newProject();
    const report = await importRefiProject(db, NVIVO, { now: NOW });
    expect(report.origin).toMatch(/NVivo/);
    expect(report.respondents).toBe(2);
    expect(count(db, "respondents")).toBe(2);
    expect(count(db, "answers")).toBe(2);
    expect(report.codes).toBe(152);
    expect(count(db, "codes")).toBe(152);
    expect(projectPaths(db)).toEqual(treePaths((await readQdpx(NVIVO)).codes));
    expect(count(db, "coders")).toBe(2);

    const merged = mergedIn(report.warnings);
    expect(report.segments + merged).toBe(303);
    expect(count(db, "segments")).toBe(report.segments);

    // 300 of 303 land on word boundaries as NVivo wrote them; the other three are the
    // coders' own overshoots by a letter or three (their neighbours land exactly, so
    // nothing drifts: see refi-read-samples.test.ts), widened to the whole words.
    expect(report.positions).toMatchObject({
      unit: "utf16",
      crlf: 2,
      onWordBoundaries: 300,
      widened: 3,
      selections: 303,
    });
    expect(report.positions?.explanation).toBe(
      "UTF-16 code units, CRLF counted as 2 (as NVivo writes them): 300 of 303 selections " +
        "start and end on word boundaries; 3 that began or ended inside a word were widened " +
        "to whole words",
    );
    // Said once, in the explanation, not again among the warnings.
    expect(report.warnings.filter((w) => w.includes("inside a word"))).toEqual([]);
    // Each answer's text once (two answers of 600,000 characters), not once per segment.
    const texts = new Map(
      db.prepare("SELECT id, text FROM answers").raw().all() as [number, string][],
    );
    const segments = db.prepare("SELECT answer_id AS answer, start, end FROM segments").all() as {
      answer: number;
      start: number;
      end: number;
    }[];
    const textOf = (s: { answer: number }) => texts.get(s.answer) ?? "";
    // Counts only: the passages themselves must never reach the log.
    const offBoundary = segments.filter(
      (s) => !isWordBoundary(textOf(s), s.start) || !isWordBoundary(textOf(s), s.end),
    ).length;
    expect(segments).toHaveLength(303);
    expect(offBoundary).toBe(0);
    const empty = segments.filter((s) => textOf(s).slice(s.start, s.end).trim() === "").length;
    expect(empty).toBe(0);
  });
});

describe.skipIf(!available)("the ATLAS.ti samples", () => {
  it("a blank project (users only) imports as two coders and no answers, and says so", async () => {
    const { db } = newProject();
    const report = await importRefiProject(db, BLANK, { now: NOW });
    expect(report).toMatchObject({
      kind: "project",
      users: 2,
      codes: 0,
      respondents: 0,
      questions: 0,
      answers: 0,
      segments: 0,
      positions: null,
    });
    expect(report.origin).toMatch(/ATLAS\.ti/);
    expect(count(db, "answers")).toBe(0);
    expect(count(db, "questions")).toBe(0);
    expect(db.prepare("SELECT name FROM coders ORDER BY id").pluck().all()).toEqual([
      "Enric Llagostera",
      "ATLAS.ti",
    ]);
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get()).toBe(
      "blank-atlas-project",
    );
  });

  it("the target project's nested codes without colours get distinct palette colours", async () => {
    const { db } = newProject();
    const report = await importRefiProject(db, TARGET, { now: NOW });
    expect(report.codes).toBe(3);
    expect(projectPaths(db)).toEqual([
      "Commits",
      "Commits / 2022-05-10T02:05:59Z 19e4dce",
      "Commits / 2022-02-11T10:39:25Z cdbfd92",
    ]);
    const colours = db.prepare("SELECT color FROM codes").pluck().all() as string[];
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(3);
  });

  it("the .qdc goes through Codebook › Import and creates its code with its description", async () => {
    const dir = tempDir();
    const core = openCore(dir, newProjectFile());
    const result = coreValue<CodebookImportReport>(
      await core.call("codebook.import", { path: ATLAS_QDC }),
    );
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(result.warnings).toEqual(["1 code set was left out (Cairn has no code groups)"]);
    expect(core.session.db().prepare("SELECT name, color, description FROM codes").all()).toEqual([
      { name: "code1", color: "#46aa00", description: "description" },
    ]);
    const read = await readRefiCodebook(ATLAS_QDC);
    expect(read.warnings.join(" ")).toContain("1 code set was left out");
  });

  it("a .qdpx's codebook reads as entries too, parents first, colours left to the palette", async () => {
    const read = await readRefiCodebook(TARGET);
    expect(read.entries.map((entry) => [entry.path.join(" > "), entry.color])).toEqual([
      ["Commits", undefined],
      ["Commits > 2022-05-10T02:05:59Z 19e4dce", undefined],
      ["Commits > 2022-02-11T10:39:25Z cdbfd92", undefined],
    ]);
  });

  it("the nonconformant .qdc imports leniently, with a warning about its ids", async () => {
    const read = await readRefiCodebook(NONCONFORMANT);
    expect(read.entries.length).toBeGreaterThan(1);
    expect(read.warnings.length).toBeGreaterThan(0);
    const dir = tempDir();
    const core = openCore(dir, newProjectFile());
    const result = coreValue<CodebookImportReport>(
      await core.call("codebook.import", { path: NONCONFORMANT }),
    );
    expect(result.created).toBe(read.entries.length);
    // The warning reaches the app with the counts, as the read said it.
    expect(result.warnings).toEqual(read.warnings);
    expect(result.warnings?.join(" ")).toMatch(/GUID/i);
    const rage = core.session
      .db()
      .prepare(
        `SELECT c.color, p.name AS parent FROM codes c JOIN codes p ON p.id = c.parent_id
          WHERE c.name = 'Rage'`,
      )
      .get();
    expect(rage).toEqual({ color: "#c95858", parent: "Negativ/Aufgeregt" });
  });
});

describe("refusals", () => {
  it("a file that cannot be read leaves the project unchanged", async () => {
    const { db } = newProject();
    const before = snapshot(db);
    const broken = join(tempDir(), "broken.qdpx");
    writeFileSync(broken, "this is not a zip file");
    await expect(importRefiProject(db, broken, { now: NOW })).rejects.toThrow();
    expect(snapshot(db)).toBe(before);
  });

  it("a .txt is not a codebook: the message names .qdc", async () => {
    const dir = tempDir();
    const core = openCore(dir, newProjectFile());
    const notes = join(dir, "notes.doc");
    writeFileSync(notes, "x");
    const result = await core.call("codebook.import", { path: notes });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(".qdc");
  });
});
