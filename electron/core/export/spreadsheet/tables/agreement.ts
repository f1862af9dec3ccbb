/**
 * The Agreement sheet: the agreement report in the agreement tab's own layout
 * (agreement/report-xlsx.ts), for the coders asked for, else the two of the latest
 * review (over its questions, at its threshold), else the first two coders who are no
 * review's consensus. It is "computed" when those coders have both marked at least one
 * answered answer done: only then does the default sheet list include it. When the two
 * have a review, the figures recorded when it started follow on a sheet of their own.
 */
import type { ExportedSheet } from "../../../../../shared/api/export-api.ts";
import {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  DEFAULT_THRESHOLD,
  type AgreementReport,
  type AgreementScope,
} from "../../../../../shared/api/agreement-api.ts";
import { CairnError } from "../../../../../shared/api/errors.ts";
import type { CoderId, QuestionId } from "../../../../../shared/domain.ts";
import { agreementReport } from "../../../agreement/agreement-service.ts";
import { addAgreementSheet, BEFORE_REVIEW_TITLE } from "../../../agreement/report-xlsx.ts";
import { coderNames, consensusCoderIds, latestAnyReview } from "../../../db/export-reads.ts";
import type { Db } from "../../../db/project-file.ts";
import { latestReviewBefore } from "../../../db/reviews.ts";
import { seenAnswers } from "../../../db/seen-answers.ts";
import type { XlsxBook } from "../xlsx-sink.ts";

/** The agreement scope the sheet would show, or why there is none (one sentence). */
export function agreementScope(
  db: Db,
  coderIds: readonly CoderId[] | undefined,
): AgreementScope | string {
  const names = coderNames(db);
  let scope: AgreementScope;
  if (coderIds) {
    const unknown = coderIds.find((id) => !names.has(id));
    if (unknown !== undefined) return `coder ${unknown} is not in this project`;
    if (new Set(coderIds).size !== coderIds.length) return "choose each coder once";
    scope = defaults([...coderIds]);
  } else {
    const review = latestAnyReview(db);
    if (review) {
      scope = {
        ...defaults([review.coderA, review.coderB]),
        questionIds: review.questionIds as QuestionId[],
        threshold: review.threshold,
      };
    } else {
      const consensus = consensusCoderIds(db);
      const coders = [...names.keys()].filter((id) => !consensus.has(id)).slice(0, 2);
      if (coders.length < 2) return "agreement needs two coders and this project has fewer";
      scope = defaults(coders as CoderId[]);
    }
  }
  if (seenAnswers(db, scope.coderIds, scope.questionIds).ids.length === 0) {
    const who = scope.coderIds.map((id) => names.get(id)).join(" and ");
    return `there is no answer that ${who} have both marked done, so there is no agreement to report`;
  }
  return scope;
}

function defaults(coderIds: CoderId[]): AgreementScope {
  return {
    coderIds,
    threshold: DEFAULT_THRESHOLD,
    resamples: DEFAULT_RESAMPLES,
    seed: DEFAULT_SEED,
  };
}

export const BEFORE_REVIEW_SHEET = "Agreement before review";

/** The tables' rows: each level's codes and its pooled row. */
function reportRows(report: AgreementReport): number {
  return (
    report.answerLevel.rows.length +
    1 +
    (report.segmentLevel ? report.segmentLevel.rows.length + 1 : 0)
  );
}

/**
 * Writes the sheet and, when these two coders have a review, a second sheet with the
 * figures recorded when it started (as the agreement tab's own export does); refuses
 * (bad_input) when there is no agreement to report.
 */
export function writeAgreementSheets(
  book: XlsxBook,
  db: Db,
  scope: AgreementScope | string,
  now: string,
): ExportedSheet[] {
  if (typeof scope === "string") {
    throw new CairnError("bad_input", `cannot write the agreement sheet: ${scope}`);
  }
  const report = agreementReport(db, scope, now);
  addAgreementSheet(book.workbook, "Agreement", "Inter-coder agreement", report).commit();
  const sheets: ExportedSheet[] = [{ name: "Agreement", rows: reportRows(report) }];
  const before = latestReviewBefore(db, scope.coderIds);
  if (before) {
    addAgreementSheet(book.workbook, BEFORE_REVIEW_SHEET, BEFORE_REVIEW_TITLE, before).commit();
    sheets.push({ name: BEFORE_REVIEW_SHEET, rows: reportRows(before) });
  }
  return sheets;
}
