/**
 * The two-coder survey the agreement tests compute by hand. Six respondents answered Q1
 * and Q2 with the same text; Anna and Ben both marked Q1 done, only Anna marked Q2 (so
 * Q2's answers are not compared). Cara coded R1 once and marked Q1 done (a third coder).
 *
 *   Q1   Anna                          Ben
 *   R1   Risk [0,20) Funding [21,40)    Risk [0,20)
 *   R2   Support [0,10)                 Support [0,11) Funding [20,30)
 *   R3   Funding [0,10)                 Funding [0,12)
 *   R4   Risk [0,10)                    Support [0,10)
 *   R5   -                              -
 *   R6   Risk [5,15)                    Risk [5,15)
 *   Q2: Anna codes R1 "Unclear" (used by nobody in Q1).
 *
 * Risk and Support sit under the category Safety.
 */
import { addDoneMark } from "../../electron/core/db/done-marks.ts";
import type { CoderId, QuestionId } from "../../shared/domain.ts";
import {
  codeAnswer,
  importedSurvey,
  NOW,
  surveyMapping,
  type CodingProject,
} from "../helpers/coding-project.ts";

export const TEXT = "We work closely with partners on safety and funding";

const CSV = [
  "id,Country,Q1,Q2",
  ...["R1", "R2", "R3", "R4", "R5", "R6"].map((id) => `${id},Ireland,${TEXT},${TEXT}`),
].join("\n");

type Coding = [rid: string, path: string, start: number, end: number];

const ANNA: Coding[] = [
  ["R1", "Safety>Risk", 0, 20],
  ["R1", "Funding", 21, 40],
  ["R2", "Safety>Support", 0, 10],
  ["R3", "Funding", 0, 10],
  ["R4", "Safety>Risk", 0, 10],
  ["R6", "Safety>Risk", 5, 15],
];
const BEN: Coding[] = [
  ["R1", "Safety>Risk", 0, 20],
  ["R2", "Safety>Support", 0, 11],
  ["R2", "Funding", 20, 30],
  ["R3", "Funding", 0, 12],
  ["R4", "Safety>Support", 0, 10],
  ["R6", "Safety>Risk", 5, 15],
];

export async function agreementSurvey(dir: string): Promise<CodingProject> {
  const p = await importedSurvey(dir, CSV, surveyMapping("What is your approach?"));
  const code = (coder: string, [rid, path, start, end]: Coding, q = "Q1") =>
    codeAnswer(p, p.answer(rid, q), path, [start, end], { coder });
  for (const coding of ANNA) code("Anna", coding);
  for (const coding of BEN) code("Ben", coding);
  code("Anna", ["R1", "Unclear", 0, 5], "Q2");
  code("Cara", ["R1", "Safety>Risk", 0, 20]);
  const coder = (name: string) =>
    p.db().prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as CoderId;
  for (const name of ["Anna", "Ben", "Cara"]) {
    addDoneMark(p.db(), coder(name), p.question("Q1") as QuestionId, null, NOW);
  }
  addDoneMark(p.db(), coder("Anna"), p.question("Q2") as QuestionId, null, NOW);
  return p;
}

/** The survey as a closed project file in `dir`, for the command line to open. */
export async function agreementSurveyFile(dir: string): Promise<string> {
  const project = await agreementSurvey(dir);
  project.session.close();
  return project.path;
}
