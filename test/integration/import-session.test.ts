import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../electron/core/core.ts";
import type { ImportProgress } from "../../shared/import/inspection.ts";
import type { ImportMapping } from "../../shared/import/mapping.ts";
import { importFiles } from "../helpers/import.ts";
import { fixedClock, newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const MAPPING: ImportMapping = {
  idColumn: "id",
  attributeColumns: ["Country"],
  questions: [{ column: "Answer", label: "Q1", text: "What should change?" }],
  codeColumns: [],
  long: null,
  codeDelimiter: ";",
  codeSeparator: ">",
  nonResponses: ["n/a"],
};

function bigCsv(path: string, rows: number): void {
  const lines = ["id,Country,Answer"];
  for (let i = 1; i <= rows; i++) lines.push(`R${i},Country ${i % 7},"Answer ${i}, in words"`);
  writeFileSync(path, lines.join("\n"));
}

describe("several files in one import", () => {
  it("reads files with the same columns as one table, in one transaction", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "north.csv"), "id,Country,Answer\nR1,Ireland,Refuges\n");
    writeFileSync(join(dir, "south.csv"), "id,Country,Answer\nR2,Malta,Courts\nR3,Cyprus,n/a\n");
    const session = newSession();
    session.create(join(dir, "waves.cairn"));
    const { report } = await importFiles(
      session,
      [join(dir, "north.csv"), join(dir, "south.csv")],
      {
        mapping: MAPPING,
      },
    );
    expect(report).toMatchObject({ respondents_added: 3, answers_added: 3, non_responses: 1 });
    session.close();
  });

  it("names both files when a respondent id repeats across them, and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "north.csv"), "id,Country,Answer\nR1,Ireland,Refuges\n");
    writeFileSync(join(dir, "south.csv"), "id,Country,Answer\nR2,Malta,Courts\nR1,Cyprus,x\n");
    const session = newSession();
    session.create(join(dir, "waves.cairn"));
    const before = snapshot(session.db());
    await expect(
      importFiles(session, [join(dir, "north.csv"), join(dir, "south.csv")], { mapping: MAPPING }),
    ).rejects.toThrow('duplicate respondent id "R1" in north.csv: line 2 and south.csv: line 3');
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });

  it("refuses files whose columns differ", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.csv"), "id,Country,Answer\nR1,Ireland,Refuges\n");
    writeFileSync(join(dir, "b.csv"), "id,Answer\nR2,Courts\n");
    const session = newSession();
    session.create(join(dir, "waves.cairn"));
    const before = snapshot(session.db());
    await expect(
      importFiles(session, [join(dir, "a.csv"), join(dir, "b.csv")], { mapping: MAPPING }),
    ).rejects.toThrow("b.csv does not have the same columns as a.csv");
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });
});

describe("a long import through the app's API", () => {
  function core() {
    return createCore({ shell: "browser", userDataDir: tempDir(), now: fixedClock });
  }

  it("reports progress, and when cancelled leaves the project exactly as it was", async () => {
    const app = core();
    const dir = tempDir();
    const csv = join(dir, "big.csv");
    bigCsv(csv, 60_000);
    await app.call("project.create", { path: join(dir, "big.cairn") });
    const before = snapshot(app.session.db());
    const progress: ImportProgress[] = [];
    app.onEvent((event, payload) => {
      if (event !== "import.progress") return;
      progress.push(payload as ImportProgress);
      if (progress.length === 2) void app.call("import.cancel", {});
    });
    const result = await app.call("import.run", {
      source: { paths: [csv] },
      mapping: MAPPING,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "cancelled", message: "the import was cancelled; the project is unchanged" },
    });
    expect(progress[0]!.rows).toBeGreaterThan(0);
    expect(progress[0]!.done).toBeLessThan(progress[0]!.total);
    expect(snapshot(app.session.db())).toBe(before);
    app.shutdown();
  });

  it("keeps the project open and locked to the import until it ends", async () => {
    const app = core();
    const dir = tempDir();
    const csv = join(dir, "big.csv");
    bigCsv(csv, 20_000);
    await app.call("project.create", { path: join(dir, "big.cairn") });
    const running = app.call("import.run", { source: { paths: [csv] }, mapping: MAPPING });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await app.call("project.close", {})).toMatchObject({
      ok: false,
      error: { code: "busy" },
    });
    expect(
      await app.call("import.run", { source: { paths: [csv] }, mapping: MAPPING }),
    ).toMatchObject({
      ok: false,
      error: { code: "busy" },
    });
    expect(await running).toMatchObject({ ok: true, value: { respondents_added: 20_000 } });
    expect(await app.call("project.close", {})).toEqual({ ok: true, value: null });
    app.shutdown();
  });

  it("rolls an unfinished import back when the app quits in the middle of it", async () => {
    const app = core();
    const dir = tempDir();
    const csv = join(dir, "big.csv");
    bigCsv(csv, 60_000);
    const project = join(dir, "big.cairn");
    await app.call("project.create", { path: project });
    let quit = false;
    app.onEvent((event) => {
      if (event === "import.progress" && !quit) {
        quit = true;
        app.shutdown();
      }
    });
    const result = await app.call("import.run", { source: { paths: [csv] }, mapping: MAPPING });
    expect(result).toMatchObject({ ok: false, error: { code: "cancelled" } });

    const reopened = newSession();
    reopened.open(project);
    expect(reopened.db().pragma("integrity_check", { simple: true })).toBe("ok");
    expect(reopened.summary()).toMatchObject({ respondents: 0, questions: [] });
    reopened.close();
  });

  it("validates what the page sends", async () => {
    const app = core();
    expect(
      await app.call("import.run", { source: { paths: ["survey.csv"] }, mapping: MAPPING }),
    ).toMatchObject({
      ok: false,
      error: { code: "bad_input", message: expect.stringMatching(/full path/) },
    });
    expect(
      await app.call("import.run", { source: { paths: ["/tmp/survey.csv"] }, mapping: MAPPING }),
    ).toMatchObject({ ok: false, error: { code: "no_project" } });
    app.shutdown();
  });
});

describe("reviewing non-responses after the import", () => {
  it("lets the user flip an answer between answered and non-response, and counts follow", async () => {
    const app = createCore({ shell: "browser", userDataDir: tempDir(), now: fixedClock });
    const dir = tempDir();
    const csv = join(dir, "survey.csv");
    writeFileSync(csv, "id,Country,Answer\nR1,Ireland,none\nR2,Malta,n/a\nR3,Cyprus,\n");
    await app.call("project.create", { path: join(dir, "survey.cairn") });
    await app.call("import.run", { source: { paths: [csv] }, mapping: MAPPING });
    const question = app.session.summary().questions[0]!;
    expect(question).toMatchObject({ answered: 1, non_response: 1, empty: 1 });

    const page = await app.call("answers.list", { questionId: question.id });
    const answers = (page as { ok: true; value: { rows: { answerId: number; text: string }[] } })
      .value.rows;
    const none = answers.find((a) => a.text === "none")!;
    const blank = answers.find((a) => a.text === "")!;
    const changes: unknown[] = [];
    app.onEvent((event, payload) => event === "project.edited" && changes.push(payload));

    expect(
      await app.call("answers.setStatus", { answerId: none.answerId, status: "non_response" }),
    ).toMatchObject({
      ok: true,
      value: {
        id: none.answerId,
        status: "non_response",
        answers: [{ answerId: none.answerId, status: "non_response" }],
        summaryChanged: true,
        history: { undo: expect.any(String) as string },
      },
    });
    expect(app.session.summary().questions[0]).toMatchObject({ answered: 0, non_response: 2 });
    expect(changes).toEqual([
      { answerIds: [none.answerId], codebookChanged: false, summaryChanged: true },
    ]);

    expect(
      await app.call("answers.setStatus", { answerId: blank.answerId, status: "answered" }),
    ).toMatchObject({ ok: false, error: { code: "bad_input" } });
    app.shutdown();
  });
});

describe("a project file that other code has open", () => {
  it("is not touched by an import that fails validation", async () => {
    const session = newSession();
    const dir = tempDir();
    session.create(join(dir, "x.cairn"));
    writeFileSync(join(dir, "a.csv"), "id,Country,Answer\nR1,Ireland,Refuges\n");
    const before = snapshot(session.db());
    await expect(
      importFiles(session, [join(dir, "a.csv")], {
        mapping: { ...MAPPING, attributeColumns: ["Answer"] },
      }),
    ).rejects.toThrow('column "Answer" cannot be both the attribute and the question');
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });
});
