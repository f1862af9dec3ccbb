/**
 * Imported coding counts as seen (decision 0015): importing code columns for a question
 * under a coder marks the whole question done for them, so agreement compares those
 * answers (the coded and the uncoded alike).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { undo } from "../../electron/core/coding/history.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const CSV = [
  "id,Q1,Q2,Q1 codes",
  "R1,Safety at night,More buses,Safety",
  "R2,Lighting,Fewer cars,",
  "R3,Nothing to add,Trains,",
].join("\n");

function marks(session: ReturnType<typeof newSession>): unknown[] {
  return session
    .db()
    .prepare(
      `SELECT c.name AS coder, q.label AS question, d.answer_id AS answer FROM done_marks d
         JOIN coders c ON c.id = d.coder_id JOIN questions q ON q.id = d.question_id
        ORDER BY c.name, q.position`,
    )
    .all();
}

describe("importing code columns", () => {
  it("marks the column's question done for its coder, once, and no other question", async () => {
    const dir = tempDir();
    const csv = join(dir, "coded.csv");
    writeFileSync(csv, CSV);
    const session = newSession();
    session.create(join(dir, "survey.cairn"));
    const { report } = await importFiles(session, [csv], {
      mapping: {
        idColumn: "id",
        attributeColumns: [],
        questions: [
          { column: "Q1", label: "Q1", text: "" },
          { column: "Q2", label: "Q2", text: "" },
        ],
        codeColumns: [{ column: "Q1 codes", question: "Q1", coder: "Cleo" }],
      },
    });
    expect(report.segments_added).toBe(1);
    expect(marks(session)).toEqual([{ coder: "Cleo", question: "Q1", answer: null }]);
    // Imports are not undo steps: the mark stays with the imported coding.
    undo(session.db());
    expect(marks(session)).toEqual([{ coder: "Cleo", question: "Q1", answer: null }]);
    session.close();
  });
});
