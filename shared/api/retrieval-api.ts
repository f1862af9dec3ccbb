/**
 * The retrieval part of the API: every passage coded with a code (or a category), for
 * quotes in the report, and the code x code co-occurrence table.
 */
import { z } from "zod";
import type { AnswerId, CodeId, CoderId, QuestionId, RespondentId, SegmentId } from "../domain.ts";
import { answerFilterSchema } from "./answer-filter.ts";
import { codeId, coderId, entry, questionId } from "./schemas.ts";

/** A coded passage with everything a quote's attribution may need. */
export interface Passage {
  readonly segmentId: SegmentId;
  readonly answerId: AnswerId;
  readonly respondentId: RespondentId;
  readonly respondent: string;
  /** The respondent's attribute values by attribute name. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly questionId: QuestionId;
  readonly question: string;
  readonly questionPosition: number;
  readonly codeId: CodeId;
  readonly codePath: readonly string[];
  readonly coderId: CoderId;
  readonly coder: string;
  /** UTF-16 offsets into the answer, end exclusive, and the passage's text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly memo: string;
}

export interface PassagePage {
  readonly total: number;
  readonly rows: readonly Passage[];
}

export const PASSAGE_SORTS = ["question", "respondent"] as const;

export interface CooccurrenceTable {
  /** Every code of the tree in tree order (categories count their subtree). */
  readonly codes: readonly { readonly codeId: CodeId; readonly path: readonly string[] }[];
  /**
   * cells[i][j]: respondents whose answers carry both codes i and j (in one answer to
   * the question; anywhere, for all questions). cells[i][i]: respondents with code i.
   */
  readonly cells: readonly (readonly number[])[];
}

export const retrievalApi = {
  /**
   * The passages coded with a code or anything below it, filtered by question, coder
   * and attribute values; `withCode` keeps those in answers (in respondents, without a
   * question) that also carry that code: a co-occurrence cell's passages.
   */
  "passages.list": entry<PassagePage>()(
    z
      .object({
        codeId,
        withCode: codeId.optional(),
        questionId: questionId.optional(),
        coderId: coderId.optional(),
        attributes: answerFilterSchema.shape.attributes,
        sort: z.enum(PASSAGE_SORTS).default("question"),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
  ),
  "cooccurrence.table": entry<CooccurrenceTable>()(
    z.object({ questionId: questionId.optional(), coderId: coderId.optional() }).strict(),
  ),
} as const;
