/**
 * A small survey for the grid tests, written with plain SQL (the coding services are not
 * what these tests are about). Respondents R1..R6 and questions Approach, Highlights,
 * Limits are named in their questionnaire order, but their ids are deliberately not in
 * that order, so a test that passes by id order alone would fail.
 */
import { join } from "node:path";
import type { Db } from "../../electron/core/db/project-file.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import type {
  AnswerId,
  AnswerRow,
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
} from "../../shared/domain.ts";
import { newSession } from "../helpers/project.ts";

/** Approach answers: status follows the text ("" empty, "n/a" a non-response). */
export const APPROACH: Readonly<Record<string, string>> = {
  R1: "We train 100 police officers in risk assessment.",
  R2: "",
  R3: "Η ΑΣΦΑΛΕΙΑ των θυμάτων.",
  R4: "n/a",
  R5: "Shelters for 100% of victims, and an ÉCOLE.",
  R6: "Funding.",
};

export interface Survey {
  readonly session: ProjectSession;
  readonly db: Db;
  readonly question: Record<"Approach" | "Highlights" | "Limits", QuestionId>;
  readonly respondent: Record<string, RespondentId>;
  /** Approach answers by respondent. */
  readonly approach: Record<string, AnswerId>;
  readonly code: Record<"Safety" | "Risk" | "Shelters" | "Funding", CodeId>;
  readonly coder: Record<"Ann" | "Bob", CoderId>;
}

function insert(db: Db, sql: string, ...params: unknown[]): number {
  return Number(db.prepare(sql).run(...params).lastInsertRowid);
}

export function createSurvey(dir: string): Survey {
  const session = newSession();
  session.create(join(dir, "grid.cairn"));
  const db = session.db();
  const question = {} as Record<"Approach" | "Highlights" | "Limits", QuestionId>;
  for (const [label, position] of [
    ["Highlights", 2],
    ["Approach", 1],
    ["Limits", 3],
  ] as const) {
    question[label] = insert(
      db,
      "INSERT INTO questions (position, label) VALUES (?, ?)",
      position,
      label,
    ) as QuestionId;
  }
  const country = insert(db, "INSERT INTO attributes (name, position) VALUES ('Country', 1)");
  const staff = insert(db, "INSERT INTO attributes (name, position) VALUES ('Staff', 2)");
  const people: [string, string | null, string | null][] = [
    ["R2", "Malta", "9"],
    ["R1", "Ireland", "12"],
    ["R3", "Greece", "150"],
    ["R5", "cyprus", "40"],
    ["R4", "Ireland", "unknown"],
    ["R6", null, null],
  ];
  const respondent: Record<string, RespondentId> = {};
  for (const [name, countryValue, staffValue] of people) {
    const id = insert(
      db,
      "INSERT INTO respondents (external_id, position) VALUES (?, ?)",
      name,
      Number(name.slice(1)),
    ) as RespondentId;
    respondent[name] = id;
    const setAttribute = (attribute: number, value: string | null) => {
      if (value === null) return;
      insert(
        db,
        "INSERT INTO respondent_attributes (respondent_id, attribute_id, value) VALUES (?, ?, ?)",
        id,
        attribute,
        value,
      );
    };
    setAttribute(country, countryValue);
    setAttribute(staff, staffValue);
  }
  const addAnswer = (name: string, questionId: QuestionId, text: string): AnswerId => {
    const status = text === "" ? "empty" : text === "n/a" ? "non_response" : "answered";
    return insert(
      db,
      "INSERT INTO answers (respondent_id, question_id, text, status) VALUES (?, ?, ?, ?)",
      respondent[name],
      questionId,
      text,
      status,
    ) as AnswerId;
  };
  const approach: Record<string, AnswerId> = {};
  for (const name of ["R4", "R2", "R6", "R1", "R5", "R3"]) {
    approach[name] = addAnswer(name, question.Approach, APPROACH[name] ?? "");
  }
  addAnswer("R1", question.Limits, "Time.");
  addAnswer("R1", question.Highlights, "Funding from the city.");
  addAnswer("R3", question.Highlights, "Trust.");

  const addCode = (name: string, parent: CodeId | null): CodeId =>
    insert(
      db,
      "INSERT INTO codes (parent_id, name, color, position) VALUES (?, ?, '#336699', 0)",
      parent,
      name,
    ) as CodeId;
  const safety = addCode("Safety", null);
  const code = {
    Safety: safety,
    Risk: addCode("Risk assessment", safety),
    Shelters: addCode("Shelters", safety),
    Funding: addCode("Funding", null),
  };
  const coder = {
    Ann: insert(db, "INSERT INTO coders (name, name_key) VALUES ('Ann', 'ann')") as CoderId,
    Bob: insert(db, "INSERT INTO coders (name, name_key) VALUES ('Bob', 'bob')") as CoderId,
  };
  const segments: [string, CodeId, CoderId][] = [
    ["R1", code.Risk, coder.Ann],
    ["R1", code.Funding, coder.Ann],
    ["R3", code.Safety, coder.Bob],
    ["R5", code.Shelters, coder.Ann],
    ["R5", code.Shelters, coder.Bob],
    ["R5", code.Funding, coder.Ann],
    ["R6", code.Funding, coder.Bob],
  ];
  for (const [name, codeId, coderId] of segments) {
    addSegment(db, approach[name] as AnswerId, codeId, coderId);
  }
  return { session, db, question, respondent, approach, code, coder };
}

export function addSegment(db: Db, answerId: AnswerId, codeId: CodeId, coderId: CoderId): void {
  insert(
    db,
    `INSERT INTO segments (answer_id, code_id, coder_id, start, end, created_at)
     VALUES (?, ?, ?, 0, 3, '2026-11-24T09:00:00.000Z')`,
    answerId,
    codeId,
    coderId,
  );
}

/** Who answered, in the order the rows came. */
export function respondents(rows: readonly AnswerRow[]): string[] {
  return rows.map((row) => row.respondent);
}
