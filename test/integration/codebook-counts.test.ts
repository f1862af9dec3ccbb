import { describe, expect, it } from "vitest";
import type { CodeCount, CodeCounts } from "../../shared/api/codebook-api.ts";
import { codeCountsOf } from "../../electron/core/coding/code-counts.ts";
import { mergeCodes } from "../../electron/core/coding/code-merge.ts";
import { removeSegments } from "../../electron/core/coding/coding-service.ts";
import { redo, undo } from "../../electron/core/coding/history.ts";
import { countCodes, readTree, talliesToCounts } from "../../electron/core/db/code-counts.ts";
import type { CoderId, ProjectEdit, SegmentId } from "../../shared/domain.ts";
import {
  codeAnswer,
  codeIdByName,
  NOW,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const openProject = useCodingProject(tempDir);
const openCore = useCoreProject();

/** Counts by code name, without the id: [segments, respondents, subtree segs, subtree resp]. */
function byName(p: CodingProject, counts: CodeCounts): Record<string, number[]> {
  const names = new Map(
    (p.db().prepare("SELECT id, name FROM codes").all() as { id: number; name: string }[]).map(
      (row) => [row.id, row.name],
    ),
  );
  return Object.fromEntries(
    counts.counts.map((c: CodeCount) => [
      names.get(c.codeId),
      [c.segments, c.respondents, c.subtreeSegments, c.subtreeRespondents],
    ]),
  );
}

function coder(p: CodingProject, name: string): CoderId {
  return p.db().prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as CoderId;
}

/**
 * Harm > (Risk, Theft), Other (never used). R1 has Risk twice (two answers) and Theft;
 * R2 has Theft, by Ben.
 */
async function coded() {
  const p = await openProject();
  codeAnswer(p, p.answer("R1", "Q1"), "Harm>Risk", [0, 6]);
  codeAnswer(p, p.answer("R1", "Q1"), "Harm>Theft", [7, 9]);
  codeAnswer(p, p.answer("R1", "Q2"), "Harm>Risk");
  codeAnswer(p, p.answer("R2", "Q1"), "Harm>Theft", undefined, { coder: "Ben" });
  codeAnswer(p, p.answer("R1", "Q1"), "Other", [0, 6], { coder: "Ben" });
  p.db().prepare("DELETE FROM segments WHERE code_id = ?").run(codeIdByName(p.db(), "Other"));
  return p;
}

describe("counts beside each code", () => {
  it("counts a category's respondents once however many of its codes they have", async () => {
    const p = await coded();
    const counts = codeCountsOf(p.db(), null);
    expect(counts.coderId).toBeNull();
    expect(byName(p, counts)).toEqual({
      Harm: [0, 0, 4, 2],
      Risk: [2, 1, 2, 1],
      Theft: [2, 2, 2, 2],
      Other: [0, 0, 0, 0],
    });
  });

  it("counts one coder's segments only", async () => {
    const p = await coded();
    expect(byName(p, codeCountsOf(p.db(), coder(p, "Anna")))).toEqual({
      Harm: [0, 0, 3, 1],
      Risk: [2, 1, 2, 1],
      Theft: [1, 1, 1, 1],
      Other: [0, 0, 0, 0],
    });
    expect(byName(p, codeCountsOf(p.db(), coder(p, "Ben")))).toMatchObject({
      Harm: [0, 0, 1, 1],
      Theft: [1, 1, 1, 1],
    });
  });

  it("counts the same when answers are not stored respondent by respondent", async () => {
    const p = await coded();
    // Segments read in answer order then meet R2 before R1's second answer.
    const moved = p.answer("R1", "Q2");
    p.db().pragma("foreign_keys = OFF");
    p.db().exec(`UPDATE answers SET id = 100 WHERE id = ${moved}`);
    p.db().exec(`UPDATE segments SET answer_id = 100 WHERE answer_id = ${moved}`);
    p.db().pragma("foreign_keys = ON");
    codeAnswer(p, p.answer("R2", "Q1"), "Harm>Risk", [0, 1]);
    expect(byName(p, codeCountsOf(p.db(), null))).toMatchObject({
      Harm: [0, 0, 5, 2],
      Risk: [3, 2, 3, 2],
    });
  });

  it("counts a deeper tree, and follows changes", async () => {
    const p = await coded();
    codeAnswer(p, p.answer("R2", "Q1"), "Harm>Theft>Car", [0, 1]);
    expect(byName(p, codeCountsOf(p.db(), null))).toMatchObject({
      Harm: [0, 0, 5, 2],
      Theft: [2, 2, 3, 2],
      Car: [1, 1, 1, 1],
    });
  });
});

describe("counts kept up to date after each change", () => {
  /** The kept counts equal a fresh count, for all coders and for each. */
  function expectFresh(p: CodingProject) {
    for (const coderId of [null, coder(p, "Anna"), coder(p, "Ben")]) {
      const tree = readTree(p.db());
      expect(codeCountsOf(p.db(), coderId).counts).toEqual(
        talliesToCounts(tree, countCodes(p.db(), tree, coderId)),
      );
    }
  }

  it("follows coding, removing, merging, undo and redo as a fresh count would", async () => {
    const p = await coded();
    expectFresh(p);
    codeAnswer(p, p.answer("R2", "Q1"), "Harm>Risk", [0, 1]);
    expectFresh(p);
    codeAnswer(p, p.answer("R2", "Q1"), "Harm>Risk", [1, 3], { coder: "Ben" });
    expectFresh(p);
    const theft = p
      .db()
      .prepare("SELECT id FROM segments WHERE code_id = ?")
      .pluck()
      .all(codeIdByName(p.db(), "Theft")) as SegmentId[];
    removeSegments(p.db(), theft, NOW);
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    mergeCodes(p.db(), [codeIdByName(p.db(), "Theft")], codeIdByName(p.db(), "Risk"), NOW);
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    redo(p.db());
    expectFresh(p);
    expect(byName(p, codeCountsOf(p.db(), null))).toMatchObject({
      Harm: [0, 0, 5, 2],
      Risk: [5, 2, 5, 2],
    });
  });
});

describe("the codebook through the API", () => {
  it("moves, merges and counts codes, each edit answering with its undo label", async () => {
    const dir = tempDir();
    const p = await coded();
    const [harm, risk, theft, other] = ["Harm", "Risk", "Theft", "Other"].map((name) =>
      codeIdByName(p.db(), name),
    );
    p.session.close();
    const core = openCore(dir, p.path);
    const moved = coreValue<ProjectEdit>(
      await core.call("codes.move", { codeId: other, parentId: harm, position: 0 }),
    );
    expect(moved.history.undo).toBe("Move Other");
    const merged = coreValue<ProjectEdit & { moved: number; merged: number }>(
      await core.call("codes.merge", { sourceIds: [theft], targetId: risk }),
    );
    expect(merged).toMatchObject({ moved: 2, merged: 0, history: { undo: "Merge into Risk" } });
    expect(merged.answers.length).toBeGreaterThan(0);
    const counts = coreValue<CodeCounts>(await core.call("codes.counts", {}));
    expect(counts.counts.find((c) => c.codeId === harm)).toEqual({
      codeId: harm,
      segments: 0,
      respondents: 0,
      subtreeSegments: 4,
      subtreeRespondents: 2,
    });
    const refused = await core.call("codes.move", { codeId: harm, parentId: risk, position: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "bad_input", message: 'cannot move "Harm" inside its own sub-code "Risk"' },
    });
    const recolored = coreValue<ProjectEdit>(
      await core.call("codes.recolor", { codeId: risk, color: "#ABCDEF" }),
    );
    expect(recolored.history.undo).toBe("Recolour Risk");
  });
});
