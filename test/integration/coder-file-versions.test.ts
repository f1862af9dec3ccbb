/**
 * A coder's file from another version of Cairn: one from before the project was
 * upgraded is read through a migrated temporary copy (the coder's file is never
 * changed); one from a newer Cairn is refused with both versions named.
 */
import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeCoderFile } from "../../electron/core/agreement/coder-merge.ts";
import { applyCode } from "../../electron/core/coding/coding-service.ts";
import { appMigrations, fileHash, newSession } from "../helpers/project.ts";
import { importFiles } from "../helpers/import.ts";
import { codingProject, NOW } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const CSV = [
  "id,Country,Q1,Q2",
  '"R1",Ireland,"Safety at night matters most. Also better lighting.",More buses',
  '"R2",Malta,"I feel safe 😀 here",n/a',
  "R3,Cyprus,n/a,",
].join("\n");

describe("a coder file from another version of Cairn", () => {
  it("from an older schema is merged through a migrated copy, leaving the file as it was", async () => {
    const dir = tempDir();
    const project = await codingProject(dir);
    const latest = appMigrations().length;
    // Ben's Cairn was one schema behind.
    const older = newSession(appMigrations().slice(0, latest - 1));
    const benPath = join(dir, "ben-old.cairn");
    older.create(benPath);
    const csv = join(dir, "same-survey.csv");
    writeFileSync(csv, CSV);
    await importFiles(older, [csv], {
      mapping: {
        idColumn: "id",
        attributeColumns: ["Country"],
        questions: [
          { column: "Q1", label: "Q1", text: "" },
          { column: "Q2", label: "Q2", text: "" },
        ],
        nonResponses: ["n/a"],
      },
    });
    const benDb = older.db();
    const r1q1 = benDb
      .prepare(
        "SELECT a.id FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.label = 'Q1' ORDER BY a.id",
      )
      .pluck()
      .get() as never;
    applyCode(
      benDb,
      { answerId: r1q1, code: { path: ["Safety"] }, coder: "Ben", start: 0, end: 6 },
      NOW,
    );
    older.close();
    const hash = fileHash(benPath);

    const { report } = mergeCoderFile(project.db(), benPath, NOW);
    expect(report).toMatchObject({ coders: ["Ben"], segmentsAdded: 1, codesCreated: [["Safety"]] });
    expect(fileHash(benPath)).toBe(hash);
    project.session.close();
  });

  it("from a newer schema is refused, naming both versions", async () => {
    const dir = tempDir();
    const project = await codingProject(dir);
    const newer = join(dir, "newer.cairn");
    project.db().prepare("VACUUM INTO ?").run(newer);
    const db = new Database(newer);
    db.pragma("user_version = 99");
    db.close();
    const version = appMigrations().length;
    expect(() => mergeCoderFile(project.db(), newer, NOW)).toThrow(
      `newer.cairn was saved by a newer version of Cairn (schema 99; this project is at schema ${version})`,
    );
    project.session.close();
  });
});
