import { describe, expect, it } from "vitest";
import type { CoderId, QuestionId, QuestionSummary } from "../../shared/domain.ts";
import { answerColumns, segmentColumns } from "../../renderer/src/agreement/columns.ts";
import { answerRows, segmentRows } from "../../renderer/src/agreement/rows.ts";
import {
  namesText,
  nothingSeenText,
  scopeSentence,
  tooFewCodersText,
} from "../../renderer/src/agreement/summary.ts";
import { agreementTsv, dateText } from "../../renderer/src/agreement/tsv.ts";
import { NEITHER, REPORT, TREE } from "./agreement-rows.fixture.ts";

const TEXTS = new Map<number, string>([
  [1, "Main highlights"],
  [2, "Risk and safety"],
]);

function question(id: number, label: string, doneBy: number[]): QuestionSummary {
  return {
    id: id as QuestionId,
    position: id,
    label,
    text: TEXTS.get(id) ?? "",
    section: "",
    answered: 3,
    empty: 0,
    non_response: 0,
    doneBy: doneBy as CoderId[],
  };
}

describe("the sentence above the agreement table", () => {
  it("names the coders, the answers both marked done, the question and those left out", () => {
    expect(scopeSentence(REPORT, TEXTS, false)).toBe(
      "Aoife and Ben over 3 answers both marked done, in Q2 · Risk and safety " +
        "(2 answers not yet seen by both)",
    );
  });

  it("says 'all' for every question and leaves out the unseen when there are none", () => {
    const report = {
      ...REPORT,
      answers: 1,
      answersNotSeen: 0,
      questions: [
        { id: 1 as QuestionId, label: "Q1", position: 1 },
        { id: 2 as QuestionId, label: "Q2", position: 2 },
      ],
    };
    expect(scopeSentence(report, TEXTS, true)).toBe(
      "Aoife and Ben over 1 answer both marked done, in all 2 questions",
    );
    expect(scopeSentence(report, TEXTS, false)).toBe(
      "Aoife and Ben over 1 answer both marked done, in Q1 · Main highlights and Q2 · Risk and safety",
    );
  });

  it("speaks of all coders when there are three", () => {
    const coders = [...REPORT.coders, { id: 3 as CoderId, name: "Cara" }];
    expect(scopeSentence({ ...REPORT, coders }, TEXTS, false)).toBe(
      "Aoife, Ben and Cara over 3 answers all marked done, in Q2 · Risk and safety " +
        "(2 answers not yet seen by all of them)",
    );
    expect(namesText(["Aoife"])).toBe("Aoife");
  });
});

describe("what to do when there is nothing to compare", () => {
  it("asks for a second coder when only one has coded", () => {
    expect(tooFewCodersText([{ name: "Aoife" }])).toMatch(
      /^Only Aoife has coded in this project\./,
    );
    expect(tooFewCodersText([])).toMatch(/^Nobody has coded in this project yet\./);
  });

  it("names the one coder who has not marked anything, when the other marked the question", () => {
    const coders = REPORT.coders;
    expect(nothingSeenText(coders, [question(2, "Q2", [1])])).toBe(
      "Ben has not marked any answers done in this question yet: mark questions done (✓ in " +
        "the question header) when you finish coding them. Only answers every coder has " +
        "marked done are compared.",
    );
  });

  it("names those who have not marked the questions as a whole, when it cannot tell more", () => {
    expect(nothingSeenText(REPORT.coders, [question(1, "Q1", [1]), question(2, "Q2", [2])])).toBe(
      "No answer is marked done by both Aoife and Ben yet (Aoife and Ben have not marked " +
        "these questions done as a whole): mark questions done (✓ in the question header) " +
        "when you finish coding them. Only answers every coder has marked done are compared.",
    );
  });

  it("says when the questions have nothing to code", () => {
    expect(nothingSeenText(REPORT.coders, [question(2, "Q2", [1, 2])])).toBe(
      "This question has no answers to compare: every answer is empty or a non-response.",
    );
  });
});

describe("copying the agreement table", () => {
  const base = {
    report: REPORT,
    sentence: scopeSentence(REPORT, TEXTS, false),
    questions: "Q2 Risk and safety",
  };

  it("starts with what was compared, then the table, then the reasons of the dashes", () => {
    const text = agreementTsv({
      ...base,
      level: "answer",
      rows: answerRows(REPORT, TREE),
      columns: answerColumns(REPORT.coders),
    });
    const lines = text.split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "Inter-coder agreement\tAnswer level",
      "Coders\tAoife, Ben",
      "Questions\tQ2 Risk and safety",
      "Answers compared\t3",
      "Answers not yet seen by every coder\t2",
      "Intervals\t95% percentile bootstrap over answers, 1000 resamples, seed 1",
      "Computed\t2026-11-24 09:00 UTC",
      base.sentence,
      "",
    ]);
    expect(lines[9]).toBe(
      [
        "Code",
        "Units",
        "Both",
        "Only Aoife",
        "Only Ben",
        "Neither",
        "% agreement",
        "Cohen's κ",
        "Cohen's κ 95% low",
        "Cohen's κ 95% high",
        "Krippendorff's α",
        "Krippendorff's α 95% low",
        "Krippendorff's α 95% high",
        "Brennan & Prediger",
      ].join("\t"),
    );
    expect(lines[10]).toBe(
      "All codes (pooled)\t9\t2\t1\t1\t5\t78%\t0.333\t\t\t0.333\t0.133\t0.533\t0.556",
    );
    expect(lines[11]).toBe("Safety\t3\t2\t0\t1\t0\t67%\t-0.5\t\t\t-0.5\t-0.7\t-0.3\t0.333");
    expect(lines[14]).toBe("Training\t3\t0\t0\t0\t3\t100%\t— [1]\t\t\t— [1]\t\t\t1");
    expect(lines.slice(15)).toEqual(["", `— [1]\t${NEITHER}`]);
  });

  it("gives the threshold and each coder's segments at segment level", () => {
    const text = agreementTsv({
      ...base,
      level: "segment",
      rows: segmentRows(REPORT, TREE)!,
      columns: segmentColumns(REPORT.coders),
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Inter-coder agreement\tSegment level");
    expect(lines[5]).toBe("Overlap threshold (intersection / union, inclusive)\t90%");
    expect(lines[10]).toBe(
      "Code\tSegments\tSegments Aoife\tSegments Ben\tAgreements\t% agreement\tBrennan & Prediger's κ",
    );
    expect(lines.slice(11)).toEqual([
      "All codes (pooled)\t4\t2\t2\t2\t50%\t0.25",
      "Safety\t1\t0\t1\t0\t0%\t-0.5",
      "Safety > Risk\t3\t2\t1\t2\t67%\t0.5",
    ]);
  });

  it("keeps a code named like a formula from running in the spreadsheet", () => {
    const report = {
      ...REPORT,
      answerLevel: {
        ...REPORT.answerLevel,
        rows: REPORT.answerLevel.rows.map((r) => ({ ...r, path: ["=SUM(A1)"] })),
      },
    };
    const text = agreementTsv({
      ...base,
      report,
      level: "answer",
      rows: answerRows(report, []),
      columns: answerColumns(REPORT.coders),
    });
    expect(text).toContain("\n'=SUM(A1)\t");
  });

  it("writes the moment of computation unambiguously", () => {
    expect(dateText("2026-11-24T09:05:33.120Z")).toBe("2026-11-24 09:05 UTC");
  });
});
