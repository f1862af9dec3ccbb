/**
 * What an import reads (the source) and what each of its columns becomes (the
 * mapping). The wizard, the CLI flags and the API all produce these same objects, so
 * the three cannot drift apart; the schemas validate them where they cross a boundary.
 */
import { z } from "zod";
import { TEXT_ENCODINGS } from "./encoding.ts";

const absolutePath = z
  .string()
  .trim()
  .min(1, "a file path is required")
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, "use a full path (starting with / or a drive letter)");

export const SOURCE_KINDS = ["csv", "xlsx", "docx"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const importSourceSchema = z
  .object({
    /** One file, several files of the same kind, or a folder of .docx questionnaires. */
    paths: z.array(absolutePath).min(1, "choose at least one file").max(10_000),
    /** Text files: the encoding; guessed when left out. */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    /** Text files: the delimiter; sniffed (comma, semicolon, tab) when left out. */
    delimiter: z.enum([",", ";", "\t", "|"]).optional(),
    /** Workbooks: the sheet's name or 1-based number; the first sheet when left out. */
    sheet: z.string().trim().min(1).optional(),
    /** Workbooks: the 1-based row that holds the column names. */
    headerRow: z.number().int().min(1).max(1000).optional(),
    /** Word questionnaires: the field (e.g. "Respondent ID") that names the respondent. */
    idField: z.string().trim().min(1).optional(),
  })
  .strict();
export type ImportSource = z.infer<typeof importSourceSchema>;

const columnName = z.string().min(1);

export const importMappingSchema = z
  .object({
    /** The column that identifies respondents; null numbers the rows 1, 2, 3... */
    idColumn: columnName.nullable(),
    /** Columns kept as respondent attributes (country, organisation type...). */
    attributeColumns: z.array(columnName),
    /** Open questions: the column, its label in Cairn (unique) and its full text. */
    questions: z.array(
      z
        .object({
          column: columnName,
          label: z.string().trim().min(1, "a question needs a label").max(200),
          text: z.string().max(10_000),
        })
        .strict(),
    ),
    /** Columns of code names given to a whole answer, for one question and one coder. */
    codeColumns: z.array(
      z
        .object({
          column: columnName,
          /** The label of the question (in `questions`) whose answers the codes apply to. */
          question: z.string().trim().min(1),
          coder: z.string().trim().min(1, "code columns need a coder's name").max(200),
        })
        .strict(),
    ),
    /**
     * One row per answer rather than one per respondent (a "long" export): this column
     * names the question (its values become question labels) and `answerColumn` holds
     * the answer. Rows of one respondent are gathered by id. `questions` is then empty,
     * and code columns code the row's answer (their `question` is `answerColumn`).
     */
    long: z
      .object({ questionColumn: columnName, answerColumn: columnName })
      .strict()
      .nullable()
      .default(null),
    /** Between codes in one cell. */
    codeDelimiter: z.string().max(10).default(";"),
    /** Between levels of a code path. */
    codeSeparator: z.string().min(1).max(10).default(">"),
    /** Cells that mean "no answer"; compared without case, spacing or trailing dots. */
    nonResponses: z.array(z.string().max(200)).max(1000),
  })
  .strict();
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

export const CONFLICT_POLICIES = ["fail", "keep", "replace"] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

/** A difference between the project and the file that the user has to settle. */
export type ImportConflict =
  | {
      readonly kind: "answer";
      /** Identifies the conflict in a decision. */
      readonly key: string;
      readonly respondent: string;
      readonly question: string;
      readonly existing: string;
      readonly incoming: string;
      /** Coded passages in the existing answer that replacing it would drop. */
      readonly segments: number;
      readonly line: number;
    }
  | {
      readonly kind: "attribute";
      readonly key: string;
      readonly respondent: string;
      readonly attribute: string;
      readonly existing: string;
      readonly incoming: string;
      readonly line: number;
    };

export const conflictDecisionSchema = z
  .object({ key: z.string().min(1), choice: z.enum(["keep", "replace"]) })
  .strict();
export type ConflictDecision = z.infer<typeof conflictDecisionSchema>;

export function answerConflictKey(respondent: string, question: string): string {
  return `answer\u0000${respondent}\u0000${question}`;
}

export function attributeConflictKey(respondent: string, attribute: string): string {
  return `attribute\u0000${respondent}\u0000${attribute}`;
}

/** What an import did (or, when `applied` is false, would have done). */
export interface ImportReport {
  readonly applied: boolean;
  readonly respondents_added: number;
  readonly respondents_matched: number;
  readonly questions_added: number;
  readonly answers_added: number;
  readonly answers_unchanged: number;
  readonly answers_replaced: number;
  /**
   * Differences from the project: those left to the user first, then those settled by a
   * decision or the policy; at most 500 (the counts below are exact).
   */
  readonly conflicts: readonly ImportConflict[];
  readonly conflicts_total: number;
  /** Conflicts no decision or policy settled: when above 0, nothing was written. */
  readonly conflicts_unsettled: number;
  readonly codes_created: number;
  readonly segments_added: number;
  readonly segments_removed: number;
  /** Non-responses among the answers added or replaced. */
  readonly non_responses: number;
  readonly warnings: readonly string[];
}
