import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PseudonymiseReport } from "../../shared/api/safety-api.ts";
import { pseudonymiseCopy } from "../../electron/core/privacy/pseudonymise-service.ts";
import { codeAnswer, importedSurvey, surveyMapping } from "../helpers/coding-project.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const DEFAULTS = { ignoreCase: true, wholeWords: true, emails: false, phones: false, urls: false };

const CSV = [
  "id,Country,Q1,Q2",
  `Anna,Anna-land,"Anna and anna and ANNA",x`,
  `anna,[name 1],"Anna Maria",y`,
  `Bea,Malta,"no one",z`,
].join("\n");

async function survey(dir: string) {
  return importedSurvey(dir, CSV, surveyMapping("Who?"));
}

function rows(path: string, sql: string, password?: string) {
  const session = newSession();
  session.open(path, password === undefined ? {} : { password });
  try {
    return session.db().prepare(sql).all();
  } finally {
    session.close();
  }
}

describe("a pseudonymised copy keeps the project's rules", () => {
  const tempDir = useTempDir();

  it("joins two passages of one coder and code that now cover the same pseudonym", async () => {
    const dir = tempDir();
    const project = await survey(dir);
    const answer = project.answer("Bea", "Q1");
    project.db().prepare("UPDATE answers SET text = 'Anna Maria came' WHERE id = ?").run(answer);
    // "Ann" and "a Maria": next to each other, both inside the name.
    codeAnswer(project, answer, "Who", [0, 3], { coder: "C", memo: "first" });
    codeAnswer(project, answer, "Who", [5, 10], { coder: "C", memo: "second" });
    codeAnswer(project, answer, "Other", [5, 10], { coder: "C" });
    const target = join(dir, "copy.cairn");
    const terms = [{ find: "Anna Maria", replace: "P" }];
    await pseudonymiseCopy(project.session, { ...DEFAULTS, terms, target });
    expect(
      rows(
        target,
        `SELECT c.name, s.start, s."end", s.memo FROM segments s JOIN codes c ON c.id = s.code_id
          WHERE s.answer_id = ${answer} ORDER BY c.name`,
      ),
    ).toEqual([
      { name: "Other", start: 0, end: 1, memo: "" },
      { name: "Who", start: 0, end: 1, memo: "first\n\nsecond" },
    ]);
    project.session.close();
  });

  it("keeps respondent ids and code names unique, and code paths free of '>'", async () => {
    const dir = tempDir();
    const project = await survey(dir);
    codeAnswer(project, project.answer("Bea", "Q1"), "About Anna", undefined, { coder: "C" });
    codeAnswer(project, project.answer("Bea", "Q1"), "About [name 1]", undefined, { coder: "C" });
    codeAnswer(project, project.answer("Bea", "Q1"), "Bea", undefined, { coder: "C" });
    const target = join(dir, "copy.cairn");
    const terms = [
      { find: "Anna", replace: "[name 1]" },
      { find: "Bea", replace: "A > B" },
    ];
    const report: PseudonymiseReport = await pseudonymiseCopy(project.session, {
      ...DEFAULTS,
      terms,
      target,
    });
    expect(report.respondentIdsChanged).toBe(3);
    expect(rows(target, "SELECT external_id FROM respondents ORDER BY position")).toEqual([
      { external_id: "[name 1]" },
      { external_id: "[name 1] (2)" },
      { external_id: "A > B" },
    ]);
    expect(rows(target, "SELECT name FROM codes ORDER BY id")).toEqual([
      { name: "About [name 1] (2)" },
      { name: "About [name 1]" },
      { name: "A › B" },
    ]);
    // Attribute values may repeat: both become the same value.
    expect(rows(target, "SELECT DISTINCT value FROM respondent_attributes ORDER BY 1")).toEqual([
      { value: "Malta" },
      { value: "[name 1]" },
      { value: "[name 1]-land" },
    ]);
    project.session.close();
  });

  it("encrypts the copy of an encrypted project with the same password", async () => {
    const dir = tempDir();
    const project = await survey(dir);
    project.session.setPassword(undefined, "correct horse");
    const target = join(dir, "copy.cairn");
    await pseudonymiseCopy(project.session, {
      ...DEFAULTS,
      terms: [{ find: "Anna", replace: "X" }],
      target,
    });
    project.session.close();
    expect(() => rows(target, "SELECT 1")).toThrow(/password/i);
    expect(rows(target, "SELECT text FROM answers ORDER BY id LIMIT 1", "correct horse")).toEqual([
      { text: "X and X and X" },
    ]);
  });
});
