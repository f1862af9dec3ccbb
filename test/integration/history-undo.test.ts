import { describe, expect, it } from "vitest";
import { createCode, renameCode } from "../../electron/core/coding/codebook-service.ts";
import {
  markDone,
  removeSegments,
  setAnswerStatusUndoably,
  setMemo,
} from "../../electron/core/coding/coding-service.ts";
import { historyState, redo, undo } from "../../electron/core/coding/history.ts";
import type { AnswerId, QuestionId, RespondentId, SegmentId } from "../../shared/domain.ts";
import {
  codeAnswer,
  codeIdByName,
  dataSnapshot,
  NOW,
  segmentRows,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";

const openProject = useCodingProject();

const apply = (p: CodingProject, rid: string, name: string, span?: [number, number]) =>
  codeAnswer(p, p.answer(rid, "Q1"), name, span);

describe("the history", () => {
  it("undoes a session's edits one by one, newest first, and redoes them in order", async () => {
    const p = await openProject();
    const states = [dataSnapshot(p.db())];
    apply(p, "R1", "Safety", [0, 6]);
    states.push(dataSnapshot(p.db()));
    apply(p, "R1", "Safety", [6, 12]);
    states.push(dataSnapshot(p.db()));
    renameCode(p.db(), codeIdByName(p.db(), "Safety"), "Risk", NOW);
    states.push(dataSnapshot(p.db()));

    for (let i = states.length - 2; i >= 0; i--) {
      undo(p.db());
      expect(dataSnapshot(p.db())).toBe(states[i]);
    }
    expect(undo(p.db())).toEqual({
      label: null,
      answerIds: [],
      codebookChanged: false,
      summaryChanged: false,
    });
    expect(historyState(p.db())).toEqual({ undo: null, redo: "Apply Safety" });
    for (let i = 1; i < states.length; i++) {
      redo(p.db());
      expect(dataSnapshot(p.db())).toBe(states[i]);
    }
    expect(redo(p.db()).label).toBeNull();
  });

  it("reports what an undo touched: the answer, the codebook, the coders", async () => {
    const p = await openProject();
    apply(p, "R1", "Safety", [0, 6]);
    expect(undo(p.db())).toEqual({
      label: "Apply Safety",
      answerIds: [p.answer("R1", "Q1")],
      codebookChanged: true,
      summaryChanged: true,
    });
    setMemo(
      p.db(),
      { target: { respondentId: p.respondent("R1") as RespondentId }, coder: "Anna", text: "m" },
      NOW,
    );
    // A respondent memo shows on each of the respondent's answers.
    expect([...undo(p.db()).answerIds].sort()).toEqual(
      [p.answer("R1", "Q1"), p.answer("R1", "Q2")].sort(),
    );
  });

  it("forgets what was undone once a new edit is made", async () => {
    const p = await openProject();
    apply(p, "R1", "Safety", [0, 6]);
    apply(p, "R1", "Lighting", [30, 50]);
    undo(p.db());
    expect(historyState(p.db())).toEqual({ undo: "Apply Safety", redo: "Apply Lighting" });
    apply(p, "R2", "Joy");
    expect(historyState(p.db())).toEqual({ undo: "Apply Joy", redo: null });
    expect(redo(p.db()).label).toBeNull();
  });

  it("survives closing and reopening the project", async () => {
    const p = await openProject();
    const before = dataSnapshot(p.db());
    apply(p, "R1", "Safety", [0, 6]);
    p.session.close();
    p.session.open(p.path);
    expect(historyState(p.db())).toEqual({ undo: "Apply Safety", redo: null });
    undo(p.db());
    expect(dataSnapshot(p.db())).toBe(before);
    p.session.close();
    p.session.open(p.path);
    expect(historyState(p.db())).toEqual({ undo: null, redo: "Apply Safety" });
    redo(p.db());
    expect(segmentRows(p.db())).toHaveLength(1);
  });

  it("a refused edit leaves the file unchanged and the history as it was", async () => {
    const p = await openProject();
    apply(p, "R1", "Safety", [0, 6]);
    createCode(p.db(), ["Lighting"], undefined, NOW);
    apply(p, "R2", "Joy");
    undo(p.db());
    const before = dataSnapshot(p.db());
    const state = historyState(p.db());
    expect(() => renameCode(p.db(), codeIdByName(p.db(), "Lighting"), " safety ", NOW)).toThrow(
      'there is already a code "Safety" at the top level',
    );
    expect(() => createCode(p.db(), ["SAFETY"], undefined, NOW)).toThrow(
      "a code SAFETY already exists",
    );
    expect(() => removeSegments(p.db(), [12345 as SegmentId], NOW)).toThrow(/segment 12345/);
    expect(() => setAnswerStatusUndoably(p.db(), p.answer("R3", "Q2"), "answered", NOW)).toThrow(
      "a blank answer stays blank",
    );
    expect(() =>
      markDone(
        p.db(),
        {
          coder: "Anna",
          questionId: p.question("Q1") as QuestionId,
          answerIds: [p.answer("R1", "Q2")],
          done: true,
        },
        NOW,
      ),
    ).toThrow(`answer ${p.answer("R1", "Q2")} is not an answer to Q1`);
    expect(() =>
      setMemo(
        p.db(),
        { target: { respondentId: 404 as RespondentId }, coder: "A", text: "x" },
        NOW,
      ),
    ).toThrow("respondent 404 is not in this project");
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historyState(p.db())).toEqual(state);
  });

  it("an edit that changes nothing leaves no step (and keeps what can be redone)", async () => {
    const p = await openProject();
    apply(p, "R1", "Safety", [0, 12]);
    apply(p, "R1", "Lighting", [30, 50]);
    undo(p.db());
    apply(p, "R1", "Safety", [2, 4]);
    markDone(
      p.db(),
      { coder: "Nobody", questionId: p.question("Q1") as QuestionId, done: false },
      NOW,
    );
    expect(historyState(p.db())).toEqual({ undo: "Apply Safety", redo: "Apply Lighting" });
  });

  it("keeps the newest 1,000 steps", async () => {
    const p = await openProject();
    const db = p.db();
    db.pragma("synchronous = OFF"); // a thousand commits; durability is not under test
    const r1 = p.answer("R1", "Q1") as AnswerId;
    for (let i = 0; i < 1002; i++) {
      const on = i % 2 === 0;
      markDone(
        db,
        { coder: "Anna", questionId: p.question("Q1") as QuestionId, answerIds: [r1], done: on },
        NOW,
      );
    }
    const count = db.prepare("SELECT count(*) FROM history_steps").pluck().get();
    expect(count).toBe(1000);
    let undone = 0;
    while (undo(db).label !== null) undone++;
    expect(undone).toBe(1000);
    // The two oldest steps (mark, unmark) are forgotten: their net effect stays.
    expect(db.prepare("SELECT count(*) FROM done_marks").pluck().get()).toBe(0);
  });
});
