import { describe, expect, it } from "vitest";
import {
  createCode,
  pinnedCodes,
  renameCode,
  setPinnedCodes,
} from "../../electron/core/coding/codebook-service.ts";
import { undo } from "../../electron/core/coding/history.ts";
import { codeTree } from "../../electron/core/db/codes.ts";
import { CODE_PALETTE, distinctColor } from "../../shared/codes/palette.ts";
import type { CodeId } from "../../shared/domain.ts";
import { codeIdByName, NOW, useCodingProject } from "../helpers/coding-project.ts";

const openProject = useCodingProject();

describe("creating and renaming codes while coding", () => {
  it("creates a code under parents it creates too, in distinct palette colours unless one is given", async () => {
    const p = await openProject();
    const made = createCode(p.db(), ["Harm", "Risk"], "#AA3300", NOW);
    expect(made.codebookChanged).toBe(true);
    expect(codeTree(p.db())).toEqual([
      expect.objectContaining({
        name: "Harm",
        color: CODE_PALETTE[0],
        children: [expect.objectContaining({ id: made.codeId, name: "Risk", color: "#aa3300" })],
      }),
    ]);
    const second = createCode(p.db(), ["harm ", "Theft"], undefined, NOW);
    expect(codeTree(p.db())[0]?.children.map((c) => [c.name, c.color])).toEqual([
      ["Risk", "#aa3300"],
      ["Theft", distinctColor([CODE_PALETTE[0]!, "#aa3300"])],
    ]);
    expect(
      new Set([CODE_PALETTE[0], "#aa3300", codeTree(p.db())[0]?.children[1]?.color]).size,
    ).toBe(3);
    expect(second.codeId).toBe(codeIdByName(p.db(), "Theft"));
  });

  it("refuses a sibling's name, ignoring case and spacing, but allows recasing a name", async () => {
    const p = await openProject();
    createCode(p.db(), ["Harm", "Risk"], undefined, NOW);
    createCode(p.db(), ["Harm", "Theft"], undefined, NOW);
    createCode(p.db(), ["Other", "Theft risk"], undefined, NOW);
    const risk = codeIdByName(p.db(), "Risk");
    expect(() => renameCode(p.db(), risk, "THEFT", NOW)).toThrow(
      'there is already a code "Theft" under "Harm"',
    );
    renameCode(p.db(), risk, "Theft risk", NOW); // a cousin may share it
    renameCode(p.db(), risk, "theft RISK", NOW);
    expect(codeTree(p.db())[0]?.children[0]?.name).toBe("theft RISK");
    expect(() => renameCode(p.db(), 999 as CodeId, "X", NOW)).toThrow(
      "code 999 is not in this project",
    );
  });
});

describe("pinned codes", () => {
  it("keeps the number keys' codes in the project, in order, without duplicates", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    const b = createCode(p.db(), ["B"], undefined, NOW).codeId;
    expect(pinnedCodes(p.db())).toEqual([]);
    expect(setPinnedCodes(p.db(), [b, a, b])).toEqual([b, a]);
    p.session.close();
    p.session.open(p.path);
    expect(pinnedCodes(p.db())).toEqual([b, a]);
    expect(() => setPinnedCodes(p.db(), [a, 77 as CodeId])).toThrow(
      "code 77 is not in this project",
    );
    expect(pinnedCodes(p.db())).toEqual([b, a]);
  });

  it("leaves out a pinned code that no longer exists, and is not itself undone", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    const b = createCode(p.db(), ["B"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [a, b]);
    expect(undo(p.db()).label).toBe("Create code B");
    expect(pinnedCodes(p.db())).toEqual([a]);
  });
});
