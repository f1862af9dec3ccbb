import { describe, expect, it } from "vitest";
import {
  createCode,
  pinnedCodes,
  setPinnedCodes,
} from "../../electron/core/coding/codebook-service.ts";
import { deleteCode, deletionImpact } from "../../electron/core/coding/code-delete.ts";
import { mergeCodes } from "../../electron/core/coding/code-merge.ts";
import { redo, undo } from "../../electron/core/coding/history.ts";
import { codeTree } from "../../electron/core/db/codes.ts";
import type { CodeId } from "../../shared/domain.ts";
import {
  codeAnswer,
  codeIdByName,
  dataSnapshot,
  historySteps,
  NOW,
  segmentRows,
  treeShape,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";

const openProject = useCodingProject();

function coderId(p: CodingProject, name: string): number {
  return p.db().prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as number;
}

function writeCodeMemo(p: CodingProject, code: string, coder: string, text: string): void {
  p.db()
    .prepare(
      "INSERT INTO memos (code_id, coder_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    )
    .run(codeIdByName(p.db(), code), coderId(p, coder), text, NOW, NOW);
}

function codeMemos(p: CodingProject): { code: string; coder: string; text: string }[] {
  return p
    .db()
    .prepare(
      `SELECT c.name AS code, k.name AS coder, m.text FROM memos m
         JOIN codes c ON c.id = m.code_id JOIN coders k ON k.id = m.coder_id ORDER BY m.id`,
    )
    .all() as { code: string; coder: string; text: string }[];
}

describe("deleting a code", () => {
  /** Harm > (Risk, Theft) coded on two respondents, with code memos; Other on R1. */
  async function coded() {
    const p = await openProject();
    codeAnswer(p, p.answer("R1", "Q1"), "Harm>Risk", [0, 6], { memo: "first word" });
    codeAnswer(p, p.answer("R1", "Q2"), "Harm>Theft");
    codeAnswer(p, p.answer("R2", "Q1"), "Harm>Theft", undefined, { coder: "Ben" });
    codeAnswer(p, p.answer("R1", "Q1"), "Other", [7, 9]);
    writeCodeMemo(p, "Harm", "Anna", "Broad theme");
    writeCodeMemo(p, "Risk", "Ben", "Only fear");
    return p;
  }

  it("tells what would go: codes below it, segments, respondents once, code memos", async () => {
    const p = await coded();
    expect(deletionImpact(p.db(), codeIdByName(p.db(), "Harm"))).toEqual({
      codes: 3,
      segments: 3,
      respondents: 2,
      memos: 2,
    });
    expect(deletionImpact(p.db(), codeIdByName(p.db(), "Other"))).toEqual({
      codes: 1,
      segments: 1,
      respondents: 1,
      memos: 0,
    });
    expect(() => deletionImpact(p.db(), 999 as CodeId)).toThrow("code 999 is not in this project");
  });

  it("deletes the subtree, its segments and memos in one step, and undo restores every row", async () => {
    const p = await coded();
    setPinnedCodes(p.db(), [codeIdByName(p.db(), "Other")]);
    const before = dataSnapshot(p.db());
    const edited = deleteCode(p.db(), codeIdByName(p.db(), "Harm"), NOW);
    expect(edited.codebookChanged).toBe(true);
    expect([...edited.answerIds].sort()).toEqual(
      [p.answer("R1", "Q1"), p.answer("R1", "Q2"), p.answer("R2", "Q1")].sort(),
    );
    expect(treeShape(codeTree(p.db()))).toEqual(["Other"]);
    expect(segmentRows(p.db())).toHaveLength(1);
    expect(codeMemos(p)).toEqual([]);
    expect(historySteps(p.db()).at(-1)).toEqual({ label: "Delete Harm", state: "done" });
    const after = dataSnapshot(p.db());

    expect(undo(p.db()).label).toBe("Delete Harm");
    expect(dataSnapshot(p.db())).toBe(before);
    redo(p.db());
    expect(dataSnapshot(p.db())).toBe(after);
    undo(p.db());
    expect(dataSnapshot(p.db())).toBe(before);
  });

  it("unpins the codes it deletes", async () => {
    const p = await coded();
    setPinnedCodes(
      p.db(),
      ["Risk", "Other", "Theft"].map((name) => codeIdByName(p.db(), name)),
    );
    deleteCode(p.db(), codeIdByName(p.db(), "Harm"), NOW);
    expect(pinnedCodes(p.db())).toEqual([codeIdByName(p.db(), "Other")]);
  });
});

describe("merging codes", () => {
  /**
   * Safety > Lighting; Risk > Night; Danger > Dark. On R1/Q1 Anna codes Safety 0-6,
   * Risk 4-12 and Danger 12-20 (touching), Ben codes Risk 0-6; on R2/Q1 Anna codes Danger.
   */
  async function coded() {
    const p = await openProject();
    for (const path of ["Safety>Lighting", "Risk>Night", "Danger>Dark"]) {
      createCode(p.db(), path.split(">"), undefined, NOW);
    }
    const r1 = p.answer("R1", "Q1");
    codeAnswer(p, r1, "Safety", [0, 6], { memo: "safety first" });
    codeAnswer(p, r1, "Risk", [4, 12], { memo: "at night" });
    codeAnswer(p, r1, "Danger", [12, 20]);
    codeAnswer(p, r1, "Risk", [0, 6], { coder: "Ben", memo: "Ben's" });
    codeAnswer(p, p.answer("R2", "Q1"), "Danger");
    writeCodeMemo(p, "Safety", "Anna", "Feeling safe.");
    writeCodeMemo(p, "Risk", "Anna", "Fear of harm.");
    writeCodeMemo(p, "Danger", "Ben", "Danger seen.");
    const id = (name: string) => codeIdByName(p.db(), name);
    return { p, id };
  }

  it("moves every segment to the target, joining a coder's overlapping or touching ones", async () => {
    const { p, id } = await coded();
    const safety = id("Safety");
    const report = mergeCodes(p.db(), [id("Risk"), id("Danger")], safety, NOW);
    expect(report).toMatchObject({ moved: 4, merged: 2, codebookChanged: true });
    const rows = segmentRows(p.db()).map(({ answer_id, code_id, coder_id, start, end, memo }) => ({
      answer: answer_id,
      code: code_id,
      coder: coder_id,
      start,
      end,
      memo,
    }));
    const anna = coderId(p, "Anna");
    const ben = coderId(p, "Ben");
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          answer: p.answer("R1", "Q1"),
          code: safety,
          coder: anna,
          start: 0,
          end: 20,
          memo: "safety first\n\nat night",
        },
        { answer: p.answer("R1", "Q1"), code: safety, coder: ben, start: 0, end: 6, memo: "Ben's" },
        {
          answer: p.answer("R2", "Q1"),
          code: safety,
          coder: anna,
          start: 0,
          end: expect.any(Number),
          memo: "",
        },
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(historySteps(p.db()).at(-1)).toEqual({ label: "Merge into Safety", state: "done" });
  });

  it("moves the sources' children under the target and deletes the sources", async () => {
    const { p, id } = await coded();
    mergeCodes(p.db(), [id("Risk"), id("Danger")], id("Safety"), NOW);
    expect(treeShape(codeTree(p.db()))).toEqual([["Safety", ["Lighting", "Night", "Dark"]]]);
    const positions = p.db().prepare("SELECT name, position FROM codes ORDER BY position").all();
    expect(positions).toEqual([
      { name: "Safety", position: 0 },
      { name: "Lighting", position: 0 },
      { name: "Night", position: 1 },
      { name: "Dark", position: 2 },
    ]);
  });

  it("appends a source's code memo to the target's memo by the same coder, after a blank line", async () => {
    const { p, id } = await coded();
    mergeCodes(p.db(), [id("Risk"), id("Danger")], id("Safety"), NOW);
    expect(codeMemos(p)).toEqual([
      { code: "Safety", coder: "Anna", text: "Feeling safe.\n\nFear of harm." },
      { code: "Safety", coder: "Ben", text: "Danger seen." },
    ]);
  });

  it("merges a code with its own sub-code, and one step undoes and redoes it exactly", async () => {
    const { p, id } = await coded();
    const before = dataSnapshot(p.db());
    mergeCodes(p.db(), [id("Danger"), id("Dark"), id("Risk")], id("Safety"), NOW);
    expect(treeShape(codeTree(p.db()))).toEqual([["Safety", ["Lighting", "Night"]]]);
    const after = dataSnapshot(p.db());
    expect(undo(p.db()).label).toBe("Merge into Safety");
    expect(dataSnapshot(p.db())).toBe(before);
    redo(p.db());
    expect(dataSnapshot(p.db())).toBe(after);
  });

  it("passes a source's pin to the target unless the target has one", async () => {
    const { p, id } = await coded();
    const [safety, risk, danger, dark] = ["Safety", "Risk", "Danger", "Dark"].map(id);
    setPinnedCodes(p.db(), [dark!, risk!, danger!]);
    mergeCodes(p.db(), [risk!, danger!], safety!, NOW);
    expect(pinnedCodes(p.db())).toEqual([dark, safety]);
    createCode(p.db(), ["Harm"], undefined, NOW);
    setPinnedCodes(p.db(), [id("Harm"), safety!]);
    mergeCodes(p.db(), [id("Harm")], safety!, NOW);
    expect(pinnedCodes(p.db())).toEqual([safety]);
  });

  it("refuses a target among the sources, inside a source, a missing code, or a name clash", async () => {
    const { p, id } = await coded();
    createCode(p.db(), ["Risk", "lighting"], undefined, NOW);
    createCode(p.db(), ["Danger", "night"], undefined, NOW);
    createCode(p.db(), ["Harm"], undefined, NOW);
    const before = dataSnapshot(p.db());
    expect(() => mergeCodes(p.db(), [id("Risk"), id("Safety")], id("Safety"), NOW)).toThrow(
      'cannot merge "Safety" into itself',
    );
    expect(() => mergeCodes(p.db(), [id("Danger")], id("Dark"), NOW)).toThrow(
      'cannot merge "Danger" into "Dark", which is one of its own sub-codes',
    );
    expect(() => mergeCodes(p.db(), [id("Risk"), 999 as CodeId], id("Safety"), NOW)).toThrow(
      "code 999 is not in this project",
    );
    expect(() => mergeCodes(p.db(), [id("Risk")], 998 as CodeId, NOW)).toThrow(
      "code 998 is not in this project",
    );
    expect(() => mergeCodes(p.db(), [id("Risk")], id("Safety"), NOW)).toThrow(
      'cannot merge: "Safety" and "Risk" both have a code "Lighting"; rename or move one of them first',
    );
    expect(() => mergeCodes(p.db(), [id("Risk"), id("Danger")], id("Harm"), NOW)).toThrow(
      'cannot merge: "Risk" and "Danger" both have a code "Night"',
    );
    expect(dataSnapshot(p.db())).toBe(before);
  });
});
