/**
 * Bringing a second coder's work back (issue 7): Ben's passages, done marks and memos
 * under one Ben, Aoife's untouched; once only; one undoable step; refused whole when the
 * answers differ.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ProjectEdit } from "../../shared/domain.ts";
import { TEXTS } from "../helpers/coding-project.ts";
import {
  aoifeCoded,
  benCodedCopy,
  closeCore,
  dump,
  type Merged,
  openCore,
  prepare,
  useHandover,
  value,
} from "./coder-handover-project.ts";

const tempDir = useHandover();

describe("bringing a coder's work back", () => {
  it("adds Ben's passages, marks and memo under one Ben, leaving Aoife's alone", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    const before = dump(setup.core) as { segments: { coder: string }[] };

    const merged = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    expect(merged.report).toEqual({
      coders: ["Ben"],
      answersMatched: 2,
      segmentsAdded: 2,
      segmentsAlreadyPresent: 0,
      doneMarksAdded: 1,
      memosAdded: 2,
      codesCreated: [["Lighting"]],
    });
    expect(merged.codebookChanged).toBe(true);
    expect(merged.history.undo).toBe("Merge ben.cairn");

    const after = dump(setup.core) as ReturnType<typeof dump> & {
      segments: { coder: string }[];
      coders: { name: string }[];
      doneMarks: { coder: string; answer_id: number | null }[];
      memos: { coder: string; text: string }[];
    };
    expect(after.coders).toEqual([{ name: "Aoife" }, { name: "Ben" }]);
    expect(after.segments.filter((s) => s.coder === "Aoife")).toEqual(before.segments);
    expect(after.segments.filter((s) => s.coder === "Ben")).toEqual([
      {
        coder: "Ben",
        respondent: "R1",
        question: "Q1",
        code: "Lighting",
        start: 35,
        end: 50,
        memo: "",
      },
      {
        coder: "Ben",
        respondent: "R1",
        question: "Q1",
        code: "Safety",
        start: 0,
        end: 6,
        memo: "",
      },
    ]);
    expect(after.doneMarks.filter((m) => m.coder === "Ben")).toEqual([
      { coder: "Ben", question_id: setup.ids.question("Q1"), answer_id: null },
    ]);
    expect(after.memos.map((m) => [m.coder, m.text])).toEqual([
      ["Aoife", "Aoife's private note"],
      ["Ben", "Ben wonders about the emoji"],
      ["Ben", "R1 is thorough"],
    ]);
    expect(TEXTS.R1.slice(35, 50)).toBe("better lighting");
  });

  it("merging the same file twice changes nothing", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    value(await setup.core.call("coders.merge", { path: copy.path }));
    const once = dump(setup.core);
    const history = value(await setup.core.call("history.state", {}));

    const twice = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    expect(twice.report).toEqual({
      coders: ["Ben"],
      answersMatched: 2,
      segmentsAdded: 0,
      segmentsAlreadyPresent: 2,
      doneMarksAdded: 0,
      memosAdded: 0,
      codesCreated: [],
    });
    expect(dump(setup.core)).toEqual(once);
    // Nothing changed, so no step either.
    expect(value(await setup.core.call("history.state", {}))).toEqual(history);
  });

  it("is one step: undo takes the whole merge back", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    const before = dump(setup.core);
    value(await setup.core.call("coders.merge", { path: copy.path }));
    const undone = value<ProjectEdit & { label: string }>(
      await setup.core.call("history.undo", {}),
    );
    expect(undone.label).toBe("Merge ben.cairn");
    expect(dump(setup.core)).toEqual(before);
    value(await setup.core.call("history.redo", {}));
    expect((dump(setup.core) as { coders: unknown[] }).coders).toHaveLength(2);
  });

  it("keeps the project's memo and adds a different incoming one after it, once", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    // Ben also wrote on the same answer in the project, before the merge.
    value(
      await setup.core.call("coding.setMemo", {
        target: { answerId: setup.ids.answer("R2", "Q1") },
        coder: "Ben",
        text: "Written here",
      }),
    );
    const first = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    // The answer memo is added to the project's; the respondent memo is new.
    expect(first.report.memosAdded).toBe(2);
    const second = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    expect(second.report.memosAdded).toBe(0);
    const text = setup.core.session
      .db()
      .prepare("SELECT text FROM memos WHERE answer_id = ?")
      .pluck()
      .all(setup.ids.answer("R2", "Q1"));
    expect(text).toEqual(["Written here\n\nBen wonders about the emoji"]);
  });

  it("refuses a file whose answers differ, listing them, and changes nothing", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    const db = new Database(copy.path);
    db.prepare("UPDATE answers SET text = 'Another text entirely, long enough' WHERE id = ?").run(
      setup.ids.answer("R1", "Q1"),
    );
    const r99 = db
      .prepare("INSERT INTO respondents (external_id, position) VALUES ('R99', 99)")
      .run();
    const answer = db
      .prepare(
        "INSERT INTO answers (respondent_id, question_id, text, status) VALUES (?, ?, 'x', 'answered')",
      )
      .run(r99.lastInsertRowid, setup.ids.question("Q2"));
    db.prepare(
      "INSERT INTO segments (answer_id, code_id, coder_id, start, end, created_at) VALUES (?, 1, 1, 0, 1, 'now')",
    ).run(answer.lastInsertRowid);
    db.close();

    const before = dump(setup.core);
    const refused = await setup.core.call("coders.merge", { path: copy.path });
    expect(refused).toMatchObject({ ok: false, error: { code: "bad_input" } });
    const message = refused.ok ? "" : refused.error.message;
    expect(message).toContain("ben.cairn does not match this project, so nothing was merged");
    expect(message).toContain("respondent R1, question Q1: the text differs");
    expect(message).toContain("respondent R99: not in this project");
    expect(dump(setup.core)).toEqual(before);
  });

  it("says so when the file holds no coded work", async () => {
    const setup = await aoifeCoded(tempDir());
    const copy = await prepare(setup, "ben.cairn");
    const before = dump(setup.core);
    const result = await setup.core.call("coders.merge", { path: copy.path });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "bad_input",
        message:
          "ben.cairn has no coded work to bring back: no coded passages, done marks or memos",
      },
    });
    expect(dump(setup.core)).toEqual(before);
  });

  it("refuses the open project itself and a file that is not a project", async () => {
    const setup = await aoifeCoded(tempDir());
    const itself = await setup.core.call("coders.merge", { path: setup.made.path });
    expect(itself).toMatchObject({ ok: false, error: { code: "bad_input" } });
    // The project's lock survived the attempt: still readable and writable.
    value(await setup.core.call("coding.markDone", { coder: "Aoife", questionId: 2, done: true }));
    const csv = join(setup.dir, "survey.csv");
    expect(existsSync(csv)).toBe(true);
    const notProject = await setup.core.call("coders.merge", { path: csv });
    expect(notProject).toMatchObject({ ok: false, error: { code: "not_a_project" } });
  });

  it("merges a question-subset copy onto the right questions", async () => {
    const setup = await aoifeCoded(tempDir());
    const copy = await prepare(setup, "q2.cairn", { questionIds: [setup.ids.question("Q2")] });
    const core = openCore(setup.dir, copy.path, "ben-home");
    // In the copy Q2 is question 1, but answers keep their ids.
    const q2InCopy = core.session.db().prepare("SELECT id FROM questions").pluck().get() as number;
    value(
      await core.call("coding.apply", {
        answerId: setup.ids.answer("R1", "Q2"),
        code: { path: ["Transport"] },
        coder: "Ben",
      }),
    );
    value(await core.call("coding.markDone", { coder: "Ben", questionId: q2InCopy, done: true }));
    closeCore(core);

    const merged = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    expect(merged.report).toMatchObject({
      segmentsAdded: 1,
      doneMarksAdded: 1,
      codesCreated: [["Transport"]],
    });
    const mark = setup.core.session
      .db()
      .prepare(
        "SELECT question_id FROM done_marks JOIN coders ON coders.id = coder_id WHERE name = 'Ben'",
      )
      .pluck()
      .all();
    expect(mark).toEqual([setup.ids.question("Q2")]);
  });
});
