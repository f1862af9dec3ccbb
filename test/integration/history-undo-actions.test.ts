import { describe, expect, it } from "vitest";
import { createCode, renameCode } from "../../electron/core/coding/codebook-service.ts";
import {
  adjustSegment,
  markDone,
  recodeSegment,
  removeSegments,
  setAnswerStatusUndoably,
  setMemo,
} from "../../electron/core/coding/coding-service.ts";
import { historyState, redo, undo } from "../../electron/core/coding/history.ts";
import type { QuestionId, RespondentId, SegmentId } from "../../shared/domain.ts";
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

const firstSegment = (p: CodingProject) => segmentRows(p.db())[0]?.id as SegmentId;

interface Case {
  readonly label: string;
  readonly setup?: (p: CodingProject) => void;
  readonly act: (p: CodingProject) => void;
}

/** One of every kind of edit, each after the state it needs. */
const CASES: Record<string, Case> = {
  "applying a new code (creating the code and the coder)": {
    label: "Apply Safety",
    act: (p) => apply(p, "R1", "Safety", [0, 6]),
  },
  "applying a code that merges two segments": {
    label: "Apply Safety",
    setup: (p) => {
      apply(p, "R1", "Safety", [0, 6]);
      apply(p, "R1", "Safety", [20, 28]);
    },
    act: (p) => apply(p, "R1", "Safety", [4, 22]),
  },
  "removing segments": {
    label: "Remove 2 codings",
    setup: (p) => {
      apply(p, "R1", "Safety", [0, 6]);
      apply(p, "R1", "Lighting", [30, 50]);
    },
    act: (p) =>
      removeSegments(
        p.db(),
        segmentRows(p.db()).map((s) => s.id),
        NOW,
      ),
  },
  "changing a segment's code (merging with the new code's segment)": {
    label: "Change code to Lighting",
    setup: (p) => {
      apply(p, "R1", "Safety", [0, 6]);
      apply(p, "R1", "Lighting", [6, 12]);
    },
    act: (p) =>
      recodeSegment(p.db(), { segmentId: firstSegment(p), code: { path: ["Lighting"] } }, NOW),
  },
  "adjusting a segment's start and end": {
    label: "Adjust Safety",
    setup: (p) => apply(p, "R1", "Safety", [0, 6]),
    act: (p) => adjustSegment(p.db(), { segmentId: firstSegment(p), start: 2, end: 14 }, NOW),
  },
  "writing a segment's memo": {
    label: "Memo",
    setup: (p) => apply(p, "R1", "Safety", [0, 6]),
    act: (p) =>
      setMemo(p.db(), { target: { segmentId: firstSegment(p) }, coder: "Anna", text: "x" }, NOW),
  },
  "writing an answer memo (a new coder's first)": {
    label: "Memo",
    act: (p) =>
      setMemo(
        p.db(),
        { target: { answerId: p.answer("R1", "Q1") }, coder: "Ben", text: "Angry tone" },
        NOW,
      ),
  },
  "rewriting an answer memo": {
    label: "Memo",
    setup: (p) =>
      setMemo(p.db(), { target: { answerId: p.answer("R1", "Q1") }, coder: "Ben", text: "a" }, NOW),
    act: (p) =>
      setMemo(
        p.db(),
        { target: { answerId: p.answer("R1", "Q1") }, coder: "Ben", text: "b" },
        "2026-11-25T10:00:00.000Z",
      ),
  },
  "deleting a respondent memo": {
    label: "Delete memo",
    setup: (p) =>
      setMemo(
        p.db(),
        { target: { respondentId: p.respondent("R2") as RespondentId }, coder: "Ben", text: "a" },
        NOW,
      ),
    act: (p) =>
      setMemo(
        p.db(),
        { target: { respondentId: p.respondent("R2") as RespondentId }, coder: "Ben", text: "" },
        NOW,
      ),
  },
  "marking a question done": {
    label: "Mark Q1 done",
    act: (p) =>
      markDone(
        p.db(),
        { coder: "Anna", questionId: p.question("Q1") as QuestionId, done: true },
        NOW,
      ),
  },
  "unmarking single answers": {
    label: "Mark 2 answers not done",
    setup: (p) =>
      markDone(
        p.db(),
        {
          coder: "Anna",
          questionId: p.question("Q1") as QuestionId,
          answerIds: [p.answer("R1", "Q1"), p.answer("R2", "Q1")],
          done: true,
        },
        NOW,
      ),
    act: (p) =>
      markDone(
        p.db(),
        {
          coder: "Anna",
          questionId: p.question("Q1") as QuestionId,
          answerIds: [p.answer("R1", "Q1"), p.answer("R2", "Q1")],
          done: false,
        },
        NOW,
      ),
  },
  "marking an answer as a non-response": {
    label: "Mark as non-response",
    act: (p) => setAnswerStatusUndoably(p.db(), p.answer("R1", "Q1"), "non_response", NOW),
  },
  "creating a code with its missing parents": {
    label: "Create code Risk",
    act: (p) => createCode(p.db(), ["Harm", "Violence", "Risk"], "#aa3300", NOW),
  },
  "renaming a code": {
    label: "Rename code Risk",
    setup: (p) => apply(p, "R1", "Safety", [0, 6]),
    act: (p) => renameCode(p.db(), codeIdByName(p.db(), "Safety"), "Risk", NOW),
  },
};

describe("undo and redo restore exactly the state before and after each kind of edit", () => {
  for (const [story, c] of Object.entries(CASES)) {
    it(story, async () => {
      const p = await openProject();
      c.setup?.(p);
      const before = dataSnapshot(p.db());
      c.act(p);
      const after = dataSnapshot(p.db());
      expect(after).not.toBe(before);
      expect(historyState(p.db()).undo).toBe(c.label);

      expect(undo(p.db()).label).toBe(c.label);
      expect(dataSnapshot(p.db())).toBe(before);
      expect(historyState(p.db()).redo).toBe(c.label);

      expect(redo(p.db()).label).toBe(c.label);
      expect(dataSnapshot(p.db())).toBe(after);

      undo(p.db());
      expect(dataSnapshot(p.db())).toBe(before);
      redo(p.db());
      expect(dataSnapshot(p.db())).toBe(after);
    });
  }
});
