/**
 * Which answers a list shows and in what order: the grid's filters and sorts, also used
 * by the passages list. Filtering and sorting run in SQL in the core.
 */
import { z } from "zod";
import { ANSWER_STATUSES } from "../domain.ts";
import { codeId, coderId } from "./schemas.ts";

/** What the grid shows: which answers, in what order. Filtering and sorting run in SQL. */
export const answerFilterSchema = z
  .object({
    /** Only answers with these statuses (hide non-responses and blanks). */
    statuses: z.array(z.enum(ANSWER_STATUSES)).min(1).optional(),
    /** Only respondents whose attribute has one of the values; several attributes: all. */
    attributes: z
      .array(
        z
          .object({ name: z.string().min(1), values: z.array(z.string()).min(1).max(10_000) })
          .strict(),
      )
      .max(50)
      .optional(),
    /**
     * Answers that have (present) or lack a code, a category counting its whole subtree;
     * without a code id: any code at all ("has no code" = not yet coded). Optionally one
     * coder's segments only.
     */
    coded: z
      .object({ codeId: codeId.optional(), present: z.boolean(), coderId: coderId.optional() })
      .strict()
      .optional(),
    /** Case-insensitive text the answer contains. */
    text: z.string().max(500).optional(),
  })
  .strict();
export const ANSWER_SORTS = ["respondent", "attribute", "length", "status", "codes"] as const;
export const answerSortSchema = z
  .object({
    by: z.enum(ANSWER_SORTS),
    /** The attribute's name, when sorting by attribute. */
    attribute: z.string().min(1).optional(),
    descending: z.boolean().default(false),
  })
  .strict()
  .refine((sort) => sort.by !== "attribute" || sort.attribute !== undefined, {
    message: "name the attribute to sort by",
  });
