/**
 * Whatever a caller sends the tally operations (ids the project lacks, an empty list of
 * values, a filter of thousands of values), the answer is figures or one sentence, and
 * the project is left exactly as it was.
 */
import { describe, expect, it } from "vitest";
import type { Tally } from "../../shared/api/tally-api.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { dataSnapshot, historySteps } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { codedSurvey } from "./tally-survey.ts";
import { oracleTally, readSurvey } from "./tally-oracle.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

const REFUSED: [name: string, input: unknown, code: string, message: RegExp][] = [
  ["tally.get", { questionId: 9999 }, "not_found", /question 9999 is not in this project/],
  ["tally.get", { coderId: 9999 }, "not_found", /coder 9999 is not in this project/],
  ["tally.get", { attributes: [{ name: "Region", values: ["North"] }] }, "bad_input", /Region/],
  ["tally.get", { attributes: [{ name: "Country", values: [] }] }, "bad_input", /./],
  ["tally.get", { questionId: "Q1" }, "bad_input", /./],
  ["tally.get", { coder: "Anna" }, "bad_input", /./],
  ["tally.crosstab", { attribute: "Region" }, "bad_input", /Region/],
  ["tally.crosstab", { attribute: "Country", codeId: 9999 }, "not_found", /code 9999/],
  ["tally.crosstab", { attribute: "Country", questionId: 9999 }, "not_found", /question 9999/],
  ["tally.crosstab", { attribute: "Country", coderId: 9999 }, "not_found", /coder 9999/],
  ["tally.crosstab", { attribute: "" }, "bad_input", /./],
  ["tally.responseRate", { questionId: 9999 }, "not_found", /question 9999/],
  ["populations.set", { overall: 0, attributes: [] }, "bad_input", /./],
  [
    "populations.set",
    { overall: 45, attributes: [{ name: "Region", values: 3, byValue: [] }] },
    "bad_input",
    /Region/,
  ],
];

describe("the tally operations given bad input", () => {
  it("refuse in one sentence and change nothing", async () => {
    const p = await codedSurvey(tempDir());
    const path = p.path;
    p.session.close();
    const core = openCore(tempDir(), path);
    const db = core.session.db();
    const before = [dataSnapshot(db), JSON.stringify(historySteps(db))];
    for (const [name, input, code, message] of REFUSED) {
      const result = await core.call(name, input);
      const about = `${name} ${JSON.stringify(input)}`;
      expect(result.ok, about).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, about).toBe(code);
      expect(result.error.message, about).toMatch(message);
      expect(result.error.message, about).not.toMatch(/\n|\bat \w+ \(/);
    }
    expect([dataSnapshot(db), JSON.stringify(historySteps(db))]).toEqual(before);
  });

  it("count a filter of 50 entries and thousands of values, unknown ones matching nobody, as the definitions say", async () => {
    const p = await codedSurvey(tempDir());
    const path = p.path;
    p.session.close();
    const core = openCore(tempDir(), path);
    const many = Array.from({ length: 2_000 }, (_, i) => `Country ${i}`);
    const attributes = [
      { name: "Country", values: [...many, "Malta", "Ireland"] },
      ...Array.from({ length: 49 }, () => ({ name: "Type", values: [...many, "NGO"] })),
    ];
    const tally = coreValue<Tally>(await core.call("tally.get", { attributes }));
    expect(tally).toEqual(oracleTally(readSurvey(core.session.db()), { attributes }));
    // R1 and R3, the NGOs of Ireland and Malta.
    expect(tally.respondents).toBe(2);
    const crosstab = await core.call("tally.crosstab", { attribute: "Country", attributes });
    expect(crosstab.ok).toBe(true);
  });
});
