import { describe, expect, it } from "vitest";
import type { ReviewState } from "../../shared/api/agreement-api.ts";
import type { CoderId, QuestionId } from "../../shared/domain.ts";
import { answerColumns } from "../../renderer/src/agreement/columns.ts";
import { answerRows } from "../../renderer/src/agreement/rows.ts";
import {
  beforeSentence,
  localDateText,
  reviewCoverage,
  reviewLine,
} from "../../renderer/src/agreement/before.ts";
import { agreementTsv } from "../../renderer/src/agreement/tsv.ts";
import { REPORT, TREE } from "./agreement-rows.fixture.ts";

const Q1 = 1 as QuestionId;
const Q2 = 2 as QuestionId;
const TEXTS = new Map<number, string>([[2, "Risk and safety"]]);

/** A review of Aoife and Ben over Q2, started on 1 December 2026 at 09:00 UTC. */
const REVIEW: ReviewState = {
  reviewId: 1,
  coders: [REPORT.coders[0]!, REPORT.coders[1]!],
  consensus: { id: 3 as CoderId, name: "consensus" },
  questions: [{ id: Q2, label: "Q2" }],
  threshold: 0.9,
  startedAt: "2026-12-01T09:00:00.000Z",
  total: 6,
  decided: 4,
  agreed: 2,
  next: 2,
  before: REPORT,
};

describe("the figures recorded when the review started", () => {
  it("dates the start plainly, in the reader's locale and time zone", () => {
    expect(localDateText(REVIEW.startedAt, "en-GB", "UTC")).toBe("1 Dec 2026, 09:00");
    expect(localDateText(REVIEW.startedAt, "en-GB", "Europe/Dublin")).toBe("1 Dec 2026, 09:00");
    expect(localDateText(REVIEW.startedAt, "en-GB", "Europe/Berlin")).toBe("1 Dec 2026, 10:00");
  });

  it("says when the review started, into which coder, and how far it is", () => {
    expect(reviewLine(REVIEW, "1 Dec 2026, 09:00", null)).toBe(
      "Review started 1 Dec 2026, 09:00 into “consensus”: 4 of 6 disagreements decided",
    );
  });

  it("says when the review covers fewer or other questions than those chosen", () => {
    expect(reviewCoverage(REVIEW, [Q2])).toBeNull();
    expect(reviewCoverage(REVIEW, [Q1, Q2])).toBe("the review covers Q2 only");
    expect(reviewCoverage(REVIEW, [Q1])).toBe("the review covers Q2");
    expect(reviewLine(REVIEW, "1 Dec 2026, 09:00", "the review covers Q2 only")).toBe(
      "Review started 1 Dec 2026, 09:00 into “consensus”: 4 of 6 disagreements decided " +
        "(the review covers Q2 only)",
    );
  });

  it("puts the moment of recording and the threshold in the sentence above the table", () => {
    expect(beforeSentence(REPORT, TEXTS, false, "1 Dec 2026, 09:00")).toBe(
      "Figures recorded when the review started 1 Dec 2026, 09:00: Aoife and Ben over 3 " +
        "answers both marked done, in Q2 · Risk and safety (2 answers not yet seen by both); " +
        "threshold 90%",
    );
  });

  it("says in the copied table's header that the figures are from before the review", () => {
    const copy = {
      report: REPORT,
      level: "answer" as const,
      sentence: "Figures recorded …",
      questions: "Q2 Risk and safety",
      rows: answerRows(REPORT, TREE),
      columns: answerColumns(REPORT.coders),
    };
    const before = agreementTsv({
      ...copy,
      beforeReview: { startedAt: REVIEW.startedAt, consensus: "consensus", coverage: null },
    }).split("\n");
    expect(before.slice(0, 3)).toEqual([
      "Inter-coder agreement\tAnswer level",
      "Figures before review, recorded 2026-12-01 09:00 UTC when the review into “consensus” started",
      "Coders\tAoife, Ben",
    ]);
    const partial = agreementTsv({
      ...copy,
      beforeReview: {
        startedAt: REVIEW.startedAt,
        consensus: "consensus",
        coverage: "the review covers Q2 only",
      },
    });
    expect(partial.split("\n")[1]).toBe(
      "Figures before review, recorded 2026-12-01 09:00 UTC when the review into “consensus” " +
        "started; the review covers Q2 only",
    );
    // The figures of now say nothing of a review.
    expect(agreementTsv(copy).split("\n")[1]).toBe("Coders\tAoife, Ben");
  });
});
