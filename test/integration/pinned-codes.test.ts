import { describe, expect, it } from "vitest";
import {
  createCode,
  pinnedCodes,
  setPinnedCodes,
} from "../../electron/core/coding/codebook-service.ts";
import { deleteCode } from "../../electron/core/coding/code-delete.ts";
import { mergeCodes } from "../../electron/core/coding/code-merge.ts";
import { applyCode } from "../../electron/core/coding/coding-service.ts";
import { redo, undo } from "../../electron/core/coding/history.ts";
import type { CodeId } from "../../shared/domain.ts";
import {
  codingProject,
  NOW,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const openProject = useCodingProject(tempDir);
const openCore = useCoreProject();

/** The list as stored in the file, not as the reader filters it. */
function storedPins(p: CodingProject): unknown {
  const value = p
    .db()
    .prepare("SELECT value FROM project_meta WHERE key = 'pinned_codes'")
    .pluck()
    .get() as string | undefined;
  return value === undefined ? undefined : JSON.parse(value);
}

describe("a pinned code whose creation is undone", () => {
  it("leaves the number keys, and the next new code, which gets its id, is not pinned", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    const b = createCode(p.db(), ["B"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [b, a]);

    expect(undo(p.db()).label).toBe("Create code B");
    expect(storedPins(p)).toEqual([a]);

    // SQLite hands the freed id out again: the pin must not have waited for it.
    const c = createCode(p.db(), ["C"], undefined, NOW).codeId;
    expect(c).toBe(b);
    expect(pinnedCodes(p.db())).toEqual([a]);
  });

  it("is pinned again by a redo, which brings back the very code the undo took", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [a]);
    undo(p.db());
    expect(pinnedCodes(p.db())).toEqual([]);
    expect(redo(p.db()).label).toBe("Create code A");
    expect(pinnedCodes(p.db())).toEqual([a]);
  });

  it("also leaves when it was created by applying it from the picker", async () => {
    const p = await openProject();
    const answerId = p.answer("R1", "Q1");
    const kept = createCode(p.db(), ["Kept"], undefined, NOW).codeId;
    const apply = (name: string) =>
      applyCode(p.db(), { answerId, code: { path: [name] }, coder: "Anna", start: 0, end: 6 }, NOW);
    const made = apply("Helpline").codeId;
    setPinnedCodes(p.db(), [made, kept]);

    expect(undo(p.db()).label).toBe("Apply Helpline");
    const next = apply("Referral").codeId;
    expect(next).toBe(made);
    expect(pinnedCodes(p.db())).toEqual([kept]);
  });

  it("leaves after the project is closed and opened again", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    const b = createCode(p.db(), ["B"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [a, b]);
    p.session.close();
    p.session.open(p.path);

    // The app reads the pins as it opens a project, then the coder undoes.
    expect(pinnedCodes(p.db())).toEqual([a, b]);
    undo(p.db());
    expect(createCode(p.db(), ["C"], undefined, NOW).codeId).toBe(b);
    expect(pinnedCodes(p.db())).toEqual([a]);
  });

  it("leaves no trigger in the file itself", async () => {
    const p = await openProject();
    setPinnedCodes(p.db(), [createCode(p.db(), ["A"], undefined, NOW).codeId]);
    expect(
      p.db().prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'").pluck().get(),
    ).toBe(0);
  });

  it("does not stop the undo when the stored list was written by another program", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [a]);
    p.db().prepare("UPDATE project_meta SET value = 'not json' WHERE key = 'pinned_codes'").run();
    expect(undo(p.db()).label).toBe("Create code A");
    expect(pinnedCodes(p.db())).toEqual([]);
    expect(
      p.db().prepare("SELECT value FROM project_meta WHERE key = 'pinned_codes'").pluck().get(),
    ).toBe("not json");
  });
});

describe("pins through the API, as the app uses it", () => {
  it("a code made in the picker, pinned, undone, then another made: key 1 stays free", async () => {
    const dir = tempDir();
    const made = await codingProject(dir);
    const answerId = made.answer("R1", "Q1");
    made.session.close();
    const core = openCore(dir, made.path);
    expect(coreValue<CodeId[]>(await core.call("codes.pinned", {}))).toEqual([]);

    const apply = async (name: string) =>
      coreValue<{ codeId: CodeId }>(
        await core.call("coding.apply", {
          answerId,
          code: { path: [name] },
          coder: "Anna",
          start: 0,
          end: 6,
        }),
      ).codeId;
    const first = await apply("Helpline");
    expect(coreValue<CodeId[]>(await core.call("codes.setPinned", { codeIds: [first] }))).toEqual([
      first,
    ]);
    coreValue(await core.call("history.undo", {}));
    expect(coreValue<CodeId[]>(await core.call("codes.pinned", {}))).toEqual([]);
    expect(await apply("Referral")).toBe(first);
    expect(coreValue<CodeId[]>(await core.call("codes.pinned", {}))).toEqual([]);
  });
});

describe("a pinned code deleted or merged away", () => {
  it("gets its number key back when the delete is undone", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    const b = createCode(p.db(), ["B"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [b, a]);

    deleteCode(p.db(), b, NOW);
    expect(pinnedCodes(p.db())).toEqual([a]);
    expect(undo(p.db()).label).toMatch(/^Delete/);
    expect(pinnedCodes(p.db())).toEqual([b, a]);
    redo(p.db());
    expect(pinnedCodes(p.db())).toEqual([a]);
  });

  it("gives the key back to the merged code when the merge is undone", async () => {
    const p = await openProject();
    const a = createCode(p.db(), ["A"], undefined, NOW).codeId;
    const b = createCode(p.db(), ["B"], undefined, NOW).codeId;
    setPinnedCodes(p.db(), [b]);

    mergeCodes(p.db(), [b], a, NOW);
    expect(pinnedCodes(p.db())).toEqual([a]);
    undo(p.db());
    expect(pinnedCodes(p.db())).toEqual([b]);
  });
});
