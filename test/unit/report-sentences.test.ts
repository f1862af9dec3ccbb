import { describe, expect, it } from "vitest";
import type { QuestionTally, TallyCode } from "../../shared/api/tally-api.ts";
import type { CodeId, QuestionId } from "../../shared/domain.ts";
import { filterText, reportParagraph, reportedCodes } from "../../shared/tally/report-sentences.ts";

function node(id: number, path: string[], parent: number | null, n: number): TallyCode {
  return {
    codeId: id as CodeId,
    parentId: parent as CodeId | null,
    path,
    nRespondents: n,
    nSegments: n,
    pctOfAnswered: null,
    pctOfSegments: null,
  };
}

/** Q3 as the report author coded it: 14 of 15 answered, one blank. */
const Q3: QuestionTally = {
  questionId: 3 as QuestionId,
  label: "Q3 Cooperation",
  text: "How do you cooperate?",
  position: 3,
  answered: 14,
  empty: 1,
  nonResponse: 0,
  missing: 0,
  codes: [
    node(1, ["Funding"], null, 5),
    node(2, ["Victim safety"], null, 9),
    node(3, ["Victim safety", "Risk assessment"], 2, 4),
    node(4, ["Victim safety", "Shelter places"], 2, 7),
  ],
};

describe("a draft paragraph for the report", () => {
  it("says who answered, then the top-level codes by respondents, most first", () => {
    expect(reportParagraph({ question: Q3, respondents: 15, coder: null, filter: [] })).toBe(
      "14 of 15 respondents answered “Q3 Cooperation”. 1 left it blank. " +
        "9 of the 14 (64%) mention Victim safety; 5 (36%) mention Funding. " +
        "Of the 14 coded passages, 64% concern Victim safety and 36% Funding. " +
        "(Coding by all coders, merged.)",
    );
  });

  it("names the codes within a chosen category, one coder's coding and the filter", () => {
    expect(
      reportParagraph({
        question: Q3,
        respondents: 15,
        coder: "Aoife",
        filter: [{ name: "Country", values: ["Ireland", "Malta"] }],
        parentId: 2 as CodeId,
      }),
    ).toBe(
      "14 of 15 respondents answered “Q3 Cooperation”. 1 left it blank. " +
        "Within Victim safety, 7 of the 14 (50%) mention Shelter places; 4 (29%) mention Risk assessment. " +
        "Of the 11 passages coded within Victim safety, 64% concern Shelter places and 36% Risk assessment. " +
        "(Coding by Aoife; only respondents with Country = Ireland or Malta.)",
    );
  });

  it("counts blanks, non-answers and respondents without an answer apart", () => {
    const question = { ...Q3, answered: 10, empty: 2, nonResponse: 2, missing: 1, codes: [] };
    expect(reportParagraph({ question, respondents: 15, coder: "Aoife", filter: [] })).toBe(
      "10 of 15 respondents answered “Q3 Cooperation”. " +
        "2 left it blank, 2 gave no answer (such as “n/a”) and 1 has no answer on file. " +
        "No answer is coded yet. (Coding by Aoife.)",
    );
  });

  it("writes a coded non-answer's share over 100% in numbers rather than hiding it", () => {
    const question = { ...Q3, answered: 1, empty: 0, codes: [node(1, ["Unclear"], null, 2)] };
    expect(reportParagraph({ question, respondents: 3, coder: null, filter: [] })).toContain(
      "2 of the 1 (200%) mention Unclear.",
    );
  });

  it("gives each code's share of the coded passages, the “36% of the suggestions” figure", () => {
    // Few respondents can write many suggestions: the passage shares differ from the
    // respondent shares, and only codes sharing passages with a sibling get a share.
    const suggestions: QuestionTally = {
      ...Q3,
      codes: [
        { ...node(1, ["Standards"], null, 3), nSegments: 9 },
        { ...node(2, ["Safety"], null, 5), nSegments: 16 },
        { ...node(3, ["Safety", "Refuges"], 2, 5), nSegments: 16 },
      ],
    };
    const paragraph = reportParagraph({
      question: suggestions,
      respondents: 15,
      coder: null,
      filter: [],
    });
    expect(paragraph).toContain("Of the 25 coded passages, 64% concern Safety and 36% Standards.");
    const within = reportParagraph({
      question: suggestions,
      respondents: 15,
      coder: null,
      filter: [],
      parentId: 2 as CodeId,
    });
    expect(within).not.toContain("passages coded within");
  });

  it("says one respondent mentions, several mention", () => {
    const question = { ...Q3, codes: [node(1, ["Funding"], null, 1)] };
    expect(reportParagraph({ question, respondents: 15, coder: null, filter: [] })).toContain(
      "1 of the 14 (7%) mentions Funding.",
    );
  });

  it("leaves the percentage out when nobody answered", () => {
    const question = { ...Q3, answered: 0, empty: 0, codes: [node(1, ["Unclear"], null, 2)] };
    expect(reportParagraph({ question, respondents: 1, coder: null, filter: [] })).toBe(
      "None of the 1 respondent answered “Q3 Cooperation”. 2 mention Unclear. " +
        "(Coding by all coders, merged.)",
    );
  });

  it("says so in words when nobody answered a question, not “0 of 18”", () => {
    const question = { ...Q3, answered: 0, empty: 15, codes: [] };
    expect(reportParagraph({ question, respondents: 15, coder: null, filter: [] })).toBe(
      "None of the 15 respondents answered “Q3 Cooperation”. 15 left it blank. " +
        "No answer is coded yet. (Coding by all coders, merged.)",
    );
  });

  it("writes large counts with thousands separators, as the tables do", () => {
    const question = {
      ...Q3,
      answered: 12_040,
      empty: 1_000,
      codes: [node(1, ["Funding"], null, 3_491)],
    };
    expect(reportParagraph({ question, respondents: 15_000, coder: null, filter: [] })).toBe(
      "12,040 of 15,000 respondents answered “Q3 Cooperation”. 1,000 left it blank. " +
        "3,491 of the 12,040 (29%) mention Funding. (Coding by all coders, merged.)",
    );
  });
});

describe("the figures the sentences use", () => {
  it("keep tree order among codes with as many respondents", () => {
    const codes = [node(1, ["A"], null, 3), node(2, ["B"], null, 5), node(3, ["C"], null, 3)];
    expect(reportedCodes(codes, null).map((c) => c.path[0])).toEqual(["B", "A", "C"]);
  });

  it("describe a filter of several attributes and values", () => {
    expect(
      filterText([
        { name: "Country", values: ["Ireland"] },
        { name: "Type", values: ["Shelter", "Helpline"] },
        { name: "Empty", values: [] },
      ]),
    ).toBe("Country = Ireland and Type = Shelter or Helpline");
  });
});
