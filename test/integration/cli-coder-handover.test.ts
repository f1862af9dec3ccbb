/**
 * `cairn prepare-coder` and `cairn merge-coder`: the blind hand-over from the command
 * line (issue 7). Aoife's coding comes in through an import; Ben codes his copy with
 * `cairn code`; his work comes back once.
 */
import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairn, cairnInProcess as run, cairnJson as json } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const SURVEY = [
  "id,Q1,Q2,Q1 codes",
  '"R1","Safety at night matters most. Also better lighting.",More buses,Safety',
  "R2,Lighting in the park,n/a,",
  "R3,Nothing,Trains,",
].join("\n");

/** A project where Aoife's coding of Q1 was imported from a spreadsheet. */
async function aoifeProject(): Promise<{ dir: string; project: string }> {
  const dir = tempDir();
  const csv = join(dir, "survey.csv");
  writeFileSync(csv, SURVEY);
  const project = join(dir, "survey.cairn");
  await json(
    "import",
    project,
    csv,
    "--id-column",
    "id",
    "--question-columns",
    "Q1,Q2",
    "--code-columns",
    "Q1 codes:Q1",
    "--coder",
    "Aoife",
    "--non-response",
    "n/a",
  );
  return { dir, project };
}

/** `cairn code` in Ben's copy: `coder` codes a whole answer with `code` (a path "A>B"). */
async function codeAs(
  copy: string,
  coder: string,
  respondent: string,
  question: string,
  code: string,
) {
  await json(
    "code",
    copy,
    "--coder",
    coder,
    "--respondent",
    respondent,
    "--question",
    question,
    "--code",
    code,
  );
}

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

const CODING = `SELECT c.name AS coder, r.external_id AS respondent, k.name AS code, s.start, s.end
                  FROM segments s JOIN coders c ON c.id = s.coder_id JOIN codes k ON k.id = s.code_id
                  JOIN answers a ON a.id = s.answer_id JOIN respondents r ON r.id = a.respondent_id
                 ORDER BY coder, respondent, code`;
const MARKS = `SELECT c.name AS coder, q.label AS question, d.answer_id AS answer FROM done_marks d
                 JOIN coders c ON c.id = d.coder_id JOIN questions q ON q.id = d.question_id
                ORDER BY coder, question`;

describe("cairn prepare-coder and merge-coder", () => {
  it("hands a clean copy to Ben and brings his work back once", async () => {
    const { dir, project } = await aoifeProject();
    // The import counted as Aoife having seen Q1.
    expect(rows(project, MARKS)).toEqual([{ coder: "Aoife", question: "Q1", answer: null }]);

    const copy = join(dir, "ben.cairn");
    expect(await json("prepare-coder", project, copy, "--coder", "Ben")).toEqual({
      path: copy,
      coder: "Ben",
      questions: 2,
      answers: 5,
      codes: 1,
    });
    expect(rows(copy, CODING)).toEqual([]);
    expect(rows(copy, MARKS)).toEqual([]);
    expect(rows(copy, "SELECT name FROM coders")).toEqual([{ name: "Ben" }]);

    await codeAs(copy, "ben ", "R1", "Q1", "Safety");
    await codeAs(copy, "ben ", "R2", "Q1", "Park>Lights");

    expect(await json("merge-coder", project, copy)).toEqual({
      coders: ["Ben"],
      answers_matched: 2,
      segments_added: 2,
      segments_already_present: 0,
      done_marks_added: 0,
      memos_added: 0,
      codes_created: [["Park"], ["Park", "Lights"]],
    });
    const merged = rows(project, CODING);
    expect(merged).toEqual([
      { coder: "Aoife", respondent: "R1", code: "Safety", start: 0, end: 51 },
      { coder: "Ben", respondent: "R1", code: "Safety", start: 0, end: 51 },
      { coder: "Ben", respondent: "R2", code: "Lights", start: 0, end: 20 },
    ]);

    expect(await json("merge-coder", project, copy)).toMatchObject({
      segments_added: 0,
      segments_already_present: 2,
      codes_created: [],
    });
    expect(rows(project, CODING)).toEqual(merged);
  });

  it("prints a readable summary without --json, and copies chosen questions", async () => {
    const { dir, project } = await aoifeProject();
    const copy = join(dir, "ben-q2.cairn");
    const prepared = cairn(
      ["prepare-coder", project, copy, "--coder", "Ben", "--question", "Q2"],
      dir,
    );
    expect(prepared.stderr).toBe("");
    expect(prepared.status).toBe(0);
    expect(prepared.stdout).toBe(
      `Wrote ${copy} for Ben: 1 question, 2 answers to code, 1 code; ` +
        "nobody's coded passages, memos, done marks or names.\n",
    );
    expect(rows(copy, "SELECT label, position FROM questions")).toEqual([
      { label: "Q2", position: 1 },
    ]);

    await codeAs(copy, "Ben", "R3", "Q2", "Transport");
    const merged = cairn(["merge-coder", project, copy], dir);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(
      [
        "Merged the work of Ben on 1 answer:",
        "  1 coded passage added",
        "  0 done marks added",
        "  0 memos added",
        "  1 new code created:",
        "    Transport",
        "",
      ].join("\n"),
    );
  });

  it("refuses a coder file whose answers differ, in one line, changing nothing", async () => {
    const { dir, project } = await aoifeProject();
    const copy = join(dir, "ben.cairn");
    await json("prepare-coder", project, copy, "--coder", "Ben");
    await codeAs(copy, "Ben", "R3", "Q1", "Other");
    const db = new Database(copy);
    db.prepare("UPDATE answers SET text = 'Nothing at all' WHERE text = 'Nothing'").run();
    db.close();
    const before = rows(project, CODING);
    const result = await run("merge-coder", project, copy, "--json");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(
      "cairn merge-coder: ben.cairn does not match this project, so nothing was merged: respondent R3, question Q1: " +
        "the text differs. Answers are matched by respondent id and question label, and their " +
        "texts must be identical.",
    );
    expect(rows(project, CODING)).toEqual(before);
  });

  it.each([
    ["no OUT", ["prepare-coder", "@"], "expected FILE and OUT"],
    ["no coder", ["prepare-coder", "@", "@out"], "--coder is required"],
    ["no coder file", ["merge-coder", "@"], "expected FILE and CODER_FILE"],
  ])("%s: exit 2 with one line", async (_case, args, message) => {
    const { dir, project } = await aoifeProject();
    const result = await run(
      ...args.map((arg) => (arg === "@" ? project : arg === "@out" ? join(dir, "out.cairn") : arg)),
    );
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.status).toBe(2);
  });

  it("names an unknown question and writes no file", async () => {
    const { dir, project } = await aoifeProject();
    const out = join(dir, "out.cairn");
    const result = await run("prepare-coder", project, out, "--coder", "Ben", "--question", "Q9");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('question "Q9" not found');
    expect(rows(project, "SELECT count(*) AS n FROM questions")).toEqual([{ n: 2 }]);
  });
});
