import { describe, expect, it } from "vitest";
import type { Core } from "../../electron/core/core.ts";
import type { ResponseRate } from "../../shared/api/tally-api.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { crosstabProject, type CrosstabProject } from "./crosstab-project.ts";

const tempDir = useTempDir();
const openCoreOn = useCoreProject();

async function openCore(): Promise<{ core: Core; project: CrosstabProject }> {
  const dir = tempDir();
  const project = await crosstabProject(dir, false);
  project.session.close();
  return { core: openCoreOn(dir, project.path), project };
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  return coreValue<T>(await core.call(name as never, input as never));
}

function questionId(core: Core, label: string): number {
  return core.session
    .db()
    .prepare("SELECT id FROM questions WHERE label = ?")
    .pluck()
    .get(label) as number;
}

describe("response rates", () => {
  it("without population sizes give who answered, every rate null", async () => {
    const { core } = await openCore();
    const rate = await call<ResponseRate>(core, "tally.responseRate", {
      questionId: questionId(core, "Q1"),
    });
    // Q1: R1, R2, R3, R5 answered; R4 "n/a", R6 blank.
    expect(rate.overall).toEqual({ respondents: 6, answered: 4, population: null, rate: null });
    expect(rate.attributes).toEqual([
      {
        name: "Country",
        valuesAnswered: 2,
        valuesPopulation: null,
        valuesRate: null,
        values: [
          { value: "Cyprus", respondents: 1, answered: 0, population: null, rate: null },
          { value: "Ireland", respondents: 2, answered: 2, population: null, rate: null },
          { value: "Malta", respondents: 2, answered: 1, population: null, rate: null },
          { value: null, respondents: 1, answered: 1, population: null, rate: null },
        ],
      },
      {
        name: "Type",
        valuesAnswered: 2,
        valuesPopulation: null,
        valuesRate: null,
        values: [
          { value: "NGO", respondents: 4, answered: 3, population: null, rate: null },
          { value: "Shelter", respondents: 2, answered: 1, population: null, rate: null },
        ],
      },
    ]);
  });

  it("with population sizes give '4 of 45' overall, per value, and values of 25 countries", async () => {
    const { core } = await openCore();
    await call(core, "populations.set", {
      overall: 45,
      attributes: [
        {
          name: "Country",
          values: 25,
          byValue: [
            { value: "Ireland", size: 3 },
            { value: "Malta", size: 2 },
            { value: "Greece", size: 4 },
          ],
        },
      ],
    });
    const rate = await call<ResponseRate>(core, "tally.responseRate", {
      questionId: questionId(core, "Q1"),
    });
    expect(rate.overall).toEqual({ respondents: 6, answered: 4, population: 45, rate: 4 / 45 });
    const [country, type] = rate.attributes;
    expect(country).toEqual({
      name: "Country",
      valuesAnswered: 2,
      valuesPopulation: 25,
      valuesRate: 2 / 25,
      values: [
        { value: "Cyprus", respondents: 1, answered: 0, population: null, rate: null },
        // Nobody from Greece responded: "0 of 4" is a figure too.
        { value: "Greece", respondents: 0, answered: 0, population: 4, rate: 0 },
        { value: "Ireland", respondents: 2, answered: 2, population: 3, rate: 2 / 3 },
        { value: "Malta", respondents: 2, answered: 1, population: 2, rate: 0.5 },
        { value: null, respondents: 1, answered: 1, population: null, rate: null },
      ],
    });
    expect(type?.valuesPopulation).toBeNull();
    expect(type?.valuesRate).toBeNull();
  });

  it("across all questions count those who answered at least one", async () => {
    const { core } = await openCore();
    await call(core, "populations.set", { overall: 10, attributes: [] });
    const rate = await call<ResponseRate>(core, "tally.responseRate", {});
    expect(rate.questionId).toBeNull();
    // Everyone but R6 answered something.
    expect(rate.overall).toEqual({ respondents: 6, answered: 5, population: 10, rate: 0.5 });
    expect(rate.attributes[0]?.valuesAnswered).toBe(2);
    expect(rate.attributes[0]?.values.map((v) => [v.value, v.answered])).toEqual([
      ["Cyprus", 0],
      ["Ireland", 2],
      ["Malta", 2],
      [null, 1],
    ]);
  });
});
