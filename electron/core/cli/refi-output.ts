/**
 * What `cairn import-refi` prints: the counts, how positions were read, and warnings as
 * "warning: …" lines on stderr (stdout keeps the summary); or the report as JSON, whose
 * snake_case keys are a contract: extend, never rename.
 */
import { basename } from "node:path";
import type { RefiImportReport, RefiPositions } from "../../../shared/api/export-api.ts";
import { count } from "./export-output.ts";
import type { Output } from "./output.ts";

export interface RefiImportJson {
  readonly path: string;
  readonly kind: "project" | "codebook";
  readonly origin: string | null;
  readonly users: number;
  readonly codes: number;
  readonly respondents: number;
  readonly questions: number;
  readonly answers: number;
  readonly segments: number;
  readonly memos: number;
  readonly positions: {
    readonly unit: RefiPositions;
    readonly crlf: 1 | 2;
    readonly on_word_boundaries: number;
    readonly selections: number;
    readonly widened: number;
    readonly explanation: string;
  } | null;
  readonly warnings: readonly string[];
}

export function refiImportJson(report: RefiImportReport): RefiImportJson {
  const { positions } = report;
  return {
    path: report.path,
    kind: report.kind,
    origin: report.origin,
    users: report.users,
    codes: report.codes,
    respondents: report.respondents,
    questions: report.questions,
    answers: report.answers,
    segments: report.segments,
    memos: report.memos,
    positions: positions && {
      unit: positions.unit,
      crlf: positions.crlf,
      on_word_boundaries: positions.onWordBoundaries,
      selections: positions.selections,
      widened: positions.widened,
      explanation: positions.explanation,
    },
    warnings: [...report.warnings],
  };
}

/** A project's import: what came in, and how its positions were read. */
export function printProjectImport(output: Output, source: string, report: RefiImportReport): void {
  const from = report.origin ? ` (written by ${report.origin})` : "";
  output.out(`Imported ${basename(source)} into ${basename(report.path)}${from}:`);
  output.out(
    "  " +
      [
        count(report.respondents, "respondent"),
        count(report.questions, "question"),
        count(report.answers, "answer"),
        count(report.segments, "segment"),
        count(report.codes, "code"),
        count(report.users, "coder"),
        count(report.memos, "memo"),
      ].join(", "),
  );
  if (report.positions) output.out(`  positions: ${report.positions.explanation}`);
  printWarnings(output, report.warnings);
}

/** A codebook's import: codes created and updated. */
export function printCodebookImport(
  output: Output,
  source: string,
  report: RefiImportReport,
  counts: { readonly created: number; readonly updated: number; readonly unchanged: number },
): void {
  const from = report.origin ? ` (written by ${report.origin})` : "";
  output.out(
    `Imported the codebook ${basename(source)} into ${basename(report.path)}${from}: ` +
      `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
  );
  printWarnings(output, report.warnings);
}

function printWarnings(output: Output, warnings: readonly string[]): void {
  for (const warning of warnings) output.err(`warning: ${warning}`);
}
