import { afterEach, describe, expect, it } from "vitest";
import { cooccurrenceTable } from "../../electron/core/retrieval/cooccurrence.ts";
import type { CoderId, QuestionId } from "../../shared/domain.ts";
import type { CooccurrenceTable } from "../../shared/api/retrieval-api.ts";
import { codeAnswer, codingProject, type CodingProject } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let open: CodingProject | null = null;
afterEach(() => open?.session.close());

/**
 * Anna: Safety>Night and Lighting in R1's answer to Q1, Safety and Transport in R1's
 * answer to Q2 (so R1 carries Safety in two answers). Ben: Safety in R2's answer to Q1.
 */
async function codedProject(): Promise<CodingProject> {
  const project = await codingProject(tempDir());
  open = project;
  codeAnswer(project, project.answer("R1", "Q1"), "Safety>Night", [0, 15]);
  codeAnswer(project, project.answer("R1", "Q1"), "Lighting", [35, 50]);
  codeAnswer(project, project.answer("R1", "Q1"), "Lighting", [0, 6]); // twice in one answer
  codeAnswer(project, project.answer("R1", "Q2"), "Safety");
  codeAnswer(project, project.answer("R1", "Q2"), "Transport");
  codeAnswer(project, project.answer("R2", "Q1"), "Safety", [0, 11], { coder: "Ben" });
  return project;
}

/** The table as "row x column = n" for every non-zero cell, for readable expectations. */
function cellsOf(table: CooccurrenceTable): Record<string, number> {
  const names = table.codes.map((code) => code.path.join(">"));
  const cells: Record<string, number> = {};
  table.cells.forEach((row, i) =>
    row.forEach((n, j) => {
      if (n > 0) cells[`${names[i]} x ${names[j]}`] = n;
    }),
  );
  return cells;
}

describe("the co-occurrence table", () => {
  it("lists every code in tree order, a category beside its codes", async () => {
    const project = await codedProject();
    const table = cooccurrenceTable(project.db(), {});
    expect(table.codes.map((code) => code.path)).toEqual([
      ["Safety"],
      ["Safety", "Night"],
      ["Lighting"],
      ["Transport"],
    ]);
    expect(table.cells).toHaveLength(4);
    expect(table.cells.every((row) => row.length === 4)).toBe(true);
  });

  it("counts, across all questions, each respondent once per pair of codes", async () => {
    const project = await codedProject();
    expect(cellsOf(cooccurrenceTable(project.db(), {}))).toEqual({
      // Safety: R1 (through Night in Q1 and itself in Q2, counted once) and R2.
      "Safety x Safety": 2,
      "Safety x Safety>Night": 1,
      "Safety x Lighting": 1,
      "Safety x Transport": 1,
      "Safety>Night x Safety": 1,
      "Safety>Night x Safety>Night": 1,
      "Safety>Night x Lighting": 1,
      "Safety>Night x Transport": 1,
      "Lighting x Safety": 1,
      "Lighting x Safety>Night": 1,
      "Lighting x Lighting": 1,
      "Lighting x Transport": 1,
      "Transport x Safety": 1,
      "Transport x Safety>Night": 1,
      "Transport x Lighting": 1,
      "Transport x Transport": 1,
    });
  });

  it("for one question, counts only codes that meet in the same answer", async () => {
    const project = await codedProject();
    const q1 = cellsOf(
      cooccurrenceTable(project.db(), { questionId: project.question("Q1") as QuestionId }),
    );
    expect(q1["Safety x Safety"]).toBe(2);
    expect(q1["Safety x Lighting"]).toBe(1);
    expect(q1["Lighting x Lighting"]).toBe(1);
    expect(q1["Safety x Transport"]).toBeUndefined();
    const q2 = cellsOf(
      cooccurrenceTable(project.db(), { questionId: project.question("Q2") as QuestionId }),
    );
    expect(q2).toEqual({
      "Safety x Safety": 1,
      "Safety x Transport": 1,
      "Transport x Safety": 1,
      "Transport x Transport": 1,
    });
  });

  it("counts one coder's segments only when asked", async () => {
    const project = await codedProject();
    const ben = project
      .db()
      .prepare("SELECT id FROM coders WHERE name = 'Ben'")
      .pluck()
      .get() as CoderId;
    expect(cellsOf(cooccurrenceTable(project.db(), { coderId: ben }))).toEqual({
      "Safety x Safety": 1,
    });
  });

  it("is all zeros before anything is coded", async () => {
    const project = await codingProject(tempDir());
    open = project;
    expect(cooccurrenceTable(project.db(), {})).toEqual({ codes: [], cells: [] });
  });
});
