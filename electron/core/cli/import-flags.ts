/**
 * `cairn import`'s flags turned into what the import service takes: an ImportSource (which
 * files, and how to read them) and an ImportMapping (the wizard's guess with each part the
 * user gave replaced). A flag that cannot apply is a UsageError, never silently ignored.
 */
import { resolve } from "node:path";
import { parseEncoding, TEXT_ENCODINGS } from "../../../shared/import/encoding.ts";
import type { ImportInspection } from "../../../shared/import/inspection.ts";
import type { ImportMapping, ImportSource, SourceKind } from "../../../shared/import/mapping.ts";
import { UsageError, type Parsed } from "./args.ts";
import { labelFromHeader } from "../../../shared/import/guess.ts";

export const IMPORT_OPTIONS = {
  sheet: { type: "string" },
  "header-row": { type: "string" },
  "id-field": { type: "string" },
  "id-column": { type: "string" },
  "attribute-columns": { type: "string" },
  "question-columns": { type: "string" },
  "ignore-columns": { type: "string" },
  "code-columns": { type: "string" },
  "question-name-column": { type: "string" },
  "answer-column": { type: "string" },
  coder: { type: "string" },
  "code-delimiter": { type: "string" },
  "code-separator": { type: "string" },
  encoding: { type: "string" },
  delimiter: { type: "string" },
  "non-response": { type: "string" },
  "on-conflict": { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
} as const;

export type ImportFlags = Parsed<typeof IMPORT_OPTIONS>["values"];

export function sourceFrom(paths: readonly string[], values: ImportFlags): ImportSource {
  const encoding = values.encoding === undefined ? undefined : parseEncoding(values.encoding);
  if (encoding === null) {
    throw new UsageError(
      `cairn import: unknown encoding "${values.encoding}"; use one of ${TEXT_ENCODINGS.join(", ")}`,
    );
  }
  const headerRow = values["header-row"] === undefined ? undefined : Number(values["header-row"]);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new UsageError("cairn import: --header-row must be a row number (1, 2, ...)");
  }
  return {
    paths: paths.map((path) => resolve(path)),
    ...(encoding ? { encoding } : {}),
    ...(values.delimiter !== undefined ? { delimiter: delimiterFrom(values.delimiter) } : {}),
    ...(values.sheet ? { sheet: values.sheet } : {}),
    ...(headerRow ? { headerRow } : {}),
    ...(values["id-field"] ? { idField: values["id-field"] } : {}),
  };
}

/** A flag for another kind of file is a mistake worth saying, not something to ignore. */
export function checkFlagsFitKind(kind: SourceKind, values: ImportFlags): void {
  const only: Record<string, SourceKind> = {
    encoding: "csv",
    delimiter: "csv",
    sheet: "xlsx",
    "header-row": "xlsx",
    "id-field": "docx",
  };
  const names: Record<SourceKind, string> = {
    csv: "CSV/TSV files",
    xlsx: "Excel workbooks",
    docx: "Word questionnaires",
  };
  for (const [flag, fits] of Object.entries(only)) {
    if (values[flag as keyof ImportFlags] !== undefined && fits !== kind) {
      throw new UsageError(`cairn import: --${flag} is for ${names[fits]}, not ${names[kind]}`);
    }
  }
}

function delimiterFrom(value: string): "," | ";" | "\t" | "|" {
  const named: Record<string, "," | ";" | "\t" | "|"> = {
    ",": ",",
    comma: ",",
    ";": ";",
    semicolon: ";",
    "\t": "\t",
    "\\t": "\t",
    tab: "\t",
    "|": "|",
    pipe: "|",
  };
  const delimiter = named[value.toLowerCase()];
  if (!delimiter) {
    throw new UsageError(`cairn import: --delimiter must be one of , ; tab |`);
  }
  return delimiter;
}

const MAPPING_FLAGS = [
  "question-name-column",
  "answer-column",
  "id-column",
  "attribute-columns",
  "question-columns",
  "ignore-columns",
  "code-columns",
] as const;

export function hasMappingFlags(values: ImportFlags): boolean {
  return MAPPING_FLAGS.some((flag) => values[flag] !== undefined);
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The guess, with each part the user gave replaced and their columns taken out of the rest. */
export function mappingFrom(
  inspection: ImportInspection,
  values: ImportFlags,
  coder: string | undefined,
): ImportMapping {
  const guess = inspection.guess;
  const known = new Set(inspection.columns);
  const check = (columns: readonly string[], flag: string) => {
    for (const column of columns) {
      if (!known.has(column)) {
        throw new UsageError(
          `cairn import: --${flag}: ${inspection.name} has no column "${column}"; ` +
            `its columns are ${inspection.columns.map((c) => `"${c}"`).join(", ")}`,
        );
      }
    }
  };
  const ignored = new Set(list(values["ignore-columns"]) ?? []);
  check([...ignored], "ignore-columns");
  const explicitId = values["id-column"]?.trim();
  if (explicitId) check([explicitId], "id-column");
  const explicitAttributes = list(values["attribute-columns"]);
  if (explicitAttributes) check(explicitAttributes, "attribute-columns");
  const explicitQuestions = list(values["question-columns"]);
  if (explicitQuestions) check(explicitQuestions, "question-columns");
  const explicitCodes = list(values["code-columns"])?.map((item) => {
    const [column = "", question] = item.split(":").map((part) => part.trim());
    return { column, question };
  });
  if (explicitCodes)
    check(
      explicitCodes.map((c) => c.column),
      "code-columns",
    );

  const questionName = values["question-name-column"]?.trim();
  const answerColumn = values["answer-column"]?.trim();
  if (Boolean(questionName) !== Boolean(answerColumn)) {
    throw new UsageError(
      "cairn import: one row per answer needs both --question-name-column and --answer-column",
    );
  }
  if (questionName && answerColumn) {
    check([questionName], "question-name-column");
    check([answerColumn], "answer-column");
    if (explicitQuestions) {
      throw new UsageError(
        "cairn import: --question-columns is for one row per respondent; with " +
          "--answer-column the questions are named in --question-name-column",
      );
    }
  }
  const explicitLong =
    questionName && answerColumn ? { questionColumn: questionName, answerColumn } : null;

  const claimed = new Set([
    ...ignored,
    ...(explicitLong ? [explicitLong.questionColumn, explicitLong.answerColumn] : []),
    ...(explicitId ? [explicitId] : []),
    ...(explicitAttributes ?? []),
    ...(explicitQuestions ?? []),
    ...(explicitCodes ?? []).map((c) => c.column),
  ]);
  const free = (column: string) => !claimed.has(column);

  const idColumn = explicitId ?? (guess.idColumn && free(guess.idColumn) ? guess.idColumn : null);
  const long =
    explicitLong ??
    (!explicitQuestions &&
    guess.long &&
    free(guess.long.questionColumn) &&
    free(guess.long.answerColumn)
      ? guess.long
      : null);
  const questions = long
    ? []
    : explicitQuestions
      ? explicitQuestions.map((column) => ({
          column,
          label: labelFromHeader(column),
          text: inspection.questionTexts[column] ?? column,
        }))
      : guess.questions.filter((q) => free(q.column));
  const attributeColumns = (explicitAttributes ?? guess.attributeColumns.filter(free)).filter(
    (column) => column !== long?.questionColumn && column !== long?.answerColumn,
  );
  const codeColumns = explicitCodes
    ? explicitCodes.map(({ column, question }) => {
        // One row per answer: a code column codes the row's answer.
        if (long) return { column, question: long.answerColumn, coder: coder ?? "" };
        if (question !== undefined) return { column, question, coder: coder ?? "" };
        if (questions.length !== 1) {
          throw new UsageError(
            `cairn import: --code-columns: say which question "${column}" codes ` +
              `(COLUMN:QUESTION); this import has ${questions.length} questions`,
          );
        }
        return { column, question: questions[0]!.label, coder: coder ?? "" };
      })
    : guess.codeColumns
        .filter((c) => free(c.column))
        .map((c) => ({
          ...c,
          question: long ? long.answerColumn : c.question,
          coder: coder ?? "",
        }));
  if (codeColumns.length > 0 && !coder) {
    throw new UsageError(
      `cairn import: ${codeColumns.map((c) => `"${c.column}"`).join(", ")} hold codes: ` +
        "name the coder who assigned them with --coder NAME (or --ignore-columns them)",
    );
  }
  const nonResponses = list(values["non-response"]) ?? guess.nonResponses;
  return {
    idColumn,
    attributeColumns,
    questions,
    codeColumns,
    long,
    codeDelimiter: values["code-delimiter"] ?? guess.codeDelimiter,
    codeSeparator: values["code-separator"] || guess.codeSeparator,
    nonResponses,
  };
}
