import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore } from "../../electron/core/core.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import { answerRows, listAnswers } from "../../electron/core/services/answers.ts";
import type { AnswerId, AnswerRow, CoderId } from "../../shared/domain.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { createSurvey, type Survey } from "./answer-grid-survey.ts";

const tempDir = useTempDir();
let survey: Survey | null = null;
afterEach(() => {
  survey?.session.close();
  survey = null;
});

const AT = "2026-11-24T09:00:00.000Z";

function memo(
  db: Db,
  target: "answer_id" | "respondent_id",
  id: number,
  coder: CoderId | null,
  text: string,
) {
  db.prepare(
    `INSERT INTO memos (${target}, coder_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(id, coder, text, AT, AT);
}

function markDone(db: Db, coder: CoderId, questionId: number, answerId: AnswerId | null) {
  db.prepare(
    "INSERT INTO done_marks (coder_id, question_id, answer_id, marked_at) VALUES (?, ?, ?, ?)",
  ).run(coder, questionId, answerId, AT);
}

function rowOf(rows: readonly AnswerRow[], respondent: string): AnswerRow {
  const row = rows.find((candidate) => candidate.respondent === respondent);
  if (!row) throw new Error(`no row for ${respondent}`);
  return row;
}

describe("the by-respondent view", () => {
  it("shows all of one respondent's answers in questionnaire order, each with its question", () => {
    survey = createSurvey(tempDir());
    const page = listAnswers(survey.db, {
      respondentId: survey.respondent.R1!,
      offset: 0,
      limit: 50,
    });
    expect(page).toMatchObject({ questionId: null, respondentId: survey.respondent.R1, total: 3 });
    expect(page.rows.map((row) => [row.question, row.questionId, row.text])).toEqual([
      ["Approach", survey.question.Approach, "We train 100 police officers in risk assessment."],
      ["Highlights", survey.question.Highlights, "Funding from the city."],
      ["Limits", survey.question.Limits, "Time."],
    ]);
    expect(page.rows.every((row) => row.respondent === "R1")).toBe(true);
    expect(page.rows[0]?.attributes).toEqual({ Country: "Ireland", Staff: "12" });
  });

  it("sorts and filters a respondent's answers too", () => {
    survey = createSurvey(tempDir());
    const r1 = { respondentId: survey.respondent.R1!, offset: 0, limit: 50 };
    const questions = (rows: readonly AnswerRow[]) => rows.map((row) => row.question);
    const byLength = listAnswers(survey.db, { ...r1, sort: { by: "length", descending: false } });
    expect(questions(byLength.rows)).toEqual(["Limits", "Highlights", "Approach"]);
    const reversed = listAnswers(survey.db, {
      ...r1,
      sort: { by: "respondent", descending: true },
    });
    expect(questions(reversed.rows)).toEqual(["Limits", "Highlights", "Approach"]);
    const coded = listAnswers(survey.db, { ...r1, filter: { coded: { present: true } } });
    expect([questions(coded.rows), coded.total]).toEqual([["Approach"], 1]);
    const malta = listAnswers(survey.db, {
      ...r1,
      filter: { attributes: [{ name: "Country", values: ["Malta"] }] },
    });
    expect(malta.total).toBe(0);
  });
});

describe("what a row carries", () => {
  it("holds every coder's memo on the answer and on the respondent", () => {
    survey = createSurvey(tempDir());
    const { db, coder, approach, respondent } = survey;
    memo(db, "answer_id", approach.R1!, coder.Bob, "Agreed");
    memo(db, "answer_id", approach.R1!, coder.Ann, "Check the figure");
    memo(db, "answer_id", approach.R1!, null, "Imported note");
    memo(db, "respondent_id", respondent.R1!, coder.Ann, "Called them back");
    const rows = listAnswers(db, {
      questionId: survey.question.Approach,
      offset: 0,
      limit: 10,
    }).rows;
    const r1 = rowOf(rows, "R1");
    expect(r1.memos.map((m) => [m.coderId, m.text, m.updatedAt])).toEqual([
      [null, "Imported note", AT],
      [coder.Ann, "Check the figure", AT],
      [coder.Bob, "Agreed", AT],
    ]);
    expect(r1.respondentMemos.map((m) => [m.coderId, m.text])).toEqual([
      [coder.Ann, "Called them back"],
    ]);
    expect(rowOf(rows, "R2")).toMatchObject({ memos: [], respondentMemos: [] });
    // The respondent's memo shows beside every one of their answers.
    const r1Answers = listAnswers(db, { respondentId: respondent.R1!, offset: 0, limit: 10 });
    expect(r1Answers.rows.map((row) => row.respondentMemos.length)).toEqual([1, 1, 1]);
    expect(r1Answers.rows.map((row) => row.memos.length)).toEqual([3, 0, 0]);
  });

  it("names who is done: with the whole question, or with single answers", () => {
    survey = createSurvey(tempDir());
    const { db, coder, approach, question } = survey;
    markDone(db, coder.Bob, question.Approach, null);
    markDone(db, coder.Ann, question.Approach, approach.R1!);
    markDone(db, coder.Bob, question.Approach, approach.R1!);
    const rows = listAnswers(db, { questionId: question.Approach, offset: 0, limit: 10 }).rows;
    expect(rowOf(rows, "R1").doneBy).toEqual([coder.Ann, coder.Bob]);
    expect(rowOf(rows, "R3").doneBy).toEqual([coder.Bob]);
    // Bob's mark on Approach says nothing about R1's other answers.
    const r1 = listAnswers(db, { respondentId: survey.respondent.R1!, offset: 0, limit: 10 });
    expect(r1.rows.map((row) => row.doneBy)).toEqual([[coder.Ann, coder.Bob], [], []]);
  });

  it("holds the answer's coded passages with their codes and coders", () => {
    survey = createSurvey(tempDir());
    const rows = listAnswers(survey.db, {
      questionId: survey.question.Approach,
      offset: 0,
      limit: 10,
    }).rows;
    expect(rowOf(rows, "R5").segments.map((s) => [s.codeId, s.coderId])).toEqual([
      [survey.code.Shelters, survey.coder.Ann],
      [survey.code.Shelters, survey.coder.Bob],
      [survey.code.Funding, survey.coder.Ann],
    ]);
  });
});

describe("fresh rows by id", () => {
  it("come in the order asked, each once, leaving out answers that no longer exist", () => {
    survey = createSurvey(tempDir());
    const { approach } = survey;
    const rows = answerRows(survey.db, [
      approach.R5!,
      approach.R1!,
      9999 as AnswerId,
      approach.R5!,
      approach.R3!,
    ]);
    expect(rows.map((row) => row.respondent)).toEqual(["R5", "R1", "R3"]);
    expect(rows[0]).toEqual(
      listAnswers(survey.db, { questionId: survey.question.Approach, offset: 4, limit: 1 }).rows[0],
    );
    expect(answerRows(survey.db, [])).toEqual([]);
  });
});

describe("through the API", () => {
  it("validates the view and answers pages and rows", async () => {
    const dir = tempDir();
    const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
    try {
      await core.call("project.create", { path: join(dir, "api.cairn"), sample: true });
      const both = await core.call("answers.list", { questionId: 1, respondentId: 1 });
      expect(both).toMatchObject({
        ok: false,
        error: {
          code: "bad_input",
          message: expect.stringContaining("show either a question or a respondent"),
        },
      });
      const page = await core.call("answers.list", {
        questionId: 1,
        limit: 3,
        filter: { statuses: ["answered"] },
        sort: { by: "length", descending: true },
      });
      if (!page.ok) throw new Error(page.error.message);
      const { rows } = page.value as { rows: AnswerRow[] };
      expect(rows).toHaveLength(3);
      const lengths = rows.map((row) => row.text.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
      const fresh = await core.call("answers.get", { answerIds: rows.map((row) => row.answerId) });
      expect(fresh).toEqual({ ok: true, value: rows });
    } finally {
      core.shutdown();
    }
  });
});
