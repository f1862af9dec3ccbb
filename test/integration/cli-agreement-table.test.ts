import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairnInProcess as run, cairnJson as json } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

interface Example {
  readonly id: string;
  readonly statistic: string;
  readonly categories: readonly (string | number)[] | null;
  readonly data: unknown;
  readonly expected: number | null;
}

function examples(): Example[] {
  const local = new URL("../fixtures/agreement-examples.json", import.meta.url);
  const shared = new URL("../../../shared/agreement/examples.json", import.meta.url);
  return JSON.parse(readFileSync(existsSync(local) ? local : shared, "utf8")) as Example[];
}

/** The worked cases whose data is a units x coders table (not the segment cases). */
const TABLE_CASES = examples().filter((e) => Array.isArray(e.data) && e.categories !== null);

function tableFile(content: unknown): string {
  const path = join(tempDir(), "table.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("cairn agreement --table: any units x coders table", () => {
  it("has table cases to check", () => {
    expect(TABLE_CASES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(TABLE_CASES.map((e) => [e.id, e] as const))(
    "reproduces the worked example %s",
    async (_id, example) => {
      const file = tableFile({ categories: example.categories, data: example.data });
      const out = await json("agreement", "--table", file);
      const reasons = out.reasons as Record<string, string>;
      if (example.expected === null) {
        expect(out[example.statistic]).toBeNull();
        expect(reasons[example.statistic]).toMatch(/\w+ \w+/);
        expect(out.reason).toEqual(expect.any(String));
      } else {
        expect(out[example.statistic]).toBeCloseTo(example.expected, 6);
        expect(reasons[example.statistic]).toBeUndefined();
      }
      expect(Object.keys(out)).toEqual(
        expect.arrayContaining([
          "units",
          "percent_agreement",
          "cohen_kappa",
          "scott_pi",
          "fleiss_kappa",
          "krippendorff_alpha",
          "brennan_prediger",
          "reasons",
        ]),
      );
    },
  );

  it("says Cohen's kappa is not for three coders, and prints a readable table", async () => {
    const file = tableFile({
      categories: ["a", "b"],
      data: [
        ["a", "a", "b"],
        ["b", "b", "b"],
      ],
    });
    const out = await json("agreement", "--table", file);
    expect(out.units).toBe(2);
    expect(out.cohen_kappa).toBeNull();
    expect((out.reasons as Record<string, string>).cohen_kappa).toEqual(expect.any(String));
    const text = await run("agreement", "--table", file);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Krippendorff's alpha");
    expect(text.stdout).toContain("—");
  });

  it("refuses a file that is not a table with one clear line", async () => {
    const cases: [unknown, RegExp][] = [
      ["{ not json", /table\.json is not JSON/],
      [{ categories: ["a"] }, /should be \{"categories".*data/],
      [{ categories: ["a", "b"], data: [["a"]] }, /two or more coders/],
      [
        { categories: ["a", "b"], data: [["a", "c"]] },
        /table\.json: the value "c" \(unit 1, coder 2\) is not among the categories/,
      ],
      [
        {
          categories: ["a", "b"],
          data: [
            ["a", "b"],
            ["a", "b", "a"],
          ],
        },
        /table\.json: unit 2 has 3 ratings but unit 1 has 2/,
      ],
    ];
    for (const [content, message] of cases) {
      const result = await run("agreement", "--table", tableFile(content), "--json");
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    const missing = await run("agreement", "--table", join(tempDir(), "nope.json"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no file .*nope\.json/);
  });

  it("takes --table alone", async () => {
    const file = tableFile({ categories: ["a", "b"], data: [["a", "a"]] });
    for (const args of [
      ["survey.cairn", "--table", file],
      ["--table", file, "--coders", "Anna,Ben"],
    ]) {
      const result = await run("agreement", ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--table reads a table file alone/);
    }
  });
});
