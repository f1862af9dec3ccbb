import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { ApiInput } from "../../shared/api/contract.ts";
import type { Result } from "../../shared/api/errors.ts";
import type { PassagePage } from "../../shared/api/retrieval-api.ts";
import { codeAnswer, codeIdByName, codingProject } from "../helpers/coding-project.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => core?.shutdown());

/**
 * R1 (Ireland) answered "Safety at night matters most. Also better lighting." (Q1) and
 * "More buses" (Q2); R2 (Malta) answered "I feel safe 😀 here" (Q1).
 * Anna: Safety>Night on R1's "Safety at night", Lighting on R1's "better lighting",
 * Safety on R1's "More buses", Transport on R1's Q2. Ben: Safety on R2's "I feel safe".
 */
async function codedProject(): Promise<{
  code: (name: string) => number;
  question: (label: string) => number;
}> {
  const dir = tempDir();
  const project = await codingProject(dir);
  codeAnswer(project, project.answer("R1", "Q1"), "Safety>Night", [0, 15], {
    memo: "the core of it",
  });
  codeAnswer(project, project.answer("R1", "Q1"), "Lighting", [35, 50]);
  codeAnswer(project, project.answer("R1", "Q2"), "Safety");
  codeAnswer(project, project.answer("R1", "Q2"), "Transport");
  codeAnswer(project, project.answer("R2", "Q1"), "Safety", [0, 11], { coder: "Ben" });
  const ids = new Map(
    ["Safety", "Night", "Lighting", "Transport"].map((name) => [
      name,
      codeIdByName(project.db(), name),
    ]),
  );
  const questions = new Map(["Q1", "Q2"].map((q) => [q, project.question(q)]));
  project.session.close();
  core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  core.session.open(project.path);
  return {
    code: (name) => ids.get(name) as number,
    question: (label) => questions.get(label) as number,
  };
}

async function passages(input: ApiInput<"passages.list">): Promise<PassagePage> {
  const result = (await core!.call("passages.list", input)) as Result<PassagePage>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const where = (page: PassagePage) =>
  page.rows.map((row) => `${row.respondent}/${row.question} ${row.text}`);

describe("the passages of a code", () => {
  it("lists a category's passages with everything a quote's attribution needs", async () => {
    const { code } = await codedProject();
    const page = await passages({ codeId: code("Safety") });
    expect(page.total).toBe(3);
    expect(where(page)).toEqual(["R1/Q1 Safety at night", "R2/Q1 I feel safe", "R1/Q2 More buses"]);
    expect(page.rows[0]).toMatchObject({
      respondent: "R1",
      attributes: { Country: "Ireland" },
      question: "Q1",
      questionPosition: 1,
      codeId: code("Night"),
      codePath: ["Safety", "Night"],
      coder: "Anna",
      start: 0,
      end: 15,
      memo: "the core of it",
    });
    expect(page.rows[1]).toMatchObject({ coder: "Ben", attributes: { Country: "Malta" } });
  });

  it("sorts by respondent: each respondent's passages in questionnaire order", async () => {
    const { code } = await codedProject();
    const page = await passages({ codeId: code("Safety"), sort: "respondent" });
    expect(where(page)).toEqual(["R1/Q1 Safety at night", "R1/Q2 More buses", "R2/Q1 I feel safe"]);
  });

  it("filters by question, coder and attribute values", async () => {
    const { question, code } = await codedProject();
    const q2 = question("Q2");
    expect(where(await passages({ codeId: code("Safety"), questionId: q2 }))).toEqual([
      "R1/Q2 More buses",
    ]);
    const ben = (await passages({ codeId: code("Safety") })).rows[1]!.coderId;
    expect(where(await passages({ codeId: code("Safety"), coderId: ben }))).toEqual([
      "R2/Q1 I feel safe",
    ]);
    const malta = [{ name: "Country", values: ["Malta", "Cyprus"] }];
    expect(where(await passages({ codeId: code("Safety"), attributes: malta }))).toEqual([
      "R2/Q1 I feel safe",
    ]);
    const nowhere = [...malta, { name: "Country", values: ["Ireland"] }];
    expect((await passages({ codeId: code("Safety"), attributes: nowhere })).total).toBe(0);
  });

  it("refuses an attribute the project does not have, naming those it has", async () => {
    const { code } = await codedProject();
    const result = await core!.call("passages.list", {
      codeId: code("Safety"),
      attributes: [{ name: "Region", values: ["North"] }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "bad_input", message: expect.stringContaining('"Country"') },
    });
  });

  it("keeps, with a second code, the passages in answers that carry it too", async () => {
    const { question, code } = await codedProject();
    const q1 = question("Q1");
    expect(
      where(await passages({ codeId: code("Safety"), withCode: code("Lighting"), questionId: q1 })),
    ).toEqual(["R1/Q1 Safety at night"]);
    // In one answer to Q1, nobody has both Safety and Transport...
    expect(
      (await passages({ codeId: code("Safety"), withCode: code("Transport"), questionId: q1 }))
        .total,
    ).toBe(0);
    // ...but across all questions R1 has both, so all of R1's Safety passages count.
    expect(where(await passages({ codeId: code("Safety"), withCode: code("Transport") }))).toEqual([
      "R1/Q1 Safety at night",
      "R1/Q2 More buses",
    ]);
  });

  it("pages through the passages with the total of all of them", async () => {
    const { code } = await codedProject();
    const page = await passages({ codeId: code("Safety"), offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(where(page)).toEqual(["R2/Q1 I feel safe"]);
  });

  it("says when the code does not exist", async () => {
    await codedProject();
    expect(await core!.call("passages.list", { codeId: 999 })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});
