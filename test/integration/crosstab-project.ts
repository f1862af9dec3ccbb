/**
 * A small survey for the crosstab, response-rate and population tests, imported as a
 * user would and coded by two coders. Every expected figure in those tests is counted by
 * hand from the table below.
 *
 *   id  Country  Type     Q1        Q2
 *   R1  Ireland  NGO      answered  answered
 *   R2  Ireland  Shelter  answered  n/a
 *   R3  Malta    NGO      answered  (blank)
 *   R4  Malta    NGO      n/a       answered
 *   R5  (none)   NGO      answered  answered
 *   R6  Cyprus   Shelter  (blank)   (blank)
 *
 * Codes, in the codebook's order: Safety (Night, Risk), Lighting, Transport.
 *   Q1  Anna: R1 Night + Risk, R2 Risk, R3 Lighting, R4 Lighting (coded, then marked
 *             a non-response),
 *             R5 Night.   Ben: R1 Night, R3 Night.
 *   Q2  Anna: R1 Transport, R4 Safety.
 */
import { applyCode } from "../../electron/core/coding/coding-service.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import type { CodeId, CoderId, QuestionId } from "../../shared/domain.ts";
import { importedSurvey, NOW, surveyMapping } from "../helpers/coding-project.ts";

const CSV = [
  "id,Country,Type,Q1,Q2",
  "R1,Ireland,NGO,Safer streets at night and risk checks,More buses",
  "R2,Ireland,Shelter,Risk assessment for every case,n/a",
  "R3,Malta,NGO,Better lighting at night,",
  "R4,Malta,NGO,n/a,Keep people safe",
  "R5,,NGO,Night patrols,Nothing else",
  "R6,Cyprus,Shelter,,",
].join("\n");

const MAPPING = surveyMapping("What should change?", { attributes: ["Country", "Type"] });

const CODING: readonly [respondent: string, question: string, path: string, coder: string][] = [
  ["R1", "Q1", "Safety>Night", "Anna"],
  ["R1", "Q1", "Safety>Risk", "Anna"],
  ["R2", "Q1", "Safety>Risk", "Anna"],
  ["R3", "Q1", "Lighting", "Anna"],
  ["R4", "Q1", "Lighting", "Anna"],
  ["R5", "Q1", "Safety>Night", "Anna"],
  ["R1", "Q1", "Safety>Night", "Ben"],
  ["R3", "Q1", "Safety>Night", "Ben"],
  ["R1", "Q2", "Transport", "Anna"],
  ["R4", "Q2", "Safety", "Anna"],
];

export interface CrosstabProject {
  readonly session: ProjectSession;
  readonly path: string;
  db(): Db;
  question(label: string): QuestionId;
  code(name: string): CodeId;
  coder(name: string): CoderId;
}

export async function crosstabProject(dir: string, coded = true): Promise<CrosstabProject> {
  const { session, path, db, answer } = await importedSurvey(dir, CSV, MAPPING);
  const id = (sql: string, name: string) => db().prepare(sql).pluck().get(name);
  if (coded) {
    for (const [respondent, question, code, coder] of CODING) {
      const answerId = answer(respondent, question);
      // R4's "n/a" is coded as the user would after marking it answered, then marked a
      // non-response again: its segment stays, and counts (decision 0012).
      const status = db().prepare("SELECT status FROM answers WHERE id = ?").pluck().get(answerId);
      const setStatus = db().prepare("UPDATE answers SET status = ? WHERE id = ?");
      if (status === "non_response") setStatus.run("answered", answerId);
      applyCode(db(), { answerId, code: { path: code.split(">") }, coder }, NOW);
      if (status === "non_response") setStatus.run(status, answerId);
    }
  }
  return {
    session,
    path,
    db,
    question: (label) => id("SELECT id FROM questions WHERE label = ?", label) as QuestionId,
    code: (name) => id("SELECT id FROM codes WHERE name = ?", name) as CodeId,
    coder: (name) => id("SELECT id FROM coders WHERE name = ?", name) as CoderId,
  };
}
