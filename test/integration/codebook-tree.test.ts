import { describe, expect, it } from "vitest";
import {
  createCode,
  describeCode,
  recolorCode,
} from "../../electron/core/coding/codebook-service.ts";
import { moveCode } from "../../electron/core/coding/code-move.ts";
import { redo, undo } from "../../electron/core/coding/history.ts";
import { codeTree } from "../../electron/core/db/codes.ts";
import type { CodeId } from "../../shared/domain.ts";
import {
  codeIdByName,
  dataSnapshot,
  historySteps,
  NOW,
  treeShape,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";

const openProject = useCodingProject();

function positions(p: CodingProject): Record<string, number> {
  const rows = p.db().prepare("SELECT name, position FROM codes").all() as {
    name: string;
    position: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.position]));
}

/** Harm > (Risk, Theft), Place > (Street, Park), Other. */
async function codebook() {
  const p = await openProject();
  for (const path of ["Harm>Risk", "Harm>Theft", "Place>Street", "Place>Park", "Other"]) {
    createCode(p.db(), path.split(">"), undefined, NOW);
  }
  const id = (name: string) => codeIdByName(p.db(), name);
  return { p, id };
}

describe("recolouring and describing a code", () => {
  it("stores the colour lower-cased, as one undoable step", async () => {
    const { p, id } = await codebook();
    const edited = recolorCode(p.db(), id("Risk"), "#AB12CD", NOW);
    expect(edited.codebookChanged).toBe(true);
    expect(codeTree(p.db())[0]?.children[0]?.color).toBe("#ab12cd");
    expect(historySteps(p.db()).at(-1)).toEqual({ label: "Recolour Risk", state: "done" });
    undo(p.db());
    expect(codeTree(p.db())[0]?.children[0]?.color).not.toBe("#ab12cd");
  });

  it("writes the four parts of a codebook entry, and a repeat changes nothing", async () => {
    const { p, id } = await codebook();
    const entry = {
      description: "Fear of harm to oneself",
      whenToUse: "The respondent feels unsafe",
      whenNotToUse: "Harm to property: use Theft",
      example: "I don't walk home at night",
    };
    describeCode(p.db(), id("Risk"), entry, NOW);
    expect(codeTree(p.db())[0]?.children[0]).toMatchObject(entry);
    const steps = historySteps(p.db()).length;
    describeCode(p.db(), id("Risk"), entry, NOW);
    expect(historySteps(p.db())).toHaveLength(steps);
    expect(historySteps(p.db()).at(-1)?.label).toBe("Describe Risk");
    undo(p.db());
    expect(codeTree(p.db())[0]?.children[0]).toMatchObject({ description: "", example: "" });
  });

  it("refuses a code that is not there", async () => {
    const { p } = await codebook();
    expect(() => recolorCode(p.db(), 999 as CodeId, "#000000", NOW)).toThrow(
      "code 999 is not in this project",
    );
  });
});

describe("moving codes in the tree", () => {
  it("reorders siblings, numbering positions from 0", async () => {
    const { p, id } = await codebook();
    moveCode(p.db(), { codeId: id("Theft"), parentId: id("Harm"), position: 0 }, NOW);
    expect(treeShape(codeTree(p.db()))[0]).toEqual(["Harm", ["Theft", "Risk"]]);
    expect(positions(p)).toMatchObject({ Theft: 0, Risk: 1 });
    expect(historySteps(p.db()).at(-1)).toEqual({ label: "Move Theft", state: "done" });
    moveCode(p.db(), { codeId: id("Theft"), parentId: id("Harm"), position: 99 }, NOW);
    expect(treeShape(codeTree(p.db()))[0]).toEqual(["Harm", ["Risk", "Theft"]]);
  });

  it("moves a code with its subtree under another parent and renumbers both lists", async () => {
    const { p, id } = await codebook();
    moveCode(p.db(), { codeId: id("Risk"), parentId: id("Place"), position: 1 }, NOW);
    moveCode(p.db(), { codeId: id("Place"), parentId: id("Other"), position: 0 }, NOW);
    expect(treeShape(codeTree(p.db()))).toEqual([
      ["Harm", ["Theft"]],
      ["Other", [["Place", ["Street", "Risk", "Park"]]]],
    ]);
    expect(positions(p)).toMatchObject({
      Theft: 0,
      Street: 0,
      Risk: 1,
      Park: 2,
      Harm: 0,
      Other: 1,
    });
    expect(codeTree(p.db())[1]?.children[0]?.children[1]?.path).toEqual(["Other", "Place", "Risk"]);
    moveCode(p.db(), { codeId: id("Place"), parentId: null, position: 0 }, NOW);
    expect(
      treeShape(codeTree(p.db())).map((node) => (Array.isArray(node) ? node[0] : node)),
    ).toEqual(["Place", "Harm", "Other"]);
  });

  it("changes nothing, and leaves no step, for a move to where the code is", async () => {
    const { p, id } = await codebook();
    const before = dataSnapshot(p.db());
    const steps = historySteps(p.db()).length;
    const outcome = moveCode(
      p.db(),
      { codeId: id("Risk"), parentId: id("Harm"), position: 0 },
      NOW,
    );
    expect(outcome.codebookChanged).toBe(false);
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historySteps(p.db())).toHaveLength(steps);
  });

  it("refuses to put a code inside itself or its own subtree, changing nothing", async () => {
    const { p, id } = await codebook();
    createCode(p.db(), ["Place", "Street", "Corner"], undefined, NOW);
    const before = dataSnapshot(p.db());
    expect(() =>
      moveCode(p.db(), { codeId: id("Place"), parentId: id("Place"), position: 0 }, NOW),
    ).toThrow('cannot move "Place" inside itself');
    expect(() =>
      moveCode(p.db(), { codeId: id("Place"), parentId: id("Corner"), position: 0 }, NOW),
    ).toThrow('cannot move "Place" inside its own sub-code "Corner"');
    expect(dataSnapshot(p.db())).toBe(before);
  });

  it("refuses a move next to a code of the same name, ignoring case and spacing", async () => {
    const { p, id } = await codebook();
    createCode(p.db(), ["Place", "theft "], undefined, NOW);
    createCode(p.db(), ["risk"], undefined, NOW);
    const before = dataSnapshot(p.db());
    expect(() =>
      moveCode(p.db(), { codeId: id("Theft"), parentId: id("Place"), position: 0 }, NOW),
    ).toThrow('cannot move "Theft": there is already a code "theft " under "Place"');
    expect(() =>
      moveCode(p.db(), { codeId: id("Risk"), parentId: null, position: 0 }, NOW),
    ).toThrow('cannot move "Risk": there is already a code "risk" at the top level');
    expect(dataSnapshot(p.db())).toBe(before);
    expect(treeShape(codeTree(p.db()))[0]).toEqual(["Harm", ["Risk", "Theft"]]);
  });

  it("refuses an unknown code or parent", async () => {
    const { p, id } = await codebook();
    expect(() =>
      moveCode(p.db(), { codeId: 999 as CodeId, parentId: null, position: 0 }, NOW),
    ).toThrow("code 999 is not in this project");
    expect(() =>
      moveCode(p.db(), { codeId: id("Risk"), parentId: 998 as CodeId, position: 0 }, NOW),
    ).toThrow("code 998 is not in this project");
  });

  it("undoes and redoes a move exactly", async () => {
    const { p, id } = await codebook();
    const before = dataSnapshot(p.db());
    moveCode(p.db(), { codeId: id("Harm"), parentId: id("Place"), position: 1 }, NOW);
    const after = dataSnapshot(p.db());
    expect(undo(p.db()).label).toBe("Move Harm");
    expect(dataSnapshot(p.db())).toBe(before);
    redo(p.db());
    expect(dataSnapshot(p.db())).toBe(after);
  });
});
