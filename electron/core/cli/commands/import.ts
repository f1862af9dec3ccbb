/**
 * `cairn import FILE SOURCE...`: the import wizard's choices as flags. Without mapping
 * flags it takes the wizard's guesses and prints them; each flag replaces one part of
 * the guess. The project file is created if it does not exist yet (and removed again
 * if the import fails, so a failed import leaves nothing behind).
 */
import { resolve } from "node:path";
import { CairnError } from "../../../../shared/api/errors.ts";
import { parseEncoding, TEXT_ENCODINGS } from "../../../../shared/import/encoding.ts";
import type { ImportInspection, ImportProgress } from "../../../../shared/import/inspection.ts";
import {
  CONFLICT_POLICIES,
  type ConflictPolicy,
  type ImportMapping,
  type ImportReport,
  type ImportSource,
  type SourceKind,
} from "../../../../shared/import/mapping.ts";
import { inspectImport, ImportJobs } from "../../import/import-service.ts";
import { sourceKind } from "../../import/open-source.ts";
import { parse, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withNewOrExistingProject } from "../project.ts";

const OPTIONS = {
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

type Values = ReturnType<typeof parse<typeof OPTIONS>>["values"];

export async function importCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("import", argv, OPTIONS);
  const [file, ...sources] = positionals;
  if (!file || sources.length === 0) {
    throw new UsageError("cairn import: expected a project FILE and one or more SOURCE files");
  }
  const source = sourceFrom(sources, values);
  checkFlagsFitKind(sourceKind(source), values);
  const onConflict = conflictPolicy(values["on-conflict"]);
  const coder = values.coder?.trim() || undefined;

  const inspection = await inspectImport(source, coder ? { coder } : {});
  const mapping = mappingFrom(inspection, values, coder);
  if (!hasMappingFlags(values)) output.err(describeGuess(inspection, mapping));

  const report = await withNewOrExistingProject(resolve(file), async (session) => {
    const jobs = new ImportJobs(session, progressPrinter());
    try {
      return await jobs.run({ source, mapping, onConflict, dryRun: values["dry-run"] ?? false });
    } finally {
      clearProgress();
    }
  });
  if (values.json) printJson(output, report);
  else printSummary(output, report, values["dry-run"] ?? false);
  if (!report.applied && !values["dry-run"]) {
    throw new CairnError(
      "bad_input",
      `${report.conflicts.length} answer(s) or attribute(s) differ from what the project ` +
        "holds; nothing was imported. Review them (--json lists them) and rerun with " +
        "--on-conflict keep or --on-conflict replace",
    );
  }
}

function sourceFrom(paths: readonly string[], values: Values): ImportSource {
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
function checkFlagsFitKind(kind: SourceKind, values: Values): void {
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
    if (values[flag as keyof Values] !== undefined && fits !== kind) {
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

function conflictPolicy(value: string | undefined): ConflictPolicy {
  if (value === undefined) return "fail";
  if ((CONFLICT_POLICIES as readonly string[]).includes(value)) return value as ConflictPolicy;
  throw new UsageError(
    `cairn import: --on-conflict must be one of ${CONFLICT_POLICIES.join(", ")}`,
  );
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

function hasMappingFlags(values: Values): boolean {
  return MAPPING_FLAGS.some((flag) => values[flag] !== undefined);
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The guess, with each part the user gave replaced and their columns taken out of the rest. */
function mappingFrom(
  inspection: ImportInspection,
  values: Values,
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
          label: column,
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

function describeGuess(inspection: ImportInspection, mapping: ImportMapping): string {
  const names = (columns: readonly string[]) =>
    columns.length ? columns.map((c) => `"${c}"`).join(", ") : "none";
  return [
    `cairn import: no mapping flags given; using the guesses from ${inspection.name}` +
      (inspection.encoding ? ` (${inspection.encoding}, ${describeDelimiter(inspection)})` : "") +
      ":",
    `  --id-column ${mapping.idColumn === null ? "(none: rows are numbered)" : `"${mapping.idColumn}"`}`,
    mapping.long
      ? `  --question-name-column "${mapping.long.questionColumn}" ` +
        `--answer-column "${mapping.long.answerColumn}" (one row per answer)`
      : `  --question-columns ${names(mapping.questions.map((q) => q.column))}`,
    `  --attribute-columns ${names(mapping.attributeColumns)}`,
    `  --code-columns ${names(mapping.codeColumns.map((c) => `${c.column}:${c.question}`))}`,
  ].join("\n");
}

function describeDelimiter(inspection: ImportInspection): string {
  const names: Record<string, string> = {
    ",": "comma",
    ";": "semicolon",
    "\t": "tab",
    "|": "pipe",
  };
  return `${names[inspection.delimiter ?? ","] ?? inspection.delimiter}-separated`;
}

/** A progress line on a terminal (never in a pipe or a log, where it would be noise). */
function progressPrinter(): (progress: ImportProgress) => void {
  if (!process.stderr.isTTY) return () => {};
  let shown = 0;
  return ({ rows, done, total }) => {
    if (Date.now() - shown < 250) return;
    shown = Date.now();
    const percent = total ? Math.floor((done / total) * 100) : 0;
    process.stderr.write(`\rimporting: ${percent}% (${rows.toLocaleString("en")} rows)\u001b[K`);
  };
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
}

function printSummary(output: Output, report: ImportReport, dryRun: boolean): void {
  const verb = dryRun ? "would add" : report.applied ? "added" : "would have added";
  output.out(
    `${verb} ${report.respondents_added} respondents (${report.respondents_matched} matched), ` +
      `${report.answers_added} answers (${report.answers_unchanged} unchanged, ` +
      `${report.answers_replaced} replaced, ${report.non_responses} non-responses), ` +
      `${report.questions_added} questions, ${report.codes_created} codes, ` +
      `${report.segments_added} coded passages`,
  );
  for (const conflict of report.conflicts) {
    const where =
      conflict.kind === "answer"
        ? `${conflict.respondent} / ${conflict.question}`
        : `${conflict.respondent} / ${conflict.attribute}`;
    output.out(
      `conflict: ${where}: project has ${JSON.stringify(short(conflict.existing))}, ` +
        `file has ${JSON.stringify(short(conflict.incoming))}`,
    );
  }
  for (const warning of report.warnings) output.err(`warning: ${warning}`);
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
