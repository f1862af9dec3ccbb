/**
 * Agreement on a project whose codebook is empty: the coders have seen the answers, so
 * the pooled figures must say the codebook is empty, not that no answers were seen.
 */
import { describe, expect, it } from "vitest";
import type { AgreementReport } from "../../shared/api/agreement-api.ts";
import { useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { agreementSurvey } from "./agreement-survey.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

describe("agreement with no codes in the codebook", () => {
  it("names the empty codebook as the reason at both levels", async () => {
    const survey = await agreementSurvey(tempDir(), openCore);
    await survey.done("Anna", "Q1");
    await survey.done("Ben", "Q1");
    const report = await survey.call<AgreementReport>("agreement.get", {
      coderIds: [survey.coder("Anna"), survey.coder("Ben")],
    });
    expect(report.answers).toBe(10);
    expect(report.answerLevel.rows).toEqual([]);
    const none = { value: null, reason: "the codebook has no codes to compare" };
    const { pooled } = report.answerLevel;
    expect(pooled.units).toBe(0);
    expect(pooled.percent).toEqual(none);
    expect(pooled.cohenKappa).toEqual({ ...none, interval: null });
    expect(pooled.krippendorffAlpha).toEqual({ ...none, interval: null });
    expect(pooled.brennanPrediger).toEqual(none);
    expect(report.segmentLevel?.pooled.percent).toEqual(none);
  });
});
