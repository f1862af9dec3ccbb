import { describe, expect, it } from "vitest";
import type { AgreementReport, SegmentAgreementRow } from "../../shared/api/agreement-api.ts";
import { useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { agreementSurvey, type AgreementSurvey } from "./agreement-survey.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

/** R1's answer to Q2 is 200 characters long; nobody else answers Q2. */
const LONG = `${Array(40).fill("abcd").join(" ")}.`;

/**
 * The MAXQDA manual's rule on a constructed case (../shared/agreement/examples.json,
 * maxqda_seg_pct_t90): on one 200-character answer
 *   Anna  X [0,50)  Y [60,100)  X [120,160)
 *   Ben   X [0,48)  Y [70,100)  X [170,190)
 */
async function maxqdaCase(): Promise<AgreementSurvey> {
  const survey = await agreementSurvey(tempDir(), openCore, (_, i) => (i === 0 ? LONG : "n/a"));
  const spans: [string, string, number, number][] = [
    ["Anna", "X", 0, 50],
    ["Anna", "Y", 60, 100],
    ["Anna", "X", 120, 160],
    ["Ben", "X", 0, 48],
    ["Ben", "Y", 70, 100],
    ["Ben", "X", 170, 190],
  ];
  for (const [coder, code, start, end] of spans) {
    await survey.call("coding.apply", {
      answerId: survey.answer("R1", "Q2"),
      code: { path: [code] },
      coder,
      start,
      end,
    });
  }
  await survey.done("Anna", "Q2");
  await survey.done("Ben", "Q2");
  return survey;
}

async function segments(survey: AgreementSurvey, threshold?: number) {
  const r = await survey.call<AgreementReport>("agreement.get", {
    coderIds: [survey.coder("Anna"), survey.coder("Ben")],
    questionIds: [survey.question("Q2")],
    resamples: 0,
    ...(threshold === undefined ? {} : { threshold }),
  });
  const level = r.segmentLevel!;
  const v = (x: { value: number | null }) => (x.value === null ? null : Number(x.value.toFixed(6)));
  const figures = (x: Omit<SegmentAgreementRow, "codeId" | "parentId" | "path">) => [
    x.aSegments,
    x.bSegments,
    x.segments,
    x.agreements,
    v(x.percent),
    v(x.brennanPrediger),
  ];
  return {
    report: r,
    codes: level.codes,
    rows: level.rows.map((row) => [row.path.join(">"), ...figures(row)]),
    pooled: figures(level.pooled),
  };
}

describe("segment-level agreement (MAXQDA's rule)", () => {
  it("agrees on 2 of 6 segments at the default 90% overlap", async () => {
    const survey = await maxqdaCase();
    const { report, codes, rows, pooled } = await segments(survey);
    expect(report.threshold).toBe(0.9);
    expect(codes).toBe(2);
    // X: Anna's [0,50) and Ben's [0,48) overlap 48/50 = 0.96: both agree; [120,160) and
    // [170,190) find no partner. Y: 30/40 = 0.75 < 0.9. B&P with k = 2: (p - 1/2)/(1/2).
    expect(rows).toEqual([
      ["X", 2, 2, 4, 2, 0.5, 0],
      ["Y", 1, 1, 2, 0, 0, -1],
    ]);
    expect(pooled).toEqual([3, 3, 6, 2, 0.333333, -0.333333]);
  });

  it("agrees on 4 of 6 when the threshold drops to 70%, and counts 75% as reached at 75%", async () => {
    const survey = await maxqdaCase();
    const at70 = await segments(survey, 0.7);
    expect(at70.rows[1]).toEqual(["Y", 1, 1, 2, 2, 1, 1]);
    expect(at70.pooled).toEqual([3, 3, 6, 4, 0.666667, 0.333333]);
    expect((await segments(survey, 0.75)).pooled[3]).toBe(4);
    expect((await segments(survey, 0.76)).pooled[3]).toBe(2);
  });

  it("counts only the answers both coders have seen", async () => {
    const survey = await maxqdaCase();
    await survey.call("coding.markDone", {
      coder: "Ben",
      questionId: survey.question("Q2"),
      done: false,
    });
    const { report, pooled } = await segments(survey);
    expect([report.answers, report.answersNotSeen]).toEqual([0, 1]);
    expect(pooled.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(report.segmentLevel!.pooled.percent.value).toBeNull();
    expect(report.segmentLevel!.pooled.percent.reason).not.toBeNull();
  });
});
