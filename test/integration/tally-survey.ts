/**
 * The survey the tally tests count by hand: six organisations, two questions, coded by
 * Anna and Ben.
 *
 *   id  Country  Type  Q1            Q2
 *   R1  Ireland  NGO   answered      answered
 *   R2  Ireland  Gov   answered      "n/a" (non-response)
 *   R3  Malta    NGO   answered      answered
 *   R4  Malta    Gov   "n/a"         blank (empty)
 *   R5  Cyprus   Gov   blank         answered
 *   R6  Cyprus   NGO   answered      answered
 *
 * Codes (tree order): Safety > (Risk, Support), Funding, Unclear, Standards.
 *   Q1: R1 Risk twice and Support (Anna); R2 Support and Funding (Anna); R3 Funding (Ben);
 *       R6 Risk (Ben); R4's "n/a" Unclear (Anna: they did not understand the question).
 *   Q2: R1 Standards and Risk (Anna); R3 Risk (Anna); R5 Standards (Ben).
 */
import { setAnswerStatusUndoably } from "../../electron/core/coding/coding-service.ts";
import {
  codeAnswer,
  importedSurvey,
  NOW,
  surveyMapping,
  type CodingProject,
} from "../helpers/coding-project.ts";

const TEXT = "We work closely with partners";

const CSV = [
  "id,Country,Type,Q1,Q2",
  `R1,Ireland,NGO,${TEXT},${TEXT}`,
  `R2,Ireland,Gov,${TEXT},n/a`,
  `R3,Malta,NGO,${TEXT},${TEXT}`,
  "R4,Malta,Gov,n/a,",
  `R5,Cyprus,Gov,,${TEXT}`,
  `R6,Cyprus,NGO,${TEXT},${TEXT}`,
].join("\n");

const MAPPING = surveyMapping("What is your approach?", {
  attributes: ["Country", "Type"],
  secondQuestion: "Lessons learned?",
});

/** The survey imported, not coded yet. */
export function tallySurvey(dir: string): Promise<CodingProject> {
  return importedSurvey(dir, CSV, MAPPING);
}

/** The survey coded as the header says. */
export async function codedSurvey(dir: string): Promise<CodingProject> {
  const p = await tallySurvey(dir);
  const code = (rid: string, q: string, path: string, span: [number, number], coder = "Anna") =>
    codeAnswer(p, p.answer(rid, q), path, span, { coder });
  code("R1", "Q1", "Safety>Risk", [0, 2]);
  code("R1", "Q1", "Safety>Support", [3, 7]);
  code("R1", "Q1", "Safety>Risk", [8, 14]);
  code("R2", "Q1", "Safety>Support", [0, 2]);
  code("R2", "Q1", "Funding", [3, 7]);
  code("R3", "Q1", "Funding", [0, 2], "Ben");
  code("R6", "Q1", "Safety>Risk", [0, 2], "Ben");
  // Coded while marked answered, then marked a non-response again, as a user who
  // records that the respondent did not understand the question might.
  setAnswerStatusUndoably(p.db(), p.answer("R4", "Q1"), "answered", NOW);
  code("R4", "Q1", "Unclear", [0, 3]);
  setAnswerStatusUndoably(p.db(), p.answer("R4", "Q1"), "non_response", NOW);
  code("R1", "Q2", "Standards", [0, 2]);
  code("R1", "Q2", "Safety>Risk", [3, 7]);
  code("R3", "Q2", "Safety>Risk", [0, 2]);
  code("R5", "Q2", "Standards", [0, 2], "Ben");
  return p;
}
