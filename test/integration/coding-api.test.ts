import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { Result } from "../../shared/api/errors.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import { codingProject, TEXTS } from "../helpers/coding-project.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => core?.shutdown());

async function openCore(): Promise<{ core: Core; answer: (rid: string, q: string) => number }> {
  const dir = tempDir();
  const made = await codingProject(dir);
  const answerIds = new Map(
    ["R1", "R2", "R3"].flatMap((rid) =>
      ["Q1", "Q2"].map((q) => [`${rid}/${q}`, made.answer(rid, q)] as const),
    ),
  );
  made.session.close();
  core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  core.session.open(made.path);
  return { core, answer: (rid, q) => answerIds.get(`${rid}/${q}`) as number };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe("coding through the API", () => {
  it("answers an apply with the answer's fresh row, the new code and the undo label", async () => {
    const { core, answer } = await openCore();
    const edited = value<ProjectEdit & { segmentId: number; codeId: number }>(
      await core.call("coding.apply", {
        answerId: answer("R1", "Q1"),
        code: { path: ["Safety"] },
        coder: "Anna",
        start: 0,
        end: 6,
      }),
    );
    expect(edited.codebookChanged).toBe(true);
    expect(edited.summaryChanged).toBe(true);
    expect(edited.history).toEqual({ undo: "Apply Safety", redo: null });
    expect(edited.answers).toHaveLength(1);
    expect(edited.answers[0]).toMatchObject({
      answerId: answer("R1", "Q1"),
      text: TEXTS.R1,
      segments: [{ id: edited.segmentId, codeId: edited.codeId, start: 0, end: 6 }],
    });

    const undone = value<ProjectEdit & { label: string }>(await core.call("history.undo", {}));
    expect(undone.label).toBe("Apply Safety");
    expect(undone.answers[0]?.segments).toEqual([]);
    expect(undone.history).toEqual({ undo: null, redo: "Apply Safety" });
  });

  it("turns a refused edit into a sentence, not a crash", async () => {
    const { core, answer } = await openCore();
    const result = await core.call("coding.apply", {
      answerId: answer("R3", "Q1"),
      code: { path: ["Safety"] },
      coder: "Anna",
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "bad_input",
        message: "this answer is marked as a non-response; mark it as answered before coding it",
      },
    });
  });

  it("a memo on the respondent comes back on each of the respondent's answers", async () => {
    const { core, answer } = await openCore();
    const respondentId = value<ProjectEdit>(
      await core.call("coding.setMemo", {
        target: { answerId: answer("R1", "Q1") },
        coder: "Anna",
        text: "Angry tone",
      }),
    ).answers[0]?.respondentId;
    const edited = value<ProjectEdit>(
      await core.call("coding.setMemo", {
        target: { respondentId },
        coder: "Anna",
        text: "Works nights",
      }),
    );
    expect(edited.answers.map((a) => [a.question, a.respondentMemos.map((m) => m.text)])).toEqual([
      ["Q1", ["Works nights"]],
      ["Q2", ["Works nights"]],
    ]);
    expect(edited.answers[0]?.memos.map((m) => m.text)).toEqual(["Angry tone"]);
  });
});
