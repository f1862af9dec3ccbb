/**
 * The building blocks of the API contract: the schemas of ids, names, paths and texts
 * that several entries share, so each part of the contract (coding, codebook, search,
 * retrieval) validates them the same way.
 */
import { z } from "zod";
import type { AnswerId, CodeId, CoderId, QuestionId, RespondentId, SegmentId } from "../domain.ts";

/** Declares an entry: the result type is phantom, the input schema is real. */
export function entry<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({
    input,
    output: undefined as unknown as Output,
  });
}

export const nothing = z.object({}).strict();
/**
 * A full path: the core never guesses what a relative path is relative to (the server's
 * working folder is not the user's).
 */
export const filePath = z
  .string()
  .trim()
  .min(1, "a file path is required")
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, "use a full path (starting with / or a drive letter)");
export const questionId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as QuestionId);
export const respondentId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as RespondentId);
export const answerId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as AnswerId);
export const codeId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as CodeId);
export const coderId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as CoderId);
export const segmentId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as SegmentId);
/** A coder as the user typed the name; "Anna  Smith" and "anna smith" are one coder. */
export const coderName = z.string().trim().min(1, "choose who is coding").max(200);
/** Half of an emoji without its other half: text cut in the wrong place. */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters that show nothing: a name made only of them would be an invisible code. */
export const INVISIBLE = /[\s\u200b-\u200f\u2060\ufeff\u00ad]/gu;
export const wellFormed = (text: string) => !LONE_SURROGATE.test(text);

/** A code's name: one level of a path, so it cannot hold the '>' that separates levels. */
export const codeName = z
  .string()
  // Tabs, line breaks and runs of spaces become one space, as in coder names.
  .transform((name) => name.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "a code needs a name")
      .max(200, "a code name is at most 200 characters")
      .refine((name) => name.replace(INVISIBLE, "") !== "", "a code needs a visible name")
      .refine(wellFormed, "the code name holds half a character; type it again")
      .refine(
        (name) => !name.includes(">"),
        "'>' separates levels in a code path; use another character",
      ),
  );
export const codePath = z.array(codeName).min(1).max(20);
/** A code by id, or by path; a path that does not exist yet is created. */
export const codeRef = z.union([
  z.object({ id: codeId }).strict(),
  z.object({ path: codePath }).strict(),
]);
/** A UTF-16 offset into the answer's text; the core checks it against the text. */
export const offset = z.number().int().min(0);
export const memoText = z
  .string()
  .max(100_000, "a memo is at most 100,000 characters")
  .refine(wellFormed, "the memo holds half a character; type it again");
