import { afterEach, describe, expect, it } from "vitest";
import { crosstab, type CrosstabInput } from "../../electron/core/tally/crosstab.ts";
import type { Crosstab } from "../../shared/api/tally-api.ts";
import { useTempDir } from "../helpers/temp.ts";
import { crosstabProject, type CrosstabProject } from "./crosstab-project.ts";

const tempDir = useTempDir();
let open: CrosstabProject | null = null;
afterEach(() => {
  open?.session.close();
  open = null;
});

async function project(): Promise<CrosstabProject> {
  return (open = await crosstabProject(tempDir()));
}

/** Each row as "path: value=n ..." over its non-zero cells, and its total. */
function cellsOf(table: Crosstab): Record<string, Record<string, number>> {
  const cells: Record<string, Record<string, number>> = {};
  for (const row of table.rows) {
    const shown: Record<string, number> = {};
    row.cells.forEach((n, i) => {
      if (n > 0) shown[table.columns[i]?.value ?? "(none)"] = n;
    });
    cells[row.path.join(">")] = { ...shown, total: row.total };
  }
  return cells;
}

function table(p: CrosstabProject, input: Partial<CrosstabInput> = {}): Crosstab {
  return crosstab(p.db(), { attribute: "Country", ...input });
}

describe("the crosstab of codes by an attribute", () => {
  it("splits each code's respondents by country, with a column for those without one", async () => {
    const p = await project();
    const q1 = table(p, { questionId: p.question("Q1") });
    expect(q1.columns).toEqual([
      { value: "Cyprus", respondents: 1, answered: 0 },
      { value: "Ireland", respondents: 2, answered: 2 },
      { value: "Malta", respondents: 2, answered: 1 },
      { value: null, respondents: 1, answered: 1 },
    ]);
    expect(cellsOf(q1)).toEqual({
      // R1 has Night and Risk (and Ben's Night): one respondent for Safety.
      Safety: { Ireland: 2, Malta: 1, "(none)": 1, total: 4 },
      "Safety>Night": { Ireland: 1, Malta: 1, "(none)": 1, total: 3 },
      "Safety>Risk": { Ireland: 2, total: 2 },
      // R4's non-response was coded: it counts (decision 0012).
      Lighting: { Malta: 2, total: 2 },
    });
    expect(q1.questionId).toBe(p.question("Q1"));
    expect(q1.coderId).toBeNull();
  });

  it("gives column percentages of those who answered, null where nobody did", async () => {
    const p = await project();
    const q1 = table(p, { questionId: p.question("Q1") });
    const pct = Object.fromEntries(q1.rows.map((row) => [row.path.join(">"), row.pctOfAnswered]));
    expect(pct).toEqual({
      Safety: [null, 1, 1, 1],
      "Safety>Night": [null, 0.5, 1, 1],
      "Safety>Risk": [null, 1, 0, 0],
      // Two coded in Malta where one answered: more than 100%, shown as it is.
      Lighting: [null, 0, 2, 0],
    });
  });

  it("counts one coder's segments only when asked", async () => {
    const p = await project();
    const anna = table(p, { questionId: p.question("Q1"), coderId: p.coder("Anna") });
    expect(anna.coderId).toBe(p.coder("Anna"));
    expect(cellsOf(anna)).toEqual({
      Safety: { Ireland: 2, "(none)": 1, total: 3 },
      "Safety>Night": { Ireland: 1, "(none)": 1, total: 2 },
      "Safety>Risk": { Ireland: 2, total: 2 },
      Lighting: { Malta: 2, total: 2 },
    });
    const ben = table(p, { questionId: p.question("Q1"), coderId: p.coder("Ben") });
    expect(cellsOf(ben)).toEqual({
      Safety: { Ireland: 1, Malta: 1, total: 2 },
      "Safety>Night": { Ireland: 1, Malta: 1, total: 2 },
    });
  });

  it("narrows the columns' denominators and the cells together under a filter", async () => {
    const p = await project();
    const ngos = table(p, {
      questionId: p.question("Q1"),
      attributes: [{ name: "Type", values: ["NGO"] }],
    });
    // R2 (Ireland) and R6 (Cyprus, the only one there) are shelters.
    expect(ngos.columns).toEqual([
      { value: "Ireland", respondents: 1, answered: 1 },
      { value: "Malta", respondents: 2, answered: 1 },
      { value: null, respondents: 1, answered: 1 },
    ]);
    expect(cellsOf(ngos)).toEqual({
      Safety: { Ireland: 1, Malta: 1, "(none)": 1, total: 3 },
      "Safety>Night": { Ireland: 1, Malta: 1, "(none)": 1, total: 3 },
      "Safety>Risk": { Ireland: 1, total: 1 },
      Lighting: { Malta: 2, total: 2 },
    });
    expect(ngos.rows.find((row) => row.path.join(">") === "Safety>Risk")?.pctOfAnswered).toEqual([
      1, 0, 0,
    ]);
  });

  it("needs every filtered attribute to match, and any of an attribute's values", async () => {
    const p = await project();
    const filtered = table(p, {
      questionId: p.question("Q1"),
      attributes: [
        { name: "Type", values: ["NGO", "Shelter"] },
        { name: "Country", values: ["Ireland", "Cyprus"] },
      ],
    });
    expect(filtered.columns.map((c) => [c.value, c.respondents])).toEqual([
      ["Cyprus", 1],
      ["Ireland", 2],
    ]);
    expect(cellsOf(filtered)).toEqual({
      Safety: { Ireland: 2, total: 2 },
      "Safety>Night": { Ireland: 1, total: 1 },
      "Safety>Risk": { Ireland: 2, total: 2 },
    });
  });

  it("across all questions counts a respondent once, answered meaning at least one answer", async () => {
    const p = await project();
    const all = table(p);
    expect(all.questionId).toBeNull();
    expect(all.columns).toEqual([
      { value: "Cyprus", respondents: 1, answered: 0 },
      { value: "Ireland", respondents: 2, answered: 2 },
      { value: "Malta", respondents: 2, answered: 2 },
      { value: null, respondents: 1, answered: 1 },
    ]);
    expect(cellsOf(all)).toEqual({
      // R4: Safety in Q2; R3: Ben's Night in Q1.
      Safety: { Ireland: 2, Malta: 2, "(none)": 1, total: 5 },
      "Safety>Night": { Ireland: 1, Malta: 1, "(none)": 1, total: 3 },
      "Safety>Risk": { Ireland: 2, total: 2 },
      Lighting: { Malta: 2, total: 2 },
      Transport: { Ireland: 1, total: 1 },
    });
  });

  it("lists only a code used in the question, and only a chosen code's subtree", async () => {
    const p = await project();
    const q2 = table(p, { questionId: p.question("Q2") });
    expect(q2.rows.map((row) => row.path.join(">"))).toEqual(["Safety", "Transport"]);
    const safety = table(p, { codeId: p.code("Safety") });
    expect(safety.rows.map((row) => row.path.join(">"))).toEqual([
      "Safety",
      "Safety>Night",
      "Safety>Risk",
    ]);
    expect(safety.rows[0]?.parentId).toBeNull();
    expect(safety.rows[1]?.parentId).toBe(p.code("Safety"));
  });

  it("has no column for respondents without a value when everyone has one", async () => {
    const p = await project();
    const byType = crosstab(p.db(), { attribute: "Type", questionId: p.question("Q1") });
    expect(byType.columns.map((c) => c.value)).toEqual(["NGO", "Shelter"]);
    expect(cellsOf(byType)).toEqual({
      Safety: { NGO: 3, Shelter: 1, total: 4 },
      "Safety>Night": { NGO: 3, total: 3 },
      "Safety>Risk": { NGO: 1, Shelter: 1, total: 2 },
      Lighting: { NGO: 2, total: 2 },
    });
  });

  it("refuses an attribute the project lacks in one sentence", async () => {
    const p = await project();
    expect(() => crosstab(p.db(), { attribute: "Region" })).toThrow(
      'there is no attribute "Region" in this project; its attributes are "Country", "Type"',
    );
    expect(() =>
      crosstab(p.db(), { attribute: "Country", attributes: [{ name: "Sector", values: ["x"] }] }),
    ).toThrow(/no attribute "Sector"/);
  });
});
