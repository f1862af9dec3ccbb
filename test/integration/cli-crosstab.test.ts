import { describe, expect, it } from "vitest";
import { cairn, cairnInProcess } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";
import { crosstabProject } from "./crosstab-project.ts";

const tempDir = useTempDir();
const run = cairnInProcess;

async function codedFile(): Promise<string> {
  const project = await crosstabProject(tempDir());
  project.session.close();
  return project.path;
}

describe("cairn crosstab", () => {
  it("prints Q1's codes by country as JSON, a column for respondents without a country", async () => {
    const file = await codedFile();
    const result = await run(
      "crosstab",
      file,
      "--attribute",
      "country",
      "--question",
      "Q1",
      "--json",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.attribute).toBe("Country");
    expect(json.coder).toBeNull();
    expect(json.question).toEqual({ label: "Q1", position: 1 });
    expect(json.filter).toEqual([]);
    expect(json.columns).toEqual([
      { value: "Cyprus", respondents: 1, answered: 0 },
      { value: "Ireland", respondents: 2, answered: 2 },
      { value: "Malta", respondents: 2, answered: 1 },
      { value: null, respondents: 1, answered: 1 },
    ]);
    expect(json.codes[0]).toEqual({
      path: ["Safety"],
      cells: [
        { value: "Cyprus", n_respondents: 0, pct_of_answered: null },
        { value: "Ireland", n_respondents: 2, pct_of_answered: 1 },
        { value: "Malta", n_respondents: 1, pct_of_answered: 1 },
        { value: null, n_respondents: 1, pct_of_answered: 1 },
      ],
      total: 4,
    });
    expect(json.codes.map((code: { path: string[] }) => code.path)).toEqual([
      ["Safety"],
      ["Safety", "Night"],
      ["Safety", "Risk"],
      ["Lighting"],
    ]);
  });

  it("narrows to one coder and to --where values, denominators included", async () => {
    const file = await codedFile();
    const result = await run(
      "crosstab",
      file,
      "--attribute",
      "Country",
      "--question",
      "1",
      "--coder",
      "Ben",
      "--where",
      "type=ngo",
      "--where",
      "Country=Malta",
      "--where",
      "Country=Ireland",
      "--json",
    );
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json.coder).toBe("Ben");
    expect(json.filter).toEqual([
      { name: "Type", values: ["NGO"] },
      { name: "Country", values: ["Malta", "Ireland"] },
    ]);
    expect(json.columns).toEqual([
      { value: "Ireland", respondents: 1, answered: 1 },
      { value: "Malta", respondents: 2, answered: 1 },
    ]);
    expect(
      json.codes.map((code: { path: string[]; cells: { n_respondents: number }[] }) => [
        code.path.join(">"),
        code.cells.map((cell) => cell.n_respondents),
      ]),
    ).toEqual([
      ["Safety", [1, 1]],
      ["Safety>Night", [1, 1]],
    ]);
  });

  it("prints a readable table without --json", async () => {
    const file = await codedFile();
    const result = await run("crosstab", file, "--attribute", "Country", "--question", "Q1");
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "Respondents per code by Country (question Q1, all coders)",
      "          Cyprus   Ireland     Malta  (no value)     Total",
      "answered  0 of 1    2 of 2    1 of 2      1 of 1    4 of 6",
      "Safety     0 (–)  2 (100%)  1 (100%)    1 (100%)  4 (100%)",
      "  Night    0 (–)   1 (50%)  1 (100%)    1 (100%)   3 (75%)",
      "  Risk     0 (–)  2 (100%)    0 (0%)      0 (0%)   2 (50%)",
      "Lighting   0 (–)    0 (0%)  2 (200%)      0 (0%)   2 (50%)",
      "",
    ]);
  });

  it("fails in one line on an unknown attribute, value or missing flag", async () => {
    const file = await codedFile();
    const home = tempDir();
    const unknown = cairn(["crosstab", file, "--attribute", "Region", "--json"], home);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toContain('there is no attribute "Region"');
    expect(unknown.stderr).toContain('"Country", "Type"');

    const value = await run("crosstab", file, "--attribute", "Country", "--where", "Type=Church");
    expect(value.status).not.toBe(0);
    expect(value.stderr.trim()).toMatch(
      /no respondent has Type "Church"; its values are "NGO", "Shelter"$/,
    );

    const missing = await run("crosstab", file);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/--attribute is required/);

    const malformed = await run("crosstab", file, "--attribute", "Country", "--where", "Type");
    expect(malformed.status).toBe(2);
    expect(malformed.stderr.trim()).toMatch(/should read ATTRIBUTE=VALUE/);

    const both = await run(
      "crosstab",
      file,
      "--attribute",
      "Country",
      "--coder",
      "Ben",
      "--all-coders",
    );
    expect(both.status).toBe(2);
  });
});
