import { describe, expect, it } from "vitest";
import { adjustSegment, recodeSegment } from "../../electron/core/coding/coding-service.ts";
import type { AnswerId } from "../../shared/domain.ts";
import {
  codeAnswer,
  codeIdByName,
  dataSnapshot,
  historySteps,
  NOW,
  segmentRows,
  TEXTS,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";

const open = useCodingProject();

const code = codeAnswer;

const spans = (p: CodingProject) => segmentRows(p.db()).map((s) => [s.start, s.end]);

describe("applying a code that meets the same coder's segment of the same code", () => {
  it("merges an overlapping passage into the earlier segment, and answers with its id", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    const first = code(p, r1, "Safety", [0, 15]);
    const second = code(p, r1, "Safety", [10, 28]);
    expect(second.segmentId).toBe(first.segmentId);
    expect(spans(p)).toEqual([[0, 28]]);
  });

  it("merges a passage that only touches (ends where the other starts)", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    const later = code(p, r1, "Safety", [16, 28]);
    const earlier = code(p, r1, "Safety", [0, 16]);
    expect(spans(p)).toEqual([[0, 28]]);
    expect(earlier.segmentId).toBe(later.segmentId);
  });

  it("changes nothing, and records no step, for a passage already covered", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    const outer = code(p, r1, "Safety", [0, 28]);
    const before = dataSnapshot(p.db());
    const inner = code(p, r1, "Safety", [5, 10]);
    expect(inner.segmentId).toBe(outer.segmentId);
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historySteps(p.db())).toHaveLength(1);
  });

  it("swallows segments a longer passage contains, and bridges two segments", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    code(p, r1, "Safety", [2, 4], { memo: "dark" });
    code(p, r1, "Safety", [20, 25], { memo: "lights" });
    const merged = code(p, r1, "Safety", [0, 22], { memo: "whole point" });
    expect(segmentRows(p.db())).toEqual([
      expect.objectContaining({ id: merged.segmentId, start: 0, end: 25 }),
    ]);
    expect(segmentRows(p.db())[0]?.memo).toBe("dark\n\nlights\n\nwhole point");
  });

  it("keeps another coder's or another code's overlapping segments apart", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    code(p, r1, "Safety", [0, 15]);
    code(p, r1, "Safety", [5, 20], { coder: "Ben" });
    code(p, r1, "Lighting", [10, 28]);
    expect(spans(p)).toEqual([
      [0, 15],
      [5, 20],
      [10, 28],
    ]);
  });

  it("treats coder names that differ in case and spacing as one coder", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    code(p, r1, "Safety", [0, 5], { coder: "Anna  Smith" });
    code(p, r1, "Safety", [5, 9], { coder: "anna smith" });
    expect(spans(p)).toEqual([[0, 9]]);
  });

  it("merges a recoded segment with the new code's segment it touches, keeping its id", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    code(p, r1, "Safety", [0, 10], { memo: "first" });
    const moved = code(p, r1, "Lighting", [10, 20], { memo: "second" });
    const recoded = recodeSegment(
      p.db(),
      { segmentId: moved.segmentId, code: { path: ["Safety"] } },
      NOW,
    );
    expect(recoded.segmentId).toBe(moved.segmentId);
    expect(segmentRows(p.db())).toEqual([
      expect.objectContaining({
        id: moved.segmentId,
        code_id: codeIdByName(p.db(), "Safety"),
        start: 0,
        end: 20,
        memo: "first\n\nsecond",
      }),
    ]);
  });

  it("merges an adjusted segment with one it now reaches", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    code(p, r1, "Safety", [0, 5]);
    const right = code(p, r1, "Safety", [20, 28]);
    adjustSegment(p.db(), { segmentId: right.segmentId, start: 4, end: 28 }, NOW);
    expect(segmentRows(p.db())).toEqual([
      expect.objectContaining({ id: right.segmentId, start: 0, end: 28 }),
    ]);
  });
});

describe("offsets", () => {
  it("codes the whole answer when no offsets are given", async () => {
    const p = await open();
    code(p, p.answer("R1", "Q1"), "Safety");
    expect(spans(p)).toEqual([[0, TEXTS.R1.length]]);
  });

  it("refuses passages that are empty, reversed or past the end, writing nothing", async () => {
    const p = await open();
    const r1 = p.answer("R1", "Q1");
    const before = dataSnapshot(p.db());
    expect(() => code(p, r1, "Safety", [5, 5])).toThrow(/at least one character/);
    expect(() => code(p, r1, "Safety", [9, 3])).toThrow(/must come before its end/);
    expect(() => code(p, r1, "Safety", [0, TEXTS.R1.length + 1])).toThrow(
      /runs past the end of the answer, which is 51 characters long/,
    );
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historySteps(p.db())).toEqual([]);
  });

  it("snaps a selection that cuts an emoji in half outward to the whole emoji", async () => {
    const p = await open();
    const r2 = p.answer("R2", "Q1");
    const emoji = TEXTS.R2.indexOf("😀"); // two UTF-16 code units
    code(p, r2, "Joy", [emoji + 1, emoji + 1 + 1]);
    expect(spans(p)).toEqual([[emoji, emoji + 2]]);
  });

  it("refuses to code a non-response or a blank answer, and says why", async () => {
    const p = await open();
    expect(() => code(p, p.answer("R3", "Q1"), "Safety")).toThrow(
      /marked as a non-response; mark it as answered before coding it/,
    );
    expect(() => code(p, p.answer("R3", "Q2"), "Safety")).toThrow(/blank: there is no text/);
    expect(() => code(p, 999_999 as AnswerId, "Safety")).toThrow(
      "answer 999999 is not in this project",
    );
  });
});
