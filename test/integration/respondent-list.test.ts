import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import { attributeValues } from "../../electron/core/db/attribute-values.ts";
import type { AttributeValues, RespondentPage } from "../../shared/api/contract.ts";
import type { Result } from "../../shared/api/errors.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { createSurvey } from "./answer-grid-survey.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => core?.shutdown());

/**
 * The grid survey (R1..R6 with Country and Staff; R6 has no attributes and answered only
 * Approach) plus respondents who answered nothing at all, opened through the API.
 */
function openSurvey(extra: readonly string[] = ["R7", "ΟΡΓ-08"]): Core {
  const dir = tempDir();
  const survey = createSurvey(dir);
  const add = survey.db.prepare("INSERT INTO respondents (external_id, position) VALUES (?, ?)");
  extra.forEach((id, i) => add.run(id, 7 + i));
  const path = survey.db.name;
  survey.session.close();
  core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  core.session.open(path);
  return core;
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result: Result<unknown> = await core.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function failure(core: Core, name: string, input: unknown) {
  const result = await core.call(name, input);
  if (result.ok) throw new Error(`${name} should have failed`);
  return result.error;
}

const ids = (page: RespondentPage) => page.rows.map((row) => row.respondent);

describe("listing the respondents for the by-respondent view", () => {
  it("lists every respondent in the project's order, those who answered nothing too", async () => {
    const core = openSurvey();
    const page = await call<RespondentPage>(core, "respondents.list", { offset: 0, limit: 50 });
    expect(page.total).toBe(8);
    expect(ids(page)).toEqual(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "ΟΡΓ-08"]);
    expect(page.rows[0]?.attributes).toEqual({ Country: "Ireland", Staff: "12" });
    expect(page.rows[5]?.attributes).toEqual({});
  });

  it("pages through them without repeating or skipping anyone", async () => {
    const core = openSurvey();
    const pages = await Promise.all(
      [0, 3, 6].map((offset) =>
        call<RespondentPage>(core, "respondents.list", { offset, limit: 3 }),
      ),
    );
    expect(pages.map(ids)).toEqual([
      ["R1", "R2", "R3"],
      ["R4", "R5", "R6"],
      ["R7", "ΟΡΓ-08"],
    ]);
    expect(pages.every((page) => page.total === 8)).toBe(true);
    const past = await call<RespondentPage>(core, "respondents.list", { offset: 8, limit: 3 });
    expect(past).toEqual({ total: 8, rows: [] });
  });

  it("finds respondents by any part of their id, whatever the case, among all of them", async () => {
    const core = openSurvey();
    const find = (search: string) =>
      call<RespondentPage>(core, "respondents.list", { search, offset: 0, limit: 10 });
    expect(ids(await find("r1"))).toEqual(["R1"]);
    expect(await find("  r7 ")).toMatchObject({ total: 1, rows: [{ respondent: "R7" }] });
    // Greek capitals fold to small letters too, which SQLite's lower() alone would not do.
    expect(ids(await find("οργ"))).toEqual(["ΟΡΓ-08"]);
    expect(await find("nobody")).toEqual({ total: 0, rows: [] });
    expect((await find("")).total).toBe(8);
  });

  it("refuses a page larger than the API's limit", async () => {
    const core = openSurvey();
    const error = await failure(core, "respondents.list", { offset: 0, limit: 501 });
    expect(error.code).toBe("bad_input");
  });
});

describe("the values an attribute takes, for the attribute filter", () => {
  it("counts the respondents of each value, numbers by value and text whatever the case", async () => {
    const core = openSurvey();
    const country = await call<AttributeValues>(core, "attributes.values", { name: "Country" });
    expect(country).toEqual({
      values: [
        { value: "cyprus", respondents: 1 },
        { value: "Greece", respondents: 1 },
        { value: "Ireland", respondents: 2 },
        { value: "Malta", respondents: 1 },
      ],
      distinct: 4,
      truncated: false,
    });
    const staff = await call<AttributeValues>(core, "attributes.values", { name: "Staff" });
    expect(staff.values.map((v) => v.value)).toEqual(["9", "12", "40", "150", "unknown"]);
  });

  it("orders numbers within values as people read them", async () => {
    const core = openSurvey();
    const db = core.session.db();
    const region = db.prepare("INSERT INTO attributes (name, position) VALUES ('Region', 3)").run();
    const values = ["Zone 10", "zone 2", "Zone 1", "1.5", "1.25", "Zone 2"];
    const respondents = db.prepare("SELECT id FROM respondents ORDER BY position").pluck().all();
    values.forEach((value, i) =>
      db
        .prepare(
          "INSERT INTO respondent_attributes (respondent_id, attribute_id, value) VALUES (?, ?, ?)",
        )
        .run(respondents[i], region.lastInsertRowid, value),
    );
    const listed = await call<AttributeValues>(core, "attributes.values", { name: "Region" });
    expect(listed.values.map((v) => v.value)).toEqual([
      "1.25",
      "1.5",
      "Zone 1",
      "Zone 2",
      "zone 2",
      "Zone 10",
    ]);
  });

  it("leaves blank values out", async () => {
    const core = openSurvey();
    core.session
      .db()
      .prepare(
        `INSERT INTO respondent_attributes (respondent_id, attribute_id, value)
         SELECT r.id, a.id, '' FROM respondents r, attributes a
          WHERE r.external_id = 'R7' AND a.name = 'Country'`,
      )
      .run();
    const country = await call<AttributeValues>(core, "attributes.values", { name: "Country" });
    expect(country.values.map((v) => v.value)).toEqual(["cyprus", "Greece", "Ireland", "Malta"]);
  });

  it("says so when there are more values than the list holds", () => {
    const core = openSurvey();
    const db = core.session.db();
    const countryId = db.prepare("SELECT id FROM attributes WHERE name = 'Country'").pluck().get();
    expect(attributeValues(db, countryId as number, 2)).toEqual({
      values: [
        { value: "cyprus", respondents: 1 },
        { value: "Greece", respondents: 1 },
      ],
      distinct: 4,
      truncated: true,
    });
  });

  it("names the project's attributes when asked for one it does not have", async () => {
    const core = openSurvey();
    const error = await failure(core, "attributes.values", { name: "Region" });
    expect(error).toEqual({
      code: "bad_input",
      message:
        'there is no attribute "Region" in this project; its attributes are "Country", "Staff"',
    });
  });
});
