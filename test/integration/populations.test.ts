import { describe, expect, it } from "vitest";
import type { Core } from "../../electron/core/core.ts";
import type { Populations } from "../../shared/api/tally-api.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import { dataSnapshot, historySteps } from "../helpers/coding-project.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { crosstabProject } from "./crosstab-project.ts";

const tempDir = useTempDir();
const openCoreOn = useCoreProject();

async function openCore(): Promise<Core> {
  const dir = tempDir();
  const { session, path } = await crosstabProject(dir, false);
  session.close();
  return openCoreOn(dir, path);
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  return coreValue<T>(await core.call(name as never, input as never));
}

async function refusal(core: Core, name: string, input: unknown): Promise<string> {
  const result = await core.call(name as never, input as never);
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return `${result.error.code}: ${result.error.message}`;
}

const SIZES = {
  overall: 45,
  attributes: [
    {
      name: "Country",
      values: 25,
      byValue: [
        { value: "Malta", size: 2 },
        { value: "Ireland", size: 3 },
      ],
    },
  ],
};

const NONE: Populations["attributes"] = [];

describe("population sizes for response rates", () => {
  it("start empty, with every attribute listed without sizes", async () => {
    const core = await openCore();
    const populations = await call<Populations>(core, "populations.get", {});
    expect(populations.overall).toBeNull();
    expect(
      populations.attributes.map(({ name, values, byValue }) => ({ name, values, byValue })),
    ).toEqual([
      { name: "Country", values: null, byValue: NONE },
      { name: "Type", values: null, byValue: NONE },
    ]);
  });

  it("are set all at once as one undoable step, values in the attribute's order", async () => {
    const core = await openCore();
    const edit = await call<ProjectEdit & { populations: Populations }>(
      core,
      "populations.set",
      SIZES,
    );
    expect(edit.history.undo).toBe("Set population sizes");
    expect(edit.populations.overall).toBe(45);
    const country = edit.populations.attributes[0];
    expect(country?.values).toBe(25);
    expect(country?.byValue).toEqual([
      { value: "Ireland", size: 3 },
      { value: "Malta", size: 2 },
    ]);
    expect(await call<Populations>(core, "populations.get", {})).toEqual(edit.populations);
    expect(historySteps(core.session.db())).toEqual([
      { label: "Set population sizes", state: "done" },
    ]);
  });

  it("replace what was there: a size left out is gone", async () => {
    const core = await openCore();
    await call(core, "populations.set", SIZES);
    const edit = await call<ProjectEdit & { populations: Populations }>(core, "populations.set", {
      overall: null,
      attributes: [{ name: "Type", values: 2, byValue: [{ value: "NGO", size: 20 }] }],
    });
    expect(edit.populations.overall).toBeNull();
    expect(
      edit.populations.attributes.map(({ name, values, byValue }) => ({ name, values, byValue })),
    ).toEqual([
      { name: "Country", values: null, byValue: NONE },
      { name: "Type", values: 2, byValue: [{ value: "NGO", size: 20 }] },
    ]);
  });

  it("undo and redo restore exactly what was there", async () => {
    const core = await openCore();
    await call(core, "populations.set", SIZES);
    const db = core.session.db();
    const first = dataSnapshot(db);
    await call(core, "populations.set", {
      overall: 50,
      attributes: [
        { name: "Country", values: null, byValue: [{ value: "Ireland", size: 4 }] },
        { name: "Type", values: 2, byValue: [] },
      ],
    });
    const second = dataSnapshot(db);
    const undone = await call<ProjectEdit>(core, "history.undo", {});
    expect(undone.summaryChanged).toBe(true);
    expect(dataSnapshot(db)).toBe(first);
    await call(core, "history.redo", {});
    expect(dataSnapshot(db)).toBe(second);
    await call(core, "history.undo", {});
    await call(core, "history.undo", {});
    expect((await call<Populations>(core, "populations.get", {})).overall).toBeNull();
  });

  it("setting the same sizes again records no step", async () => {
    const core = await openCore();
    await call(core, "populations.set", SIZES);
    const again = await call<ProjectEdit>(core, "populations.set", SIZES);
    expect(again.history.undo).toBe("Set population sizes");
    expect(historySteps(core.session.db())).toHaveLength(1);
  });

  it("refuse an attribute the project lacks, or a value given twice, changing nothing", async () => {
    const core = await openCore();
    await call(core, "populations.set", SIZES);
    const db = core.session.db();
    const before = dataSnapshot(db);
    expect(
      await refusal(core, "populations.set", {
        overall: 10,
        attributes: [{ name: "Region", values: 3, byValue: [] }],
      }),
    ).toBe(
      'bad_input: there is no attribute "Region" in this project; its attributes are "Country", "Type"',
    );
    expect(
      await refusal(core, "populations.set", {
        overall: 10,
        attributes: [
          {
            name: "Country",
            values: null,
            byValue: [
              { value: "Malta", size: 1 },
              { value: "Malta", size: 2 },
            ],
          },
        ],
      }),
    ).toMatch(/^bad_input: the population of Country "Malta" is given twice/);
    expect(await refusal(core, "populations.set", { overall: 0, attributes: [] })).toMatch(
      /^bad_input/,
    );
    expect(dataSnapshot(db)).toBe(before);
    expect(historySteps(db)).toHaveLength(1);
  });

  it("go with their attribute when it is deleted", async () => {
    const core = await openCore();
    await call(core, "populations.set", SIZES);
    const db = core.session.db();
    db.prepare("DELETE FROM attributes WHERE name = 'Country'").run();
    expect(db.prepare("SELECT count(*) FROM populations").pluck().get()).toBe(1);
  });
});
