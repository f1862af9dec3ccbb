import { describe, expect, it } from "vitest";
import {
  addSpan,
  coversWhole,
  decisionInWords,
  mergeSpans,
  removeSpan,
  textPieces,
  consensusInWords,
  usageInWords,
} from "../../renderer/src/components/review/review-text.ts";
import {
  copyPathForCoder,
  mergedText,
  preparedText,
} from "../../renderer/src/components/coder-files/coder-file-text.ts";

describe("the review queue's text", () => {
  it("cuts an answer into marked and unmarked pieces, overlapping passages joined", () => {
    expect(
      textPieces(20, [
        { start: 12, end: 15 },
        { start: 2, end: 5 },
        { start: 4, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 2, marked: false },
      { start: 2, end: 8, marked: true },
      { start: 8, end: 12, marked: false },
      { start: 12, end: 15, marked: true },
      { start: 15, end: 20, marked: false },
    ]);
    expect(textPieces(5, [])).toEqual([{ start: 0, end: 5, marked: false }]);
    // A passage past the end of the text (the text changed meanwhile) is cut to it.
    expect(textPieces(4, [{ start: 2, end: 9 }])).toEqual([
      { start: 0, end: 2, marked: false },
      { start: 2, end: 4, marked: true },
    ]);
  });

  it("says in words what each coder did with the code", () => {
    expect(usageInWords(10, [])).toBe("did not use this code");
    expect(consensusInWords(10, [])).toBe("no passage of this code");
    expect(consensusInWords(10, [{ start: 1, end: 3 }])).toBe("1 passage");
    expect(usageInWords(10, [{ start: 0, end: 10 }])).toBe("coded the whole answer");
    expect(usageInWords(10, [{ start: 1, end: 3 }])).toBe("coded 1 passage");
    expect(
      usageInWords(10, [
        { start: 1, end: 3 },
        { start: 5, end: 7 },
      ]),
    ).toBe("coded 2 passages");
    expect(
      coversWhole(10, [
        { start: 0, end: 6 },
        { start: 6, end: 10 },
      ]),
    ).toBe(true);
  });

  it("names each decision after the coders", () => {
    expect(decisionInWords("a", "Aoife", "Ben")).toBe("Kept Aoife's");
    expect(decisionInWords("b", "Aoife", "Ben")).toBe("Kept Ben's");
    expect(decisionInWords("both", "Aoife", "Ben")).toBe("Kept both");
    expect(decisionInWords("neither", "Aoife", "Ben")).toBe("Kept neither");
    expect(decisionInWords("edit", "Aoife", "Ben")).toBe("Edited");
  });

  it("adds a passage to those being edited, joining those it touches, and removes one", () => {
    const spans = addSpan([{ start: 10, end: 14 }], { start: 2, end: 5 });
    expect(spans).toEqual([
      { start: 2, end: 5 },
      { start: 10, end: 14 },
    ]);
    expect(addSpan(spans, { start: 5, end: 10 })).toEqual([{ start: 2, end: 14 }]);
    expect(removeSpan(spans, 0)).toEqual([{ start: 10, end: 14 }]);
    expect(mergeSpans([{ start: 3, end: 3 }])).toEqual([]);
  });
});

describe("the hand-over's words", () => {
  it("suggests a file for the second coder beside the project", () => {
    expect(copyPathForCoder("/home/me/survey.cairn", "Ben")).toBe("/home/me/survey-for-Ben.cairn");
    expect(copyPathForCoder("/home/me/survey.cairn", " Anna Smith ")).toBe(
      "/home/me/survey-for-Anna-Smith.cairn",
    );
    expect(copyPathForCoder("/home/me/survey.cairn", "a/b")).toBe("/home/me/survey-for-a-b.cairn");
  });

  it("reports the copy written and the work merged", () => {
    expect(
      preparedText({
        path: "/a/survey-for-Ben.cairn",
        coder: "Ben",
        questions: 14,
        answers: 252,
        codes: 9,
      }),
    ).toBe("Wrote /a/survey-for-Ben.cairn: 14 questions, 252 answers, the codebook; no coding");
    const report = {
      coders: ["Ben"],
      answersMatched: 252,
      segmentsAdded: 37,
      segmentsAlreadyPresent: 0,
      doneMarksAdded: 3,
      memosAdded: 0,
      codesCreated: [["Safety", "Other"]],
    };
    expect(mergedText(report)).toBe(
      "Ben's work merged: 37 passages, 3 done marks, 1 new code (Safety > Other)",
    );
    expect(
      mergedText({
        ...report,
        segmentsAdded: 0,
        segmentsAlreadyPresent: 37,
        doneMarksAdded: 0,
        codesCreated: [],
      }),
    ).toBe("Ben's work: nothing new to merge (37 passages already here)");
    // A category created on the way to a new code is counted, and named by the code.
    expect(
      mergedText({
        ...report,
        segmentsAdded: 2,
        doneMarksAdded: 0,
        codesCreated: [["Safety"], ["Safety", "Other"], ["Trust"]],
      }),
    ).toBe("Ben's work merged: 2 passages, 3 new codes (Safety > Other, Trust)");
  });
});
