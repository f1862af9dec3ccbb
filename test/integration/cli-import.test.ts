import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairn } from "../helpers/cli.ts";
import { writeDocx } from "../helpers/docx.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const SURVEY =
  "Respondent,Country,What would make victims safer?,Code 1,Code 2\n" +
  '1,Ireland,"More refuge places, and\nfaster protection orders",Safety>Refuges,Courts\n' +
  "2,Malta,n/a,,\n" +
  '3,Cyprus,"Police who believe them",Police,\n';

function files() {
  const dir = tempDir();
  const survey = join(dir, "survey.csv");
  writeFileSync(survey, SURVEY);
  return { dir, survey, project: join(dir, "survey.cairn") };
}

describe("cairn import", () => {
  it("creates the project, prints its guesses and the counts as JSON", () => {
    const { dir, survey, project } = files();
    const run = cairn(["import", project, survey, "--coder", "Aoife", "--json"], dir);
    expect(run.stderr).toContain('--id-column "Respondent"');
    expect(run.stderr).toContain('--question-columns "What would make victims safer?"');
    expect(run.stderr).toContain('--code-columns "Code 1:What would make victims safer?"');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      respondents_added: 3,
      respondents_matched: 0,
      answers_added: 3,
      answers_unchanged: 0,
      conflicts: [],
      codes_created: 4,
      segments_added: 3,
      non_responses: 1,
      warnings: [],
    });

    const show = JSON.parse(cairn(["show", project, "--json"], dir).stdout);
    expect(show.respondents).toBe(3);
    expect(show.attributes).toEqual(["Country"]);
    expect(show.coders).toEqual(["Aoife"]);
    expect(show.questions).toMatchObject([
      { label: "What would make victims safer?", answered: 2, empty: 0, non_response: 1 },
    ]);
  });

  it("takes the mapping from flags", () => {
    const { dir, survey, project } = files();
    const run = cairn(
      [
        "import",
        project,
        survey,
        "--id-column",
        "Respondent",
        "--attribute-columns",
        "Country",
        "--question-columns",
        "What would make victims safer?",
        "--ignore-columns",
        "Code 1,Code 2",
        "--non-response",
        "-",
        "--json",
      ],
      dir,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ answers_added: 3, non_responses: 0 });
  });

  it("asks who coded the code columns", () => {
    const { dir, survey, project } = files();
    const run = cairn(["import", project, survey], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"Code 1", "Code 2" hold codes: name the coder');
    expect(existsSync(project)).toBe(false);
  });

  it("names a column that is not in the file", () => {
    const { dir, survey, project } = files();
    const run = cairn(["import", project, survey, "--id-column", "ID"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'cairn import: --id-column: survey.csv has no column "ID"; its columns are ' +
        '"Respondent", "Country", "What would make victims safer?", "Code 1", "Code 2"',
    );
  });

  it("says when a flag is for another kind of file", () => {
    const { dir, survey, project } = files();
    const run = cairn(["import", project, survey, "--sheet", "Responses"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      "cairn import: --sheet is for Excel workbooks, not CSV/TSV files",
    );
  });

  it("stops at a conflict, changes nothing, and lists it; --on-conflict replace applies it", () => {
    const { dir, survey, project } = files();
    expect(cairn(["import", project, survey, "--coder", "Aoife"], dir).status).toBe(0);
    const wave = join(dir, "wave2.csv");
    writeFileSync(
      wave,
      "Respondent,Country,What would make victims safer?\n3,Cyprus,Police who listen\n4,Malta,Shelters\n",
    );
    const before = cairn(["show", project, "--json"], dir).stdout;

    const refused = cairn(["import", project, wave, "--json"], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("nothing was imported");
    expect(JSON.parse(refused.stdout)).toMatchObject({
      applied: false,
      conflicts: [
        {
          kind: "answer",
          respondent: "3",
          question: "What would make victims safer?",
          existing: "Police who believe them",
          incoming: "Police who listen",
          segments: 1,
        },
      ],
    });
    expect(cairn(["show", project, "--json"], dir).stdout).toBe(before);

    const replaced = cairn(["import", project, wave, "--on-conflict", "replace", "--json"], dir);
    expect(replaced.status).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({
      respondents_added: 1,
      respondents_matched: 1,
      answers_replaced: 1,
      segments_removed: 1,
    });
  });

  it("reports bad input in one line and leaves no project behind", () => {
    const { dir, project } = files();
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "Respondent,Why do you say that?\nR1,a\nR1,b\n");
    const run = cairn(["import", project, bad], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n").at(-1)).toBe(
      'cairn import: bad.csv: duplicate respondent id "R1" on lines 2 and 3',
    );
    expect(existsSync(project)).toBe(false);
  });

  it("imports a long export, one row per answer, with the layout named in flags", () => {
    const dir = tempDir();
    const long = join(dir, "long.csv");
    writeFileSync(
      long,
      "Resp,Item,Reply\nA,Q1,Faster courts\nA,Q2,More refuges\nB,Q1,Training for police\n",
    );
    const run = cairn(
      [
        "import",
        join(dir, "long.cairn"),
        long,
        "--id-column",
        "Resp",
        "--question-name-column",
        "Item",
        "--answer-column",
        "Reply",
        "--json",
      ],
      dir,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      respondents_added: 2,
      questions_added: 2,
      answers_added: 3,
    });
    const half = cairn(["import", join(dir, "x.cairn"), long, "--answer-column", "Reply"], dir);
    expect(half.status).toBe(2);
    expect(half.stderr).toContain("needs both --question-name-column and --answer-column");
  });

  it("imports a folder of Word questionnaires in one go", async () => {
    const dir = tempDir();
    const folder = join(dir, "forms");
    mkdirSync(folder);
    for (const [id, country, answer] of [
      ["R1", "Ireland", "Training for judges."],
      ["R2", "Greece", "Κέντρα φιλοξενίας σε κάθε νησί."],
    ] as const) {
      await writeDocx(join(folder, `${id}.docx`), [
        { text: `Country: ${country}` },
        { text: "1. What should change first?" },
        { text: answer },
        { text: "2. Anything else?" },
        { text: "-" },
      ]);
    }
    const project = join(dir, "forms.cairn");
    const run = cairn(["import", project, folder, "--json"], dir);
    expect(run.stderr).toContain('--question-columns "Q1", "Q2"');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      respondents_added: 2,
      answers_added: 4,
      non_responses: 2,
    });
    const byField = cairn(
      ["import", join(dir, "by-field.cairn"), folder, "--id-field", "Country", "--json"],
      dir,
    );
    expect(byField.stderr).toContain('--id-column "Country"');
    expect(byField.stderr).toContain('--attribute-columns "File"');

    const show = JSON.parse(cairn(["show", project, "--json"], dir).stdout);
    expect(show.questions.map((q: { text: string }) => q.text)).toEqual([
      "What should change first?",
      "Anything else?",
    ]);
  });
});
