/**
 * The tally part of the API: the frequency panel's "N out of M" figures per question
 * and across questions, the crosstab by an attribute, and response rates against the
 * population sizes the user gives. Definitions: DESIGN.md, "Definitions the numbers must
 * follow"; decision 0012 says how "all coders" counts.
 */
import { z } from "zod";
import type { AttributeId, CodeId, CoderId, ProjectEdit, QuestionId } from "../domain.ts";
import { answerFilterSchema } from "./answer-filter.ts";
import { codeId, coderId, entry, questionId } from "./schemas.ts";

/** Whose segments, which respondents, which questions a tally counts. */
export const tallyScopeSchema = z
  .object({
    /** One question; absent: every question (each listed, plus the overall figures). */
    questionId: questionId.optional(),
    /** One coder's segments; absent: every coder's, merged (decision 0012). */
    coderId: coderId.optional(),
    /** Only respondents with these attribute values: every denominator follows. */
    attributes: answerFilterSchema.shape.attributes,
  })
  .strict();
export type TallyScope = z.output<typeof tallyScopeSchema>;

/** One node of the code tree with its figures. A category counts its whole subtree. */
export interface TallyCode {
  readonly codeId: CodeId;
  readonly parentId: CodeId | null;
  /** Names from the top of the tree down to this node. */
  readonly path: readonly string[];
  /** Distinct respondents with a segment of the node or below it. */
  readonly nRespondents: number;
  /** Segments of the node or below it. */
  readonly nSegments: number;
  /** nRespondents / answered; null when nobody answered. */
  readonly pctOfAnswered: number | null;
  /** nSegments / segments of the node's siblings and itself; null when 0. */
  readonly pctOfSegments: number | null;
}

export interface QuestionTally {
  readonly questionId: QuestionId;
  readonly label: string;
  readonly text: string;
  /** 1-based, in questionnaire order. */
  readonly position: number;
  /** Respondents in scope whose answer to the question has each status. */
  readonly answered: number;
  readonly empty: number;
  readonly nonResponse: number;
  /** Respondents in scope with no answer row at all for the question. */
  readonly missing: number;
  /** Every node with at least one segment in scope, in tree order. */
  readonly codes: readonly TallyCode[];
}

export interface Tally {
  readonly coderId: CoderId | null;
  /** The coder's name; null for all coders merged. */
  readonly coder: string | null;
  /** The attribute filter as applied (empty: everyone). */
  readonly filter: readonly { readonly name: string; readonly values: readonly string[] }[];
  /** Respondents in the (filtered) project. */
  readonly respondents: number;
  readonly questions: readonly QuestionTally[];
  /**
   * Across the questions in scope, each respondent counted once: `answered` is those who
   * answered at least one of them, the denominator of the overall pctOfAnswered.
   */
  readonly overall: { readonly answered: number; readonly codes: readonly TallyCode[] };
}

/** A code's respondents split by the values of one attribute. */
export interface Crosstab {
  readonly attribute: string;
  readonly coderId: CoderId | null;
  readonly questionId: QuestionId | null;
  /**
   * One column per value, in the attribute's value order; `value` null for respondents
   * without a value. `answered`: respondents of that value who answered the question (any
   * question in scope, for all questions), the column percentages' denominator.
   */
  readonly columns: readonly {
    readonly value: string | null;
    readonly respondents: number;
    readonly answered: number;
  }[];
  /** Every node with at least one segment in scope, in tree order. */
  readonly rows: readonly {
    readonly codeId: CodeId;
    readonly parentId: CodeId | null;
    readonly path: readonly string[];
    /** nRespondents per column, in the columns' order, and in total. */
    readonly cells: readonly number[];
    /** cells[i] / columns[i].answered; null where that is 0. */
    readonly pctOfAnswered: readonly (number | null)[];
    readonly total: number;
  }[];
}

/** Population sizes the user gives, for response rates ("15 of 45 organisations"). */
export interface Populations {
  /** How many could have answered (e.g. 45 member organisations); null: not given. */
  readonly overall: number | null;
  readonly attributes: readonly {
    readonly attributeId: AttributeId;
    readonly name: string;
    /** How many values there could be (e.g. 25 countries); null: not given. */
    readonly values: number | null;
    /** Per value, how many could have answered (e.g. 20 NGOs). */
    readonly byValue: readonly { readonly value: string; readonly size: number }[];
  }[];
}

const populationSize = z.number().int().min(1).max(1_000_000_000).nullable();

export const populationsSchema = z
  .object({
    overall: populationSize,
    attributes: z
      .array(
        z
          .object({
            name: z.string().min(1),
            values: populationSize,
            byValue: z
              .array(z.object({ value: z.string(), size: z.number().int().min(1) }).strict())
              .max(10_000),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

export interface ResponseRateRow {
  /** Respondents in the project (of that value). */
  readonly respondents: number;
  /** Those who answered (the question, or at least one question). */
  readonly answered: number;
  readonly population: number | null;
  /** answered / population; null without a population. */
  readonly rate: number | null;
}

/** Who answered, against the population sizes given. */
export interface ResponseRate {
  readonly questionId: QuestionId | null;
  readonly overall: ResponseRateRow;
  readonly attributes: readonly {
    readonly name: string;
    /** Distinct values among those who answered, of how many there could be. */
    readonly valuesAnswered: number;
    readonly valuesPopulation: number | null;
    readonly valuesRate: number | null;
    readonly values: readonly (ResponseRateRow & { readonly value: string | null })[];
  }[];
}

export const tallyApi = {
  /** The frequency panel's figures for one question or all of them. */
  "tally.get": entry<Tally>()(tallyScopeSchema),
  /** A code's respondents split by the values of one attribute. */
  "tally.crosstab": entry<Crosstab>()(
    tallyScopeSchema.extend({ attribute: z.string().min(1), codeId: codeId.optional() }).strict(),
  ),
  "tally.responseRate": entry<ResponseRate>()(
    z.object({ questionId: questionId.optional() }).strict(),
  ),
  "populations.get": entry<Populations>()(z.object({}).strict()),
  /** Replaces every population size at once: one undoable step. */
  "populations.set": entry<ProjectEdit & { populations: Populations }>()(populationsSchema),
} as const;
