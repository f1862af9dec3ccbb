import { describe, expect, it } from "vitest";
import { tallyJson, type TallyJson } from "../../electron/core/cli/commands/tally.ts";
import { tallyOf } from "../../electron/core/tally/tally-service.ts";
import { cairnInProcess as run } from "../helpers/cli.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { codedSurvey } from "./tally-survey.ts";

const tempDir = useTempDir();

async function surveyFile(): Promise<string> {
  const project = await codedSurvey(tempDir());
  project.session.close();
  return project.path;
}

const code = (
  path: string[],
  n: number,
  segments: number,
  ofAnswered: number | null,
  ofSegments: number | null,
) => ({
  path,
  n_respondents: n,
  n_segments: segments,
  pct_of_answered: ofAnswered,
  pct_of_segments: ofSegments,
});

describe("cairn tally", () => {
  it("prints one question's figures as JSON, all coders merged", async () => {
    const file = await surveyFile();
    const result = await run("tally", file, "--question", "Q1", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const codes = [
      code(["Safety"], 3, 5, 3 / 4, 5 / 8),
      code(["Safety", "Risk"], 2, 3, 2 / 4, 3 / 5),
      code(["Safety", "Support"], 2, 2, 2 / 4, 2 / 5),
      code(["Funding"], 2, 2, 2 / 4, 2 / 8),
      code(["Unclear"], 1, 1, 1 / 4, 1 / 8),
    ];
    expect(JSON.parse(result.stdout)).toEqual({
      coder: null,
      filter: [],
      respondents: 6,
      questions: [
        {
          label: "Q1",
          position: 1,
          text: "What is your approach?",
          answered: 4,
          empty: 1,
          non_response: 1,
          missing: 0,
          codes,
        },
      ],
      overall: { answered: 4, codes },
    });
  });

  it("filters by attribute values and names the coder", async () => {
    const file = await surveyFile();
    const result = await run(
      "tally",
      file,
      "--coder",
      "ben",
      "--where",
      "country=cyprus",
      "--where",
      "Country=Malta",
      "--where",
      "Type=NGO",
      "--json",
    );
    expect(result.stderr).toBe("");
    const tally = JSON.parse(result.stdout);
    expect(tally.coder).toBe("Ben");
    expect(tally.filter).toEqual([
      { name: "Country", values: ["Cyprus", "Malta"] },
      { name: "Type", values: ["NGO"] },
    ]);
    // R3 (Malta) and R6 (Cyprus); Ben coded R3's Funding and R6's Risk in Q1.
    expect(tally.respondents).toBe(2);
    expect(
      tally.questions.map((q: { label: string; answered: number }) => [q.label, q.answered]),
    ).toEqual([
      ["Q1", 2],
      ["Q2", 2],
    ]);
    expect(tally.questions[0].codes).toEqual([
      code(["Safety"], 1, 1, 1 / 2, 1 / 2),
      code(["Safety", "Risk"], 1, 1, 1 / 2, 1),
      code(["Funding"], 1, 1, 1 / 2, 1 / 2),
    ]);
    expect(tally.questions[1].codes).toEqual([]);
    expect(tally.overall.answered).toBe(2);
    expect(tally.overall.codes.map((c: { path: string[] }) => c.path.join(">"))).toEqual([
      "Safety",
      "Safety>Risk",
      "Funding",
    ]);
  });

  it("reads an attribute named twice as either value, as the API reads the filter it echoes", async () => {
    const file = await surveyFile();
    const cli = await run(
      "tally",
      file,
      "--where",
      "Country=Ireland",
      "--where",
      "Country=Malta",
      "--json",
    );
    const json = JSON.parse(cli.stdout) as TallyJson;
    expect(json.filter).toEqual([{ name: "Country", values: ["Ireland", "Malta"] }]);
    const session = newSession();
    session.openFile(file);
    try {
      // The echoed filter, given to the API, gives the same figures; as two entries it
      // means both values at once, as in the grid's filter, and so nobody.
      const api = tallyOf(session.db(), {
        attributes: json.filter.map((f) => ({ ...f, values: [...f.values] })),
      });
      expect(tallyJson(api)).toEqual(json);
      const both = tallyOf(session.db(), {
        attributes: [
          { name: "Country", values: ["Ireland"] },
          { name: "Country", values: ["Malta"] },
        ],
      });
      expect(both.respondents).toBe(0);
    } finally {
      session.close();
    }
  });

  it("prints a table a person reads", async () => {
    const file = await surveyFile();
    const result = await run("tally", file, "--question", "2", "--all-coders");
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "All coders · 6 respondents",
      "",
      "Q2 Lessons learned?: 4 of 6 answered (1 blank, 1 non-response)",
      "  Safety         2 of 4 (50%)  2 segments (50%)",
      "  Safety > Risk  2 of 4 (50%)  2 segments (100%)",
      "  Standards      2 of 4 (50%)  2 segments (50%)",
      "",
    ]);
  });

  it("refuses an unknown attribute, value, coder or question in one line", async () => {
    const file = await surveyFile();
    const cases: [string[], string, number][] = [
      [
        ["--where", "Region=North"],
        'there is no attribute "Region" in this project; its attributes are "Country", "Type"',
        1,
      ],
      [
        ["--where", "Country=Irland"],
        'no respondent has Country "Irland"; its values are "Cyprus", "Ireland", "Malta"',
        1,
      ],
      [["--where", "Country"], 'cairn tally: --where "Country" should read ATTRIBUTE=VALUE', 2],
      [["--coder", "Zed"], 'no coder "Zed" in survey.cairn; coders: Anna, Ben', 1],
      [["--question", "Q9"], 'question "Q9" not found; questions: Q1, Q2', 1],
      [
        ["--coder", "Anna", "--all-coders"],
        "cairn tally: give --coder NAME or --all-coders, not both",
        2,
      ],
    ];
    for (const [args, message, status] of cases) {
      const result = await run("tally", file, ...args, "--json");
      expect(result.status, args.join(" ")).toBe(status);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  });
});
