import { describe, expect, it } from "vitest";
import type { Passage } from "../../shared/api/retrieval-api.ts";
import type {
  AnswerId,
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
  SegmentId,
} from "../../shared/domain.ts";
import {
  attributeLine,
  coderFilter,
  groupPassages,
  passageCount,
  passagesInput,
} from "../../renderer/src/retrieval/passages-query.ts";

const ANNA = 1 as CoderId;
const BEN = 2 as CoderId;

function passage(segment: number, respondent: string, question: number): Passage {
  return {
    segmentId: segment as SegmentId,
    answerId: segment as AnswerId,
    respondentId: Number(respondent.slice(1)) as RespondentId,
    respondent,
    attributes: { Country: "Ireland" },
    questionId: question as QuestionId,
    question: `Q${question}`,
    questionPosition: question,
    codeId: 5 as CodeId,
    codePath: ["Funding"],
    coderId: ANNA,
    coder: "Anna",
    start: 0,
    end: 4,
    text: "text",
    memo: "",
  };
}

describe("whose coding the passages and co-occurrence views count", () => {
  it("follows the top bar until the reader picks a coder in the view", () => {
    expect(coderFilter(null, "all", ANNA)).toBeUndefined();
    expect(coderFilter(null, "mine", ANNA)).toBe(ANNA);
    expect(coderFilter(null, BEN, ANNA)).toBe(BEN);
    expect(coderFilter("all", "mine", ANNA)).toBeUndefined();
    expect(coderFilter(BEN, "all", ANNA)).toBe(BEN);
  });

  it("counts everyone's coding for 'mine' while nobody has chosen a name", () => {
    expect(coderFilter(null, "mine", null)).toBeUndefined();
  });
});

describe("asking the core for a code's passages", () => {
  it("sends only the parts the reader chose, and no attribute without a ticked value", () => {
    const scope = { codeId: 5 as CodeId };
    expect(passagesInput(scope, undefined, [], "question", 0, 200)).toEqual({
      codeId: 5,
      sort: "question",
      offset: 0,
      limit: 200,
    });
    const cell = { codeId: 5 as CodeId, withCode: 7 as CodeId, questionId: 3 as QuestionId };
    const attributes = [
      { name: "Country", values: ["Ireland", "Malta"] },
      { name: "Type", values: [] },
    ];
    expect(passagesInput(cell, BEN, attributes, "respondent", 200, 200)).toEqual({
      codeId: 5,
      withCode: 7,
      questionId: 3,
      coderId: BEN,
      attributes: [{ name: "Country", values: ["Ireland", "Malta"] }],
      sort: "respondent",
      offset: 200,
      limit: 200,
    });
  });
});

describe("showing the passages", () => {
  const rows = [passage(1, "R1", 1), passage(2, "R2", 1), passage(3, "R1", 2)];

  it("puts them under one heading per question when sorted by question", () => {
    const groups = groupPassages(rows, "question");
    expect(groups.map((g) => [g.heading, g.passages.length])).toEqual([
      ["Q1", 2],
      ["Q2", 1],
    ]);
  });

  it("lists them flat when sorted by respondent", () => {
    expect(groupPassages(rows, "respondent")).toEqual([
      { questionId: null, heading: "", passages: rows },
    ]);
    expect(groupPassages([], "respondent")).toEqual([]);
  });

  it("counts passages and respondents once all are loaded, the loaded part otherwise", () => {
    expect(passageCount(3, rows)).toBe("3 passages from 2 respondents");
    expect(passageCount(1, rows.slice(0, 1))).toBe("1 passage from 1 respondent");
    expect(passageCount(1204, rows)).toBe("3 of 1,204 passages");
  });

  it("writes the respondent's attribute values in the project's order, skipping blanks", () => {
    expect(
      attributeLine({ Type: "NGO", Country: "Ireland", Size: "" }, ["Country", "Size", "Type"]),
    ).toBe("Ireland · NGO");
  });
});
