/**
 * The agreement part of the API: inter-coder agreement at answer and segment level,
 * the review queue that settles disagreements into a consensus coder, and the blind
 * hand-over of a project copy to a second coder and back. Definitions: DESIGN.md
 * ("Inter-coder agreement"), ../shared/agreement/README.md and decision 0015.
 */
import { z } from "zod";
import type { Estimate, Statistic } from "../agreement/statistic.ts";
import type { AnswerId, CodeId, CoderId, ProjectEdit, QuestionId } from "../domain.ts";
import { answerId, codeId, coderId, coderName, entry, filePath, questionId } from "./schemas.ts";

export const DEFAULT_THRESHOLD = 0.9;
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_CONSENSUS_NAME = "consensus";

/** Whose coding to compare, on which questions, by which rule. */
export const agreementScopeSchema = z
  .object({
    /** Two coders (every statistic) or more (Fleiss' kappa, Krippendorff's alpha). */
    coderIds: z
      .array(coderId)
      .min(2, "choose at least two coders")
      .max(12)
      .refine((ids) => new Set(ids).size === ids.length, "choose each coder once"),
    /** Absent or empty: every question. */
    questionIds: z.array(questionId).max(1000).optional(),
    /** Segment level: the overlap |intersection| / |union| at which two passages agree. */
    threshold: z.number().gt(0).max(1).default(DEFAULT_THRESHOLD),
    /** Bootstrap resamples for the intervals; 0: no intervals. */
    resamples: z.number().int().min(0).max(10_000).default(DEFAULT_RESAMPLES),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(DEFAULT_SEED),
  })
  .strict();
export type AgreementScope = z.output<typeof agreementScopeSchema>;

/**
 * One code (or category: present when any code of its subtree is) at answer level. The
 * units are (answer, code) pairs over the answers every chosen coder has seen.
 */
export interface AnswerAgreementRow {
  readonly codeId: CodeId;
  readonly parentId: CodeId | null;
  readonly path: readonly string[];
  /** The node has sub-codes: its figures are for the whole subtree. */
  readonly category: boolean;
  readonly units: number;
  /** Two coders only (null for more): A and B both present, only A, only B, neither. */
  readonly both: number | null;
  readonly aOnly: number | null;
  readonly bOnly: number | null;
  readonly neither: number | null;
  /** Units on which every coder gives the same value. */
  readonly allAgree: number;
  /** Two coders: share of units with the same value; more: mean pairwise agreement. */
  readonly percent: Statistic;
  /** Two coders only; null with a reason for more. */
  readonly cohenKappa: Estimate;
  /** Scott's pi for two coders, Fleiss' kappa for more. */
  readonly fleissKappa: Statistic;
  readonly krippendorffAlpha: Estimate;
  readonly brennanPrediger: Statistic;
}

/** Pooled over codes: every (answer, code) unit of the codes as applied (decision 0015). */
export type PooledAnswerAgreement = Omit<
  AnswerAgreementRow,
  "codeId" | "parentId" | "path" | "category"
>;

/** One code at segment level (MAXQDA's rule); two coders only. */
export interface SegmentAgreementRow {
  readonly codeId: CodeId;
  readonly parentId: CodeId | null;
  readonly path: readonly string[];
  /** Segments of either coder with this code on the answers compared. */
  readonly segments: number;
  /** Of those, the ones the other coder matched at the threshold. */
  readonly agreements: number;
  readonly aSegments: number;
  readonly bSegments: number;
  readonly percent: Statistic;
  /** Chance 1/k, k = the number of codes in the table. */
  readonly brennanPrediger: Statistic;
}

export interface SegmentAgreement {
  readonly rows: readonly SegmentAgreementRow[];
  readonly pooled: Omit<SegmentAgreementRow, "codeId" | "parentId" | "path">;
  /** k, the codes in the table (Brennan & Prediger's chance 1/k). */
  readonly codes: number;
}

export interface AgreementReport {
  readonly coders: readonly { readonly id: CoderId; readonly name: string }[];
  /** The questions compared, in questionnaire order. */
  readonly questions: readonly {
    readonly id: QuestionId;
    readonly label: string;
    readonly position: number;
  }[];
  /** Answers every chosen coder has seen (marked done, or imported as coded). */
  readonly answers: number;
  /** Answers in those questions some chosen coder has not seen (left out). */
  readonly answersNotSeen: number;
  readonly threshold: number;
  readonly resamples: number;
  readonly seed: number;
  /** ISO time the figures were computed. */
  readonly computedAt: string;
  readonly answerLevel: {
    readonly rows: readonly AnswerAgreementRow[];
    readonly pooled: PooledAnswerAgreement;
  };
  /** Null for more than two coders, with the reason. */
  readonly segmentLevel: SegmentAgreement | null;
  readonly segmentLevelReason: string | null;
}

export const REVIEW_DECISIONS = ["a", "b", "both", "neither", "edit"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const span = z
  .object({ start: z.number().int().min(0), end: z.number().int().positive() })
  .strict()
  .refine((s) => s.end > s.start, "a passage ends after it starts");

/** One disagreement: a code on an answer that the two coders coded differently. */
export interface ReviewItem {
  /** Position in the queue (0-based), stable while the coding does not change. */
  readonly index: number;
  readonly answerId: AnswerId;
  readonly codeId: CodeId;
  readonly path: readonly string[];
  readonly respondent: string;
  readonly questionId: QuestionId;
  readonly question: string;
  readonly text: string;
  /** "answer": only one coder used the code; "segment": both did, on different passages. */
  readonly kind: "answer" | "segment";
  readonly a: readonly { readonly start: number; readonly end: number }[];
  readonly b: readonly { readonly start: number; readonly end: number }[];
  readonly decision: ReviewDecision | null;
  readonly comment: string;
  /** The consensus coder's passages of this code on this answer now. */
  readonly consensus: readonly { readonly start: number; readonly end: number }[];
}

export interface ReviewState {
  readonly reviewId: number;
  readonly coders: readonly [
    { readonly id: CoderId; readonly name: string },
    { readonly id: CoderId; readonly name: string },
  ];
  readonly consensus: { readonly id: CoderId; readonly name: string };
  readonly questions: readonly { readonly id: QuestionId; readonly label: string }[];
  readonly threshold: number;
  readonly startedAt: string;
  /** Disagreements in the queue, and how many are decided. */
  readonly total: number;
  readonly decided: number;
  /** (answer, code) pairs the coders agreed on, copied to the consensus at the start. */
  readonly agreed: number;
  /** Index of the first undecided item; null when all are decided. */
  readonly next: number | null;
  /** The agreement figures when the review started (the report records them). */
  readonly before: AgreementReport;
}

/** What a review of two coders would have, before it starts (nothing is written). */
export interface ReviewPreview {
  /** Answers both coders have seen. */
  readonly answers: number;
  /** Items the review would queue. */
  readonly disagreements: number;
  /** (answer, code) pairs coded alike, which starting copies to the consensus. */
  readonly agreed: number;
}

export interface PreparedCopy {
  readonly path: string;
  readonly coder: string;
  readonly questions: number;
  readonly answers: number;
  readonly codes: number;
}

export interface CoderMergeReport {
  /** The coders whose work came in, as named in the project after the merge. */
  readonly coders: readonly string[];
  readonly answersMatched: number;
  readonly segmentsAdded: number;
  /** Segments the project already had (a second merge of the same file adds none). */
  readonly segmentsAlreadyPresent: number;
  readonly doneMarksAdded: number;
  readonly memosAdded: number;
  /** Codes the file had and the project did not: created, listed by path. */
  readonly codesCreated: readonly (readonly string[])[];
}

export const agreementApi = {
  /** Agreement between the chosen coders at answer and segment level. */
  "agreement.get": entry<AgreementReport>()(agreementScopeSchema),
  /** Writes the agreement report (and the pre-review figures, if any) to an .xlsx file. */
  "agreement.export": entry<{ path: string }>()(
    z.object({ scope: agreementScopeSchema, path: filePath }).strict(),
  ),

  /**
   * Starts (or resumes, when one exists for these coders and questions) the review of
   * two coders' disagreements: agreed coding is copied to the consensus coder in one
   * undoable step, and the figures before review are recorded.
   */
  "review.start": entry<ProjectEdit & { review: ReviewState }>()(
    z
      .object({
        coderIds: z.tuple([coderId, coderId]).refine(([a, b]) => a !== b, "choose two coders"),
        questionIds: z.array(questionId).max(1000).optional(),
        threshold: z.number().gt(0).max(1).default(DEFAULT_THRESHOLD),
        consensus: coderName.default(DEFAULT_CONSENSUS_NAME),
      })
      .strict(),
  ),
  /** The queue a review of two coders would have, counted; writes nothing. */
  "review.preview": entry<ReviewPreview>()(
    z
      .object({
        coderIds: z.tuple([coderId, coderId]).refine(([a, b]) => a !== b, "choose two coders"),
        questionIds: z.array(questionId).max(1000).optional(),
        threshold: z.number().gt(0).max(1).default(DEFAULT_THRESHOLD),
      })
      .strict(),
  ),
  /** The latest review of these two coders (either order), or null. */
  "review.state": entry<ReviewState | null>()(
    z.object({ coderIds: z.tuple([coderId, coderId]) }).strict(),
  ),
  "review.items": entry<readonly ReviewItem[]>()(
    z
      .object({
        reviewId: z.number().int().positive(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
  ),
  /** Settles one disagreement; one undoable step. Deciding again replaces the decision. */
  "review.decide": entry<ProjectEdit & { review: ReviewState; item: ReviewItem }>()(
    z
      .object({
        reviewId: z.number().int().positive(),
        answerId,
        codeId,
        decision: z.enum(REVIEW_DECISIONS),
        /** For "edit": the consensus passages of this code on the answer. */
        passages: z.array(span).max(1000).optional(),
        comment: z.string().max(10_000).default(""),
      })
      .strict()
      .refine(
        (d) => d.decision !== "edit" || (d.passages !== undefined && d.passages.length > 0),
        "an edit gives the passages to keep (or choose keep neither)",
      ),
  ),

  /**
   * Writes a copy of the open project for a second coder: the codebook and the answers
   * (of the chosen questions), without anyone's segments, memos, done marks or names.
   */
  "coders.prepareCopy": entry<PreparedCopy>()(
    z
      .object({
        path: filePath,
        coder: coderName,
        questionIds: z.array(questionId).max(1000).optional(),
      })
      .strict(),
  ),
  /** Brings a coder's file back: their segments, done marks and memos; one undoable step. */
  "coders.merge": entry<ProjectEdit & { report: CoderMergeReport }>()(
    z.object({ path: filePath }).strict(),
  ),
} as const;
