/**
 * The first guess at a mapping, from the header and the first rows: the wizard shows
 * it for the user to correct, and the CLI uses it when no mapping flags are given (and
 * prints it). Open questions are the columns of long, varied text; the respondent id is
 * a column of unique short values, preferably one whose header says so.
 */
import { DEFAULT_NON_RESPONSES, detectAnswerStatus } from "../answers/status.ts";
import type { ImportMapping } from "./mapping.ts";

export interface ColumnProfile {
  readonly column: string;
  readonly nonEmpty: number;
  readonly distinct: number;
  readonly meanLength: number;
  readonly maxLength: number;
  /** Every non-empty value differs from the others. */
  readonly unique: boolean;
}

export function profileColumns(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): ColumnProfile[] {
  return columns.map((column, index) => {
    const values = new Set<string>();
    let nonEmpty = 0;
    let totalLength = 0;
    let maxLength = 0;
    for (const row of rows) {
      const value = (row[index] ?? "").trim();
      if (value === "") continue;
      nonEmpty++;
      totalLength += value.length;
      maxLength = Math.max(maxLength, value.length);
      values.add(value);
    }
    return {
      column,
      nonEmpty,
      distinct: values.size,
      meanLength: nonEmpty ? totalLength / nonEmpty : 0,
      maxLength,
      unique: nonEmpty > 0 && values.size === nonEmpty,
    };
  });
}

/**
 * Headers that name the respondent: "ID", "Respondent", "Case no.", "record_id"... A
 * bare "Response" or "Number" is not one (a column of answers, a count).
 */
const ID_HEADER = new RegExp(
  [
    "^(respondent|participant|interviewee|file)$",
    "^((respondent|participant|response|record|case|submission|user|interview)[\\s_-]*)?(id|identifier)$",
    "^(respondent|participant|response|record|case|submission|user|interview)[\\s_-]*(no\\.?|number|nr\\.?|#)$",
  ].join("|"),
  "i",
);
const CODE_HEADER = /^(codes?|themes?|tags?)[\s_-]*\d*$|\bcodes?$/i;

/** Labels are short names (at most 200 characters); a long header stays the question text. */
export function labelFromHeader(header: string): string {
  if (header.length <= 200) return header;
  const cut = header.slice(0, 199);
  const space = cut.lastIndexOf(" ");
  return `${space > 150 ? cut.slice(0, space) : cut}…`;
}

/** A header that reads like a question ("Anything to add?", "Q3 Why?"). */
const QUESTION_HEADER = /\?\s*$|^q\d+\b/i;

function isOpenQuestion(profile: ColumnProfile, rows: number): boolean {
  if (profile.nonEmpty === 0) return false;
  if (QUESTION_HEADER.test(profile.column.trim()) && profile.maxLength > 3) return true;
  const long = profile.meanLength >= 25 || profile.maxLength >= 80;
  const answered = Math.max(1, profile.nonEmpty);
  const varied = profile.distinct / answered >= 0.5 || profile.distinct >= Math.min(50, rows / 2);
  return long && varied;
}

export interface GuessInput {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Longer question texts a source knows (Word headings); else the column name. */
  readonly questionTexts?: ReadonlyMap<string, string>;
  /** The coder pre-coded columns are for, when already known. */
  readonly coder?: string;
}

export function guessMapping(input: GuessInput): ImportMapping {
  const profiles = profileColumns(input.columns, input.rows);
  const named = (p: ColumnProfile) => ID_HEADER.test(p.column.trim()) && p.column.trim() !== "";
  const structured = input.questionTexts ?? new Map<string, string>();
  // A column whose header says "ID" is the id even with a repeat: the import then names
  // the duplicate, which is better than quietly picking another column.
  // A Word folder's "File" column is the id only when no field names the respondent.
  const namedIds = profiles.filter((p) => named(p) && p.nonEmpty > 0 && p.maxLength <= 100);
  const idProfile =
    namedIds.find((p) => p.unique && p.column !== "File") ??
    namedIds.find((p) => p.column !== "File") ??
    namedIds[0] ??
    profiles.find(
      (p) =>
        p.unique &&
        p.maxLength <= 40 &&
        p.nonEmpty === input.rows.length &&
        !QUESTION_HEADER.test(p.column) &&
        !structured.has(p.column),
    );
  const idColumn = idProfile && input.rows.length > 0 ? idProfile.column : null;

  const codeColumns = profiles.filter(
    (p) => p.column !== idColumn && CODE_HEADER.test(p.column.trim()) && p.meanLength < 80,
  );
  const codeNames = new Set(codeColumns.map((p) => p.column));
  const questions = profiles.filter(
    (p) =>
      p.column !== idColumn &&
      !codeNames.has(p.column) &&
      (structured.has(p.column) || isOpenQuestion(p, input.rows.length)),
  );
  const questionNames = new Set(questions.map((p) => p.column));
  const attributeColumns = profiles
    .filter(
      (p) =>
        p.column !== idColumn &&
        !codeNames.has(p.column) &&
        !questionNames.has(p.column) &&
        p.nonEmpty > 0,
    )
    .map((p) => p.column);

  const long = guessLongLayout(profiles, input, idProfile, codeNames);
  if (long) {
    const { questionColumn, answerColumn } = long;
    const taken = new Set([idColumn, questionColumn, answerColumn, ...codeNames]);
    return {
      idColumn,
      // Only what a respondent's rows agree on describes the respondent.
      attributeColumns: profiles
        .filter((p) => !taken.has(p.column) && p.nonEmpty > 0)
        .filter((p) => constantPerRespondent(input, idColumn, p.column))
        .map((p) => p.column),
      questions: [],
      codeColumns: codeColumns.map((p) => ({
        column: p.column,
        question: answerColumn,
        coder: input.coder ?? "Imported",
      })),
      long,
      codeDelimiter: ";",
      codeSeparator: ">",
      nonResponses: [...DEFAULT_NON_RESPONSES],
    };
  }

  return {
    idColumn,
    attributeColumns,
    questions: questions.map((p) => ({
      column: p.column,
      label: labelFromHeader(p.column),
      text: input.questionTexts?.get(p.column) ?? p.column,
    })),
    codeColumns: codeColumns.flatMap((p) => {
      const question = questionForCodeColumn(p.column, input.columns, questionNames);
      return question ? [{ column: p.column, question, coder: input.coder ?? "Imported" }] : [];
    }),
    long: null,
    codeDelimiter: ";",
    codeSeparator: ">",
    nonResponses: [...DEFAULT_NON_RESPONSES],
  };
}

const QUESTION_NAME_HEADER = /question|item|prompt|variable/i;
const ANSWER_HEADER = /answer|response|comment|text|feedback/i;

/**
 * A "long" export has one row per answer: the id repeats, a column names the question
 * (few distinct values, a header that says so) and one column of long text answers it.
 */
function guessLongLayout(
  profiles: readonly ColumnProfile[],
  input: GuessInput,
  idProfile: ColumnProfile | undefined,
  codeNames: ReadonlySet<string>,
): { questionColumn: string; answerColumn: string } | null {
  if (!idProfile || idProfile.unique || input.questionTexts?.size) return null;
  const names = profiles.filter(
    (p) =>
      p !== idProfile &&
      QUESTION_NAME_HEADER.test(p.column) &&
      p.nonEmpty === input.rows.length &&
      p.distinct > 1 &&
      p.distinct <= 100 &&
      p.distinct <= p.nonEmpty / 2,
  );
  const answers = profiles
    .filter(
      (p) =>
        p !== idProfile &&
        !names.includes(p) &&
        !codeNames.has(p.column) &&
        // Answers in a long export are often short; a header that says so will do.
        ((ANSWER_HEADER.test(p.column) && p.distinct >= p.nonEmpty / 2) ||
          isOpenQuestion(p, input.rows.length)),
    )
    .sort(
      (a, b) =>
        Number(ANSWER_HEADER.test(b.column)) - Number(ANSWER_HEADER.test(a.column)) ||
        b.meanLength - a.meanLength,
    );
  const [name] = names;
  const [answer] = answers;
  return name && answer ? { questionColumn: name.column, answerColumn: answer.column } : null;
}

function constantPerRespondent(input: GuessInput, idColumn: string | null, column: string) {
  const idIndex = idColumn === null ? -1 : input.columns.indexOf(idColumn);
  const index = input.columns.indexOf(column);
  const seen = new Map<string, string>();
  for (const row of input.rows) {
    const id = row[idIndex] ?? "";
    const value = (row[index] ?? "").trim();
    const earlier = seen.get(id);
    if (earlier !== undefined && earlier !== value) return false;
    seen.set(id, value);
  }
  return true;
}

/**
 * The question a code column codes: the only question, one its header names ("Q3
 * codes"), or the nearest question column to its left (sheets put codes beside text).
 */
function questionForCodeColumn(
  column: string,
  columns: readonly string[],
  questions: ReadonlySet<string>,
): string | null {
  if (questions.size === 1) return [...questions][0] ?? null;
  const header = column.toLowerCase();
  const named = [...questions].filter((q) => header.includes(q.toLowerCase()));
  if (named.length === 1) return named[0] ?? null;
  for (let i = columns.indexOf(column) - 1; i >= 0; i--) {
    const candidate = columns[i];
    if (candidate !== undefined && questions.has(candidate)) return candidate;
  }
  return null;
}

/** Values in the sample the placeholder list would mark as non-responses, with counts. */
export function detectedPlaceholders(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  questionColumns: readonly string[],
  placeholders: ReadonlySet<string>,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  const indexes = questionColumns.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  for (const row of rows) {
    for (const index of indexes) {
      const value = (row[index] ?? "").trim();
      if (value && detectAnswerStatus(value, placeholders) === "non_response") {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}
