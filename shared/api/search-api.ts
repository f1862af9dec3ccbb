/**
 * The search part of the API: full-text search over every answer (phrases, prefixes,
 * AND/OR/NOT, accents and case ignored; or a regular expression), and auto-coding what
 * a search finds.
 */
import { z } from "zod";
import type { AnswerId, CodeId, ProjectEdit, QuestionId, RespondentId } from "../domain.ts";
import { codeRef, coderName, entry, questionId } from "./schemas.ts";

/**
 * What to search for. Without `regex`: words, "exact phrases", prefix*, AND (implied
 * between words), OR, NOT and parentheses, matched whatever the case and accents. With
 * `regex`: a JavaScript regular expression, case-insensitive unless `caseSensitive`.
 */
export const searchQuerySchema = z
  .object({
    query: z.string().trim().min(1, "type something to search for").max(1000),
    regex: z.boolean().default(false),
    caseSensitive: z.boolean().default(false),
    /** Only this question's answers. */
    questionId: questionId.optional(),
  })
  .strict();

/** One place where the query matched, with the words around it (keyword in context). */
export interface SearchHit {
  readonly answerId: AnswerId;
  readonly respondentId: RespondentId;
  /** The respondent's id in the survey. */
  readonly respondent: string;
  readonly questionId: QuestionId;
  readonly question: string;
  readonly questionPosition: number;
  /** UTF-16 offsets of the match in the answer's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Text before the match, the match, and text after, cut at word boundaries. */
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

export interface SearchResult {
  /** Answers with at least one hit, and hits in all, over the whole project. */
  readonly answers: number;
  readonly hits: number;
  /** Hits from `offset`, in questionnaire then respondent order. */
  readonly rows: readonly SearchHit[];
}

export const AUTOCODE_SCOPES = ["hit", "sentence", "answer"] as const;
export type AutocodeScope = (typeof AUTOCODE_SCOPES)[number];

/** One hit of an auto-code preview and the passage that would be coded for it. */
export interface AutocodePassage {
  /** Names the hit across preview and apply: `${answerId}:${start}`. */
  readonly key: string;
  readonly hit: SearchHit;
  /** The passage: the hit, its sentence, or the whole answer. UTF-16, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The coder already has this code on the whole passage: applying changes nothing. */
  readonly alreadyCoded: boolean;
}

export interface AutocodePreview {
  readonly passages: readonly AutocodePassage[];
  /** Hits past the preview's limit are not listed (and not applied). */
  readonly truncated: boolean;
}

/** The most hits one auto-code previews and applies. */
export const MAX_AUTOCODE = 50_000;

const autocodeRequest = searchQuerySchema.extend({
  scope: z.enum(AUTOCODE_SCOPES).default("hit"),
});

export const searchApi = {
  "search.run": entry<SearchResult>()(
    searchQuerySchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  /** Every hit and the passage that auto-coding would code for it (for `code`, `coder`). */
  "autocode.preview": entry<AutocodePreview>()(
    autocodeRequest.extend({ code: codeRef.optional(), coder: coderName.optional() }),
  ),
  /**
   * Codes the passages of every hit but the `skip`ped ones (their keys) with `code` for
   * `coder`: the same passages the preview showed. One undoable step.
   */
  "autocode.apply": entry<ProjectEdit & { coded: number; codeId: CodeId }>()(
    autocodeRequest.extend({
      code: codeRef,
      coder: coderName,
      skip: z.array(z.string().max(40)).max(MAX_AUTOCODE).default([]),
    }),
  ),
} as const;
