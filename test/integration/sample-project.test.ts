import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeTree } from "../../electron/core/db/codes.ts";
import { listAnswers } from "../../electron/core/services/answers.ts";
import { sampleData } from "../../electron/core/services/sample-project.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

describe("the built-in sample project", () => {
  const tempDir = useTempDir();

  it("reads like a real network survey", () => {
    const data = sampleData();
    const countries = new Set(data.respondents.map((r) => r.attributes.Country));
    expect(data.respondents.length).toBeGreaterThanOrEqual(15);
    expect(countries.size).toBeGreaterThanOrEqual(10);
    expect(data.questions.length).toBeGreaterThanOrEqual(12);
    expect(new Set(data.questions.map((q) => q.part)).size).toBeGreaterThanOrEqual(4);
    const answers = data.respondents.flatMap((r) => Object.values(r.answers));
    // Other languages and scripts, and emoji.
    expect(answers.some((a) => /[\u0370-\u03ff]/.test(a))).toBe(true);
    expect(answers.some((a) => /\p{Extended_Pictographic}/u.test(a))).toBe(true);
  });

  it("has answered, blank and non-response answers, and one coder's highlights", () => {
    const session = newSession();
    const summary = session.create(join(tempDir(), "sample.cairn"), { sample: true });
    const total = (key: "answered" | "empty" | "non_response") =>
      summary.questions.reduce((sum, q) => sum + q[key], 0);
    expect(total("empty")).toBeGreaterThanOrEqual(5);
    expect(total("non_response")).toBeGreaterThanOrEqual(5);
    expect(summary.coders.map((c) => c.name)).toEqual(["Aoife"]);
    expect(codeTree(session.db()).some((c) => c.children.length > 0)).toBe(true);

    const first = summary.questions[0];
    if (!first) throw new Error("the sample has no questions");
    const page = listAnswers(session.db(), { questionId: first.id, offset: 0, limit: 500 });
    expect(page.total).toBe(summary.respondents);
    const coded = page.rows.filter((row) => row.segments.length > 0);
    expect(coded.length).toBeGreaterThan(5);
    session.close();
  });

  it("anchors every segment on the exact passage the data file quotes", () => {
    const data = sampleData();
    const session = newSession();
    const summary = session.create(join(tempDir(), "sample.cairn"), { sample: true });
    const quotes = new Set(data.segments.map((s) => `${s.respondent}|${s.question}|${s.quote}`));
    let seen = 0;
    for (const question of summary.questions) {
      for (const row of listAnswers(session.db(), {
        questionId: question.id,
        offset: 0,
        limit: 500,
      }).rows) {
        for (const segment of row.segments) {
          const passage = row.text.slice(segment.start, segment.end);
          expect(quotes.has(`${row.respondent}|${question.label}|${passage}`)).toBe(true);
          seen++;
        }
      }
    }
    expect(seen).toBe(data.segments.length);
    session.close();
  });
});
