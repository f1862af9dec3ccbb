/**
 * Preparing a copy for a second coder (issue 7): the codebook and the answers, nobody's
 * work or name, made out for Ben; the open project untouched.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  aoifeCoded,
  dump,
  openCore,
  prepare,
  readFile,
  useHandover,
} from "./coder-handover-project.ts";

const tempDir = useHandover();

describe("preparing a copy for a second coder", () => {
  it("keeps the codebook and answers but nobody's work or name, made out for Ben", async () => {
    const setup = await aoifeCoded(tempDir());
    const before = dump(setup.core);
    const copy = await prepare(setup, "ben.cairn");
    expect(copy).toEqual({
      path: join(setup.dir, "ben.cairn"),
      coder: "Ben",
      questions: 2,
      answers: 3,
      codes: 3,
    });
    const inCopy = readFile(copy.path, (db) => ({
      counts: db
        .prepare(
          `SELECT (SELECT count(*) FROM segments) AS segments, (SELECT count(*) FROM memos) AS memos,
                  (SELECT count(*) FROM done_marks) AS marks,
                  (SELECT count(*) FROM history_steps) AS steps,
                  (SELECT count(*) FROM answers) AS answers`,
        )
        .get(),
      coders: db.prepare("SELECT name FROM coders").pluck().all(),
      preparedFor: db
        .prepare("SELECT value FROM project_meta WHERE key = 'prepared_for'")
        .pluck()
        .get(),
      codes: db.prepare("SELECT id, parent_id, name, color, description FROM codes").all(),
      bytes: db.prepare("SELECT group_concat(text) FROM memos").pluck().get(),
    }));
    expect(inCopy).toEqual({
      counts: { segments: 0, memos: 0, marks: 0, steps: 0, answers: 6 },
      coders: ["Ben"],
      preparedFor: "Ben",
      codes: (before as { codes: unknown }).codes,
      bytes: null,
    });
    // The open project is as it was, and still open.
    expect(dump(setup.core)).toEqual(before);
  });

  it("leaves no trace of deleted notes in the copy's bytes", async () => {
    const setup = await aoifeCoded(tempDir());
    const copy = await prepare(setup, "ben.cairn");
    expect(readFileSync(copy.path).includes("Aoife's private note")).toBe(false);
    expect(readFileSync(copy.path).includes("Aoife")).toBe(false);
  });

  it("with chosen questions, keeps only those, numbered from 1", async () => {
    const setup = await aoifeCoded(tempDir());
    const copy = await prepare(setup, "q2.cairn", { questionIds: [setup.ids.question("Q2")] });
    expect(copy).toMatchObject({ questions: 1, answers: 1 });
    const questions = readFile(copy.path, (db) =>
      db.prepare("SELECT label, position FROM questions").all(),
    );
    expect(questions).toEqual([{ label: "Q2", position: 1 }]);
    const core = openCore(setup.dir, copy.path, "ben-home");
    // The search index holds no word of the answers that went ("better lighting": R1, Q1).
    const fts = core.session
      .db()
      .prepare("SELECT count(*) FROM answers_fts WHERE answers_fts MATCH 'lighting'")
      .pluck()
      .get();
    expect(fts).toBe(0);
  });

  it("refuses to overwrite a file, the project included", async () => {
    const setup = await aoifeCoded(tempDir());
    await prepare(setup, "ben.cairn");
    const again = await setup.core.call("coders.prepareCopy", {
      path: join(setup.dir, "ben.cairn"),
      coder: "Ben",
    });
    expect(again).toMatchObject({ ok: false, error: { code: "bad_input" } });
    const itself = await setup.core.call("coders.prepareCopy", {
      path: setup.made.path,
      coder: "Ben",
    });
    expect(itself).toMatchObject({ ok: false, error: { code: "bad_input" } });
    expect(!itself.ok && itself.error.message).toContain("already exists");
  });
});
