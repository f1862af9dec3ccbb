import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairnInProcess as run, cairnJson as json } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";
import { agreementSurveyFile } from "./cli-agreement-survey.ts";

const tempDir = useTempDir();

/** Per-code figures worked out by hand from the survey's table (cli-agreement-survey.ts). */
const HAND = {
  "Safety>Risk": {
    both: 2,
    a_only: 1,
    b_only: 0,
    neither: 3,
    percent: 5 / 6,
    kappa: 2 / 3,
    alpha: 24 / 35,
    bp: 2 / 3,
  },
  "Safety>Support": {
    both: 1,
    a_only: 0,
    b_only: 1,
    neither: 4,
    percent: 5 / 6,
    kappa: 4 / 7,
    alpha: 16 / 27,
    bp: 2 / 3,
  },
  Funding: {
    both: 1,
    a_only: 1,
    b_only: 1,
    neither: 3,
    percent: 2 / 3,
    kappa: 1 / 4,
    alpha: 10 / 32,
    bp: 1 / 3,
  },
  Safety: { both: 4, a_only: 0, b_only: 0, neither: 2, percent: 1, kappa: 1, alpha: 1, bp: 1 },
} as const;

type Row = Record<string, unknown> & { path: string[] };

function rowOf(rows: readonly Row[], path: string): Row {
  const row = rows.find((r) => r.path.join(">") === path);
  if (!row) throw new Error(`no row ${path} in ${rows.map((r) => r.path.join(">")).join(", ")}`);
  return row;
}

describe("cairn agreement on a two-coder project", () => {
  const surveyFile = () => agreementSurveyFile(tempDir());

  it("gives each code's answer-level figures as computed by hand", async () => {
    const file = await surveyFile();
    const out = await json<Record<string, unknown> & { codes: Row[]; pooled: Row }>(
      "agreement",
      file,
      "--coders",
      "anna, BEN",
      "--question",
      "Q1",
      "--resamples",
      "0",
    );
    expect(out).toMatchObject({
      level: "answer",
      coders: ["Anna", "Ben"],
      questions: ["Q1"],
      answers: 6,
      threshold: 0.9,
      units: 24,
    });
    for (const [path, want] of Object.entries(HAND)) {
      const row = rowOf(out.codes, path);
      expect(row).toMatchObject({
        units: 6,
        both: want.both,
        a_only: want.a_only,
        b_only: want.b_only,
        neither: want.neither,
        category: path === "Safety",
        cohen_kappa_ci: null,
        krippendorff_alpha_ci: null,
      });
      expect(row.percent).toBeCloseTo(want.percent, 10);
      expect(row.cohen_kappa).toBeCloseTo(want.kappa, 10);
      expect(row.krippendorff_alpha).toBeCloseTo(want.alpha, 10);
      expect(row.brennan_prediger).toBeCloseTo(want.bp, 10);
      expect(row.reason).toBeNull();
      expect(row.reasons).toEqual({});
    }
    // Nobody used "Unclear" in Q1: kappa and alpha are undefined, and say why.
    const unclear = rowOf(out.codes, "Unclear");
    expect(unclear).toMatchObject({ units: 6, both: 0, neither: 6, percent: 1, cohen_kappa: null });
    expect(unclear.krippendorff_alpha).toBeNull();
    expect(unclear.reason).toEqual(expect.any(String));
    expect(Object.keys(unclear.reasons as object)).toEqual(
      expect.arrayContaining(["cohen_kappa", "krippendorff_alpha"]),
    );
    // Pooled over the codes as applied (the leaves Risk, Support, Funding, Unclear).
    expect(out.pooled).toMatchObject({ units: 24, both: 4, a_only: 2, b_only: 2, neither: 16 });
    expect(out.pooled.percent).toBeCloseTo(5 / 6, 10);
    expect(out.pooled.cohen_kappa).toBeCloseTo(5 / 9, 10);
    expect(out.pooled.krippendorff_alpha).toBeCloseTo(244 / 432, 10);
    expect(out.pooled.brennan_prediger).toBeCloseTo(2 / 3, 10);
    expect(out.pooled).not.toHaveProperty("path");
  });

  it("leaves out answers a coder has not seen, and counts them", async () => {
    const file = await surveyFile();
    const out = await json("agreement", file, "--coders", "Anna,Ben", "--resamples", "0");
    expect(out).toMatchObject({ answers: 6, answers_not_seen: 6, units: 24 });
  });

  it("gives repeatable bootstrap intervals for a seed", async () => {
    const file = await surveyFile();
    const args = ["agreement", file, "--coders", "Anna,Ben", "--resamples", "200", "--seed", "7"];
    const first = await json<{ pooled: Row }>(...args);
    const again = await json<{ pooled: Row }>(...args);
    expect(first.pooled.krippendorff_alpha_ci).toEqual(again.pooled.krippendorff_alpha_ci);
    const [low, high] = first.pooled.cohen_kappa_ci as [number, number];
    expect(low).toBeLessThanOrEqual(high);
  });

  it("gives the segment level by MAXQDA's rule at the threshold", async () => {
    const file = await surveyFile();
    type Segments = { codes: Row[]; pooled: Row; code_count: number; level: string };
    const segmentLevel = (...threshold: string[]) =>
      json<Segments>("agreement", file, "--coders", "Anna,Ben", "--level", "segment", ...threshold);
    const at90 = await segmentLevel();
    expect(at90.level).toBe("segment");
    const k = at90.code_count;
    const bp = (p: number) => (p - 1 / k) / (1 - 1 / k);
    const expectRow = (row: Row, segments: number, agreements: number) => {
      expect(row).toMatchObject({ segments, agreements });
      expect(row.percent).toBeCloseTo(agreements / segments, 10);
      expect(row.brennan_prediger).toBeCloseTo(bp(agreements / segments), 10);
    };
    expectRow(rowOf(at90.codes, "Safety>Risk"), 5, 4);
    // Ben's [0,11) against Anna's [0,10): 10/11 of the union, at least 90%.
    expectRow(rowOf(at90.codes, "Safety>Support"), 3, 2);
    // Ben's [0,12) against Anna's [0,10) is 10/12: below 90%.
    expectRow(rowOf(at90.codes, "Funding"), 4, 0);
    expectRow(at90.pooled, 12, 6);
    const unclear = at90.codes.find((r) => r.path.join(">") === "Unclear");
    if (unclear) {
      expect(unclear.percent).toBeNull();
      expect(unclear.reason).toEqual(expect.any(String));
    }

    const at80 = await segmentLevel("--threshold", "0.8");
    expectRow(rowOf(at80.codes, "Funding"), 4, 2);
    expectRow(at80.pooled, 12, 8);
  });

  it("compares three coders with Fleiss' kappa, and refuses their segment level", async () => {
    const file = await surveyFile();
    const out = await json<{ codes: Row[]; pooled: Row; coders: string[] }>(
      "agreement",
      file,
      "--coders",
      "Anna,Ben,Cara",
      "--resamples",
      "0",
    );
    expect(out.coders).toEqual(["Anna", "Ben", "Cara"]);
    expect(out.pooled.both).toBeNull();
    expect(out.pooled.cohen_kappa).toBeNull();
    expect((out.pooled.reasons as Record<string, string>).cohen_kappa).toEqual(expect.any(String));
    expect(out.pooled.fleiss_kappa).toEqual(expect.any(Number));
    const segment = await run("agreement", file, "--coders", "Anna,Ben,Cara", "--level", "segment");
    expect(segment.status).toBe(1);
    expect(segment.stdout).toBe("");
    expect(segment.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("prints a table for people, undefined figures with their reason below", async () => {
    const file = await surveyFile();
    const result = await run("agreement", file, "--coders", "Anna,Ben", "--resamples", "0");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Anna vs Ben");
    expect(result.stdout).toContain("All codes (pooled)");
    expect(result.stdout).toMatch(
      /Safety > Risk\s+6\s+2\s+1\s+0\s+3\s+83%\s+0\.667\s+0\.686\s+0\.667/,
    );
    expect(result.stdout).toMatch(/— undefined:\n\s+.+Unclear/);
    const segments = await run("agreement", file, "--coders", "Anna,Ben", "--level", "segment");
    expect(segments.stdout).toMatch(/Funding\s+4\s+0\s+0%/);
  });

  it("refuses bad flags with one line", async () => {
    const file = await surveyFile();
    const cases: [string[], number, RegExp][] = [
      [[file], 2, /name the coders to compare/],
      [[file, "--coders", "Anna"], 2, /two or more names/],
      [
        [file, "--coders", "Anna,Zed"],
        1,
        /no coder "Zed" in survey\.cairn; coders: Anna, Ben, Cara/,
      ],
      [[file, "--coders", "Anna,anna"], 1, /already listed/],
      [[file, "--coders", "Anna,Ben", "--level", "pairs"], 2, /--level is answer or segment/],
      [
        [file, "--coders", "Anna,Ben", "--threshold", "1.5"],
        2,
        /--threshold should be between 0 and 1/,
      ],
      [
        [file, "--coders", "Anna,Ben", "--resamples", "many"],
        2,
        /--resamples should be a whole number/,
      ],
      [[file, "--coders", "Anna,Ben", "--question", "Q9"], 1, /question "Q9" not found/],
      [[file, "--coders", "Anna,Ben", "--colour"], 2, /Unknown option '--colour'/],
      [[join(tempDir(), "missing.cairn"), "--coders", "Anna,Ben"], 1, /missing\.cairn/],
    ];
    for (const [args, status, message] of cases) {
      const result = await run("agreement", ...args);
      expect({ args, status: result.status }).toEqual({ args, status });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
