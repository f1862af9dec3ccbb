import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type {
  AgreementReport,
  AnswerAgreementRow,
  PooledAnswerAgreement,
} from "../../shared/api/agreement-api.ts";
import { seenAnswerIds } from "../../electron/core/db/seen-answers.ts";
import { useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { agreementSurvey, RESPONDENTS, type AgreementSurvey } from "./agreement-survey.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

const R = (...numbers: number[]) => numbers.map((n) => `R${n}`);

/**
 * Anna and Ben code Q1's ten answers (whole answers) and mark Q1 done:
 *   Safety>Lighting  Anna R1-R5        Ben R1-R3, R6
 *   Safety>Police    Anna R7, R8       Ben R7
 *   Cost             Anna R9           Ben R9, R10
 *   Unused           created, never applied
 */
async function twoCoders(): Promise<AgreementSurvey> {
  const survey = await agreementSurvey(tempDir(), openCore);
  await survey.code("Anna", "Safety>Lighting", "Q1", R(1, 2, 3, 4, 5));
  await survey.code("Ben", "Safety>Lighting", "Q1", R(1, 2, 3, 6));
  await survey.code("Anna", "Safety>Police", "Q1", R(7, 8));
  await survey.code("Ben", "Safety>Police", "Q1", R(7));
  await survey.code("Anna", "Cost", "Q1", R(9));
  await survey.code("Ben", "Cost", "Q1", R(9, 10));
  await survey.call("codes.create", { path: ["Unused"] });
  await survey.done("Anna", "Q1");
  await survey.done("Ben", "Q1");
  return survey;
}

function report(
  survey: AgreementSurvey,
  coders: readonly string[],
  more: Record<string, unknown> = {},
): Promise<AgreementReport> {
  return survey.call<AgreementReport>("agreement.get", {
    coderIds: coders.map((name) => survey.coder(name)),
    ...more,
  });
}

function row(r: AgreementReport, ...path: string[]): AnswerAgreementRow {
  const found = r.answerLevel.rows.find((x) => x.path.join(">") === path.join(">"));
  if (!found) throw new Error(`test: no row ${path.join(">")}`);
  return found;
}

/** Counts and point values, to 6 decimals. */
function figures(x: PooledAnswerAgreement) {
  const v = (s: { value: number | null }) => (s.value === null ? null : Number(s.value.toFixed(6)));
  return {
    units: x.units,
    counts: [x.both, x.aOnly, x.bOnly, x.neither],
    percent: v(x.percent),
    cohen: v(x.cohenKappa),
    scott: v(x.fleissKappa),
    alpha: v(x.krippendorffAlpha),
    bp: v(x.brennanPrediger),
  };
}

const six = (x: number) => Number(x.toFixed(6));

describe("answer-level agreement between two coders", () => {
  it("matches a hand computation per code, per category and pooled", async () => {
    const survey = await twoCoders();
    const r = await report(survey, ["Anna", "Ben"], {
      questionIds: [survey.question("Q1")],
      resamples: 0,
    });
    expect(r.coders.map((c) => c.name)).toEqual(["Anna", "Ben"]);
    expect(r.questions.map((q) => q.label)).toEqual(["Q1"]);
    expect([r.answers, r.answersNotSeen]).toEqual([10, 0]);
    // Tree order, a category before its codes, paths from the root.
    expect(r.answerLevel.rows.map((x) => [x.path.join(">"), x.category])).toEqual([
      ["Safety", true],
      ["Safety>Lighting", false],
      ["Safety>Police", false],
      ["Cost", false],
      ["Unused", false],
    ]);

    // Lighting: both 3, only Anna 2, only Ben 1, neither 4. p_o = 0.7; Anna 0.5, Ben 0.4
    // present: p_e = 0.5*0.4 + 0.5*0.6 = 0.5, kappa = (0.7 - 0.5) / 0.5 = 0.4. Alpha:
    // n = 20 values, 9 present, 11 absent, 3 disagreeing units: 1 - 19*3/(9*11) = 42/99.
    // Scott: pooled 0.45 present, p_e = 0.505, (0.7 - 0.505)/0.495. B&P 2*0.7 - 1.
    expect(figures(row(r, "Safety", "Lighting"))).toEqual({
      units: 10,
      counts: [3, 2, 1, 4],
      percent: 0.7,
      cohen: 0.4,
      scott: six(0.195 / 0.495),
      alpha: six(42 / 99),
      bp: 0.4,
    });
    // Police: 1, 1, 0, 8. p_o 0.9; p_e = 0.2*0.1 + 0.8*0.9 = 0.74; kappa 0.16/0.26.
    // Alpha: 3 present, 17 absent, 1 disagreement: 1 - 19/51.
    expect(figures(row(r, "Safety", "Police"))).toMatchObject({
      counts: [1, 1, 0, 8],
      cohen: six(0.16 / 0.26),
      alpha: six(32 / 51),
      bp: 0.8,
    });
    // Cost mirrors Police: 1, 0, 1, 8.
    expect(figures(row(r, "Cost"))).toMatchObject({
      counts: [1, 0, 1, 8],
      cohen: six(0.16 / 0.26),
      alpha: six(32 / 51),
    });
    // Safety is present where Lighting or Police is: Anna R1-R5, R7, R8; Ben R1-R3, R6,
    // R7. Both 4, only Anna 3, only Ben 1, neither 2. p_o 0.6; p_e = 0.7*0.5 + 0.3*0.5
    // = 0.5; kappa 0.2. Alpha: 12 present, 8 absent, 4 disagreements: 1 - 19*4/96.
    expect(figures(row(r, "Safety"))).toMatchObject({
      counts: [4, 3, 1, 2],
      percent: 0.6,
      cohen: 0.2,
      alpha: six(20 / 96),
      bp: 0.2,
    });
    // Pooled over the codes as applied (Lighting, Police, Cost, Unused; Safety has no
    // segments of its own): 40 units, 5, 3, 2, 30. kappa = 2(5*30 - 3*2) / ((5+3)(3+30)
    // + (5+2)(2+30)) = 288/488. Alpha: 80 values, 15 present, 65 absent, 5
    // disagreements: 1 - 79*5/(15*65).
    expect(figures(r.answerLevel.pooled)).toMatchObject({
      units: 40,
      counts: [5, 3, 2, 30],
      percent: 0.875,
      cohen: six(288 / 488),
      alpha: six(1 - 395 / 975),
      bp: 0.75,
    });
    expect(r.answerLevel.pooled.allAgree).toBe(35);
  });

  it("shows a code nobody used, with kappa and alpha undefined and the reason", async () => {
    const survey = await twoCoders();
    const r = await report(survey, ["Anna", "Ben"], { resamples: 50 });
    const unused = row(r, "Unused");
    expect(unused.units).toBe(r.answers);
    expect([unused.both, unused.aOnly, unused.bOnly]).toEqual([0, 0, 0]);
    expect(unused.percent.value).toBe(1);
    expect(unused.brennanPrediger.value).toBe(1);
    for (const figure of [unused.cohenKappa, unused.krippendorffAlpha, unused.fleissKappa]) {
      expect(figure.value).toBeNull();
      expect(figure.reason).toBe("neither coder used this code in these answers");
    }
    expect(unused.cohenKappa.interval).toBeNull();
    expect(unused.krippendorffAlpha.interval).toBeNull();
  });

  it("leaves out answers a coder has not seen, and counts them", async () => {
    const survey = await twoCoders();
    // Q2: R1-R3 answered. Anna marks the whole question done; Ben only R1's answer.
    // Their codes on R2 and R3 (which Ben has not seen) do not count.
    await survey.code("Anna", "Cost", "Q2", R(3));
    await survey.code("Ben", "Cost", "Q2", R(2));
    await survey.done("Anna", "Q2");
    await survey.done("Ben", "Q2", R(1));
    const r = await report(survey, ["Anna", "Ben"], { resamples: 0 });
    expect(r.questions.map((q) => q.label)).toEqual(["Q1", "Q2"]);
    expect([r.answers, r.answersNotSeen]).toEqual([11, 2]);
    expect(figures(row(r, "Cost")).counts).toEqual([1, 0, 1, 9]);
    const db = survey.core.session.db();
    const ids = [survey.coder("Anna"), survey.coder("Ben")];
    const seen = seenAnswerIds(db, ids, undefined);
    expect(seen).toEqual(
      [...RESPONDENTS.map((rid) => survey.answer(rid, "Q1")), survey.answer("R1", "Q2")].sort(
        (a, b) => a - b,
      ),
    );
    expect(seenAnswerIds(db, ids, [survey.question("Q2")])).toEqual([survey.answer("R1", "Q2")]);
    // Anna alone has seen all of Q2's answered answers.
    expect(seenAnswerIds(db, [ids[0]!], [survey.question("Q2")])).toHaveLength(3);
  });

  it("gives bootstrap intervals that the seed repeats", async () => {
    const survey = await twoCoders();
    const scope = { questionIds: [survey.question("Q1")], resamples: 400, seed: 7 };
    const first = await report(survey, ["Anna", "Ben"], scope);
    const again = await report(survey, ["Anna", "Ben"], scope);
    const other = await report(survey, ["Anna", "Ben"], { ...scope, seed: 8 });
    const none = await report(survey, ["Anna", "Ben"], { ...scope, resamples: 0 });
    const lighting = row(first, "Safety", "Lighting");
    const interval = lighting.cohenKappa.interval!;
    expect(interval).toMatchObject({ level: 0.95, resamples: 400 });
    expect(interval.low).toBeLessThanOrEqual(0.4);
    expect(interval.high).toBeGreaterThanOrEqual(0.4);
    expect(first.answerLevel.pooled.krippendorffAlpha.interval).not.toBeNull();
    expect(again.answerLevel).toEqual(first.answerLevel);
    expect(other.answerLevel.rows.map((x) => x.cohenKappa.interval)).not.toEqual(
      first.answerLevel.rows.map((x) => x.cohenKappa.interval),
    );
    expect(none.answerLevel.rows.every((x) => x.cohenKappa.interval === null)).toBe(true);
    expect(none.answerLevel.pooled.krippendorffAlpha.interval).toBeNull();
    expect([first.resamples, first.seed]).toEqual([400, 7]);
  });

  it("exports the report to an xlsx file", async () => {
    const survey = await twoCoders();
    const path = join(tempDir(), "agreement.xlsx");
    const scope = { coderIds: [survey.coder("Anna"), survey.coder("Ben")], resamples: 20 };
    expect(await survey.call("agreement.export", { scope, path })).toEqual({ path });
    expect(existsSync(path) && statSync(path).size > 0).toBe(true);
  });

  it("refuses coders and questions the project does not have", async () => {
    const survey = await twoCoders();
    const result = await survey.core.call("agreement.get", {
      coderIds: [survey.coder("Anna"), 999],
    });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    const question = await survey.core.call("agreement.get", {
      coderIds: [survey.coder("Anna"), survey.coder("Ben")],
      questionIds: [999],
    });
    expect(question).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("answer-level agreement among three coders", () => {
  it("gives Fleiss' kappa, alpha, mean pairwise percent and B&P; Cohen and segments say why not", async () => {
    const survey = await twoCoders();
    await survey.code("Cleo", "Safety>Lighting", "Q1", R(1, 2));
    await survey.done("Cleo", "Q1");
    const r = await report(survey, ["Anna", "Ben", "Cleo"], {
      questionIds: [survey.question("Q1")],
      resamples: 200,
    });
    // Lighting, coders present per answer: R1 3, R2 3, R3 2, R4 1, R5 1, R6 1, R7-R10 0.
    // Agreeing pairs per unit (of 3): 3 units all agree, 1/3 otherwise: P-bar = (4 + 2 +
    // 4/3)/10 = 11/15. 11 of 30 ratings present: P_e = (11^2 + 19^2)/30^2 = 241/450;
    // Fleiss = (11/15 - 241/450)/(1 - 241/450) = 89/209. Alpha: o_01 = (3*1*2 + 1*2*1)/2
    // = 4; 1 - 29*4/(11*19) = 93/209.
    const lighting = row(r, "Safety", "Lighting");
    expect([lighting.both, lighting.aOnly, lighting.bOnly, lighting.neither]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(lighting.allAgree).toBe(6);
    expect(six(lighting.percent.value!)).toBe(six(11 / 15));
    expect(six(lighting.fleissKappa.value!)).toBe(six(89 / 209));
    expect(six(lighting.krippendorffAlpha.value!)).toBe(six(93 / 209));
    expect(six(lighting.brennanPrediger.value!)).toBe(six(22 / 15 - 1));
    expect(lighting.krippendorffAlpha.interval).not.toBeNull();
    expect(lighting.cohenKappa).toMatchObject({ value: null, interval: null });
    expect(lighting.cohenKappa.reason).toMatch(/two coders/);
    expect(r.segmentLevel).toBeNull();
    expect(r.segmentLevelReason).toMatch(/two coders/);
  });
});
