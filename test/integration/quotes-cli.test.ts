import { describe, expect, it } from "vitest";
import { cairnInProcess } from "../helpers/cli.ts";
import { codeAnswer, codingProject } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const run = cairnInProcess;

/** R1 (Ireland) and R2 (Malta) coded with Safety (R1's under Safety>Night), by Anna and Ben. */
async function codedFile(): Promise<string> {
  const project = await codingProject(tempDir());
  codeAnswer(project, project.answer("R1", "Q1"), "Safety>Night", [0, 28]);
  codeAnswer(project, project.answer("R1", "Q1"), "Lighting", [35, 50]);
  codeAnswer(project, project.answer("R2", "Q1"), "Safety", [2, 11], { coder: "Ben" });
  project.session.close();
  return project.path;
}

describe("cairn quotes", () => {
  it("prints a code's passages as JSON quotes attributed by an attribute", async () => {
    const file = await codedFile();
    const result = await run(
      "quotes",
      file,
      "--code",
      "safety",
      "--attribution",
      "country",
      "--json",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        respondent: "R1",
        question: "Q1",
        question_position: 1,
        code: ["Safety", "Night"],
        coder: "Anna",
        start: 0,
        end: 28,
        text: "Safety at night matters most",
        attribution: "Ireland",
        quote: "\u201cSafety at night matters most\u201d (Ireland)",
      },
      {
        respondent: "R2",
        question: "Q1",
        question_position: 1,
        code: ["Safety"],
        coder: "Ben",
        start: 2,
        end: 11,
        text: "feel safe",
        attribution: "Malta",
        quote: "\u201c\u2026feel safe\u201d (Malta)",
      },
    ]);
  });

  it("prints one quote per paragraph for people, by the respondent's id by default", async () => {
    const file = await codedFile();
    const result = await run("quotes", file, "--code", "Safety", "--coder", "Anna");
    expect(result.stdout).toBe("\u201cSafety at night matters most\u201d (R1)\n");
    const both = await run("quotes", file, "--code", "Safety", "--question", "Q1");
    expect(both.stdout).toBe(
      "\u201cSafety at night matters most\u201d (R1)\n\n\u201c\u2026feel safe\u201d (R2)\n",
    );
  });

  it("names the attributes there are when the attribution is not one of them", async () => {
    const file = await codedFile();
    const result = await run("quotes", file, "--code", "Safety", "--attribution", "Region");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no attribute "Region".*"Country".*"respondent"/);
  });

  it("needs a code", async () => {
    const file = await codedFile();
    expect((await run("quotes", file)).status).toBe(2);
    const missing = await run("quotes", file, "--code", "Nope");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no code "Nope"/);
  });
});
