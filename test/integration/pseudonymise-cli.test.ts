import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairn, cairnInProcess, cairnJson } from "../helpers/cli.ts";
import { importedSurvey, surveyMapping, codeAnswer } from "../helpers/coding-project.ts";
import { fileHash, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const CSV = [
  "id,Country,Q1,Q2",
  `R1,Ireland,"Ask Ньюша Петрова at +353 1 234 5678, she runs the hostel.",Thanks Ньюша`,
  "R2,Malta,See www.example.org/ngo for more,n/a",
].join("\n");

async function survey(dir: string) {
  const project = await importedSurvey(dir, CSV, surveyMapping("Who can we contact?"));
  const answer = project.answer("R1", "Q1");
  codeAnswer(project, answer, "Contacts", [4, 17], { coder: "Coder" }); // "Ньюша Петрова"
  project.session.close();
  const terms = join(dir, "terms.txt");
  writeFileSync(terms, "# people\nНьюша Петрова => Staff member\nньюша\n");
  return { path: project.path, terms };
}

function coded(path: string) {
  const session = newSession();
  session.open(path);
  try {
    return session
      .db()
      .prepare(
        `SELECT a.text, substr(a.text, s.start + 1, s."end" - s.start) AS passage
           FROM segments s JOIN answers a ON a.id = s.answer_id`,
      )
      .get();
  } finally {
    session.close();
  }
}

describe("cairn pseudonymise", () => {
  const tempDir = useTempDir();

  it("writes the copy and reports per term as JSON", async () => {
    const dir = tempDir();
    const { path, terms } = await survey(dir);
    const before = fileHash(path);
    const out = join(dir, "shared.cairn");
    const report = await cairnJson(
      "pseudonymise",
      path,
      out,
      "--terms",
      terms,
      "--phones",
      "--urls",
    );
    expect(report).toEqual({
      path: out,
      replacements: 4,
      by_term: [
        { find: "Ньюша Петрова", replace: "Staff member", count: 1 },
        { find: "ньюша", replace: "[name 1]", count: 1 },
        { find: "telephone numbers", replace: "[phone]", count: 1 },
        { find: "web addresses", replace: "[url]", count: 1 },
      ],
      answers_changed: 3,
      segments_reanchored: 1,
      memos_changed: 0,
      attribute_values_changed: 0,
      respondent_ids_changed: 0,
    });
    expect(coded(out)).toEqual({
      text: "Ask Staff member at [phone], she runs the hostel.",
      passage: "Staff member",
    });
    expect(fileHash(path)).toBe(before);
  });

  it("matches case and inside words only when asked, and says what it did in words", async () => {
    const dir = tempDir();
    const { path, terms } = await survey(dir);
    const out = join(dir, "exact.cairn");
    const result = await cairnInProcess(
      "pseudonymise",
      path,
      out,
      "--terms",
      terms,
      "--case-sensitive",
    );
    expect(result.stderr).toBe("");
    // "ньюша" in lower case is in the list only: "Thanks Ньюша" keeps its name.
    expect(result.stdout).toBe(
      `Wrote ${out}: 1 replacement in 1 answer; 1 coded passage moved with the words.\n`,
    );
    const inside = await cairnJson(
      "pseudonymise",
      path,
      join(dir, "inside.cairn"),
      "--terms",
      terms,
      "--inside-words",
    );
    expect(inside.replacements).toBe(2);
  });

  it("refuses bad input with one line and the right exit code, writing nothing", async () => {
    const dir = tempDir();
    const { path, terms } = await survey(dir);
    const out = join(dir, "copy.cairn");
    const usage = await cairnInProcess("pseudonymise", path, out);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/give --terms TERMS\.txt/);
    const missing = await cairnInProcess(
      "pseudonymise",
      path,
      out,
      "--terms",
      join(dir, "nope.txt"),
    );
    expect(missing).toMatchObject({
      status: 1,
      stderr: `cairn pseudonymise: ${join(dir, "nope.txt")} does not exist\n`,
    });
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "Anna\n=> Nobody\n");
    const unnamed = await cairnInProcess("pseudonymise", path, out, "--terms", bad);
    expect(unnamed).toMatchObject({
      status: 1,
      stderr: `cairn pseudonymise: ${bad}: line 2 has no name before "=>"\n`,
    });
    const comments = join(dir, "comments.txt");
    writeFileSync(comments, "# nobody yet\n\n");
    const none = await cairnInProcess("pseudonymise", path, out, "--terms", comments);
    expect(none.stderr).toBe(
      `cairn pseudonymise: ${comments} lists no names to replace (one a line)\n`,
    );
    const onItself = cairn(["pseudonymise", path, path, "--terms", terms], join(dir, "home"));
    expect(onItself.status).toBe(1);
    expect(onItself.stderr).toBe(
      `cairn pseudonymise: ${path} already exists; choose a new file name\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
