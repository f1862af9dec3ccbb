import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyCode } from "../../electron/core/coding/coding-service.ts";
import { historyState, undo } from "../../electron/core/coding/history.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import type { ImportMapping } from "../../shared/import/mapping.ts";
import {
  codeAnswer,
  dataSnapshot,
  NOW,
  segmentRows,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const openProject = useCodingProject(tempDir);

const WAVE_2: ImportMapping = {
  idColumn: "id",
  attributeColumns: [],
  questions: [{ column: "Q1", label: "Q1", text: "What should change?" }],
  codeColumns: [{ column: "Codes", question: "Q1", coder: "Importer" }],
  long: null,
  codeDelimiter: ";",
  codeSeparator: ">",
  nonResponses: ["n/a"],
};

const applySafety = (p: CodingProject) => codeAnswer(p, p.answer("R1", "Q1"), "Safety");

const opsCount = (db: Db) => db.prepare("SELECT count(*) FROM history_ops").pluck().get();
const logCount = (db: Db) =>
  db.prepare("SELECT count(*) FROM temp.cairn_history_log").pluck().get();

describe("recording", () => {
  it("logs nothing while an import or the sample project writes", async () => {
    const dir = tempDir();
    const p = await openProject();
    expect(opsCount(p.db())).toBe(0);
    writeFileSync(join(dir, "wave2.csv"), "id,Q1,Codes\nR9,Buses at night,Transport>Night\n");
    await importFiles(p.session, [join(dir, "wave2.csv")], { mapping: WAVE_2 });
    expect(segmentRows(p.db())).toHaveLength(1);
    expect(opsCount(p.db())).toBe(0);
    expect(logCount(p.db())).toBe(0);

    const sample = newSession();
    sample.create(join(dir, "sample.cairn"), { sample: true });
    expect(opsCount(sample.db())).toBe(0);
    expect(historyState(sample.db())).toEqual({ undo: null, redo: null });
    sample.close();
  });

  it("an import that applies clears the history; one that fails keeps it", async () => {
    const dir = tempDir();
    const p = await openProject();
    applySafety(p);
    writeFileSync(join(dir, "bad.csv"), "id,Q1,Codes\nR9,a,\nR9,b,\n");
    await expect(
      importFiles(p.session, [join(dir, "bad.csv")], { mapping: WAVE_2 }),
    ).rejects.toThrow(/duplicate respondent id/);
    expect(historyState(p.db()).undo).toBe("Apply Safety");

    writeFileSync(join(dir, "wave2.csv"), "id,Q1,Codes\nR9,Buses at night,\n");
    await importFiles(p.session, [join(dir, "wave2.csv")], { mapping: WAVE_2 });
    expect(historyState(p.db())).toEqual({ undo: null, redo: null });
    expect(opsCount(p.db())).toBe(0);
  });

  it("leaves no trigger or function in the file: other SQLite tools can edit it", async () => {
    const p = await openProject();
    applySafety(p);
    p.session.close();
    const other = new Database(p.path);
    try {
      expect(
        other.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'").pluck().get(),
      ).toBe(0);
      other.prepare("UPDATE segments SET memo = 'edited elsewhere'").run();
      other.prepare("DELETE FROM segments").run();
    } finally {
      other.close();
    }
  });

  it("a step that can no longer be replayed is reported, changes nothing, and clears the history", async () => {
    const p = await openProject();
    applySafety(p);
    applyCode(
      p.db(),
      { answerId: p.answer("R2", "Q1"), code: { path: ["Joy"] }, coder: "Anna" },
      NOW,
    );
    // Damage the newest step, as a tool editing the file behind Cairn's back might.
    p.db().exec(
      "UPDATE history_ops SET sql = 'INSERT INTO no_such_table VALUES (1)' " +
        "WHERE id = (SELECT max(id) FROM history_ops)",
    );
    const before = dataSnapshot(p.db());
    expect(() => undo(p.db())).toThrow(
      /could not undo "Apply Joy" \(.*no such table.*\); nothing was changed, and the undo history was cleared/,
    );
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historyState(p.db())).toEqual({ undo: null, redo: null });
  });
});
