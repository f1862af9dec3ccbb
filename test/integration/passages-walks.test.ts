import { describe, expect, it } from "vitest";
import {
  countPassages,
  passageIds,
  type PassageOrder,
  type PassageSelection,
} from "../../electron/core/db/passage-list.ts";
import type { CodeId, CoderId } from "../../shared/domain.ts";
import { codeAnswer, codeIdByName, useCodingProject } from "../helpers/coding-project.ts";

const openProject = useCodingProject();

// A large category is read by walking the answers, a small code from the code index:
// whichever way, the same passages come back in the same order.
describe("the two ways to a code's passages", () => {
  it("find the same passages, counted and ordered alike", async () => {
    const project = await openProject();
    codeAnswer(project, project.answer("R1", "Q1"), "Safety>Night", [0, 15]);
    codeAnswer(project, project.answer("R1", "Q1"), "Lighting", [35, 50]);
    codeAnswer(project, project.answer("R1", "Q2"), "Safety");
    codeAnswer(project, project.answer("R1", "Q2"), "Transport");
    codeAnswer(project, project.answer("R2", "Q1"), "Safety", [0, 11], { coder: "Ben" });
    codeAnswer(project, project.answer("R2", "Q1"), "Lighting", [12, 16], { coder: "Ben" });
    const db = project.db();
    const code = (name: string) => codeIdByName(db, name);
    const safety = [code("Safety"), code("Night")] as CodeId[];
    const selections: PassageSelection[] = [
      { codeIds: safety },
      { codeIds: safety, questionId: project.question("Q1") as never },
      { codeIds: safety, coderId: 2 as CoderId },
      { codeIds: safety, attributes: [{ attributeId: 1, values: ["Malta"] }] },
      { codeIds: safety, withCode: { codeIds: [code("Lighting")], within: "answer" } },
      { codeIds: safety, withCode: { codeIds: [code("Transport")], within: "respondent" } },
      { codeIds: [code("Lighting")], withCode: { codeIds: safety, within: "respondent" } },
    ];
    for (const selection of selections) {
      for (const order of ["question", "respondent"] as PassageOrder[]) {
        const page = { offset: 0, limit: -1 };
        const bySegments = passageIds(db, selection, order, page, "segments");
        expect(bySegments.length).toBeGreaterThan(0);
        expect(passageIds(db, selection, order, page, "answers")).toEqual(bySegments);
        expect(countPassages(db, selection, "answers")).toBe(bySegments.length);
        expect(countPassages(db, selection, "segments")).toBe(bySegments.length);
      }
    }
  });
});
