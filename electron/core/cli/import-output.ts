/**
 * What `cairn import` tells a person: the guessed mapping when no mapping flags were given,
 * a progress line on a terminal, and the summary of the report.
 */
import type { ImportInspection, ImportProgress } from "../../../shared/import/inspection.ts";
import type { ImportMapping, ImportReport } from "../../../shared/import/mapping.ts";
import type { Output } from "./output.ts";

export function describeGuess(inspection: ImportInspection, mapping: ImportMapping): string {
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
export function progressPrinter(): (progress: ImportProgress) => void {
  if (!process.stderr.isTTY) return () => {};
  let shown = 0;
  return ({ rows, done, total }) => {
    if (Date.now() - shown < 250) return;
    shown = Date.now();
    const percent = total ? Math.floor((done / total) * 100) : 0;
    process.stderr.write(`\rimporting: ${percent}% (${rows.toLocaleString("en")} rows)\u001b[K`);
  };
}

export function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
}

export function printSummary(output: Output, report: ImportReport, dryRun: boolean): void {
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
