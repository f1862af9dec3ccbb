/**
 * `cairn merge-coder FILE CODER_FILE [--json]`: brings a second coder's work back into
 * the project: their segments, done marks and memos under their name, as one step the
 * app can undo. Merging the same file twice changes nothing (issue 7, decision 0015).
 */
import { resolve } from "node:path";
import type { CoderMergeReport } from "../../../../shared/api/agreement-api.ts";
import { mergeCoderFile } from "../../agreement/coder-merge.ts";
import { counted } from "../agreement-text.ts";
import { parse, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";

export interface CoderMergeJson {
  readonly coders: readonly string[];
  readonly answers_matched: number;
  readonly segments_added: number;
  readonly segments_already_present: number;
  readonly done_marks_added: number;
  readonly memos_added: number;
  readonly codes_created: readonly (readonly string[])[];
}

export function mergeCoderCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("merge-coder", argv, { json: { type: "boolean" } });
  const [file, coderFile] = positionals;
  if (positionals.length !== 2 || !file || !coderFile) {
    throw new UsageError(
      "cairn merge-coder: expected FILE and CODER_FILE (cairn merge-coder FILE CODER_FILE)",
    );
  }
  const { report } = withProject(file, (session) =>
    mergeCoderFile(session.db(), resolve(coderFile), new Date().toISOString()),
  );
  if (values.json) printJson(output, mergeJson(report));
  else for (const line of mergeText(report)) output.out(line);
}

export function mergeJson(report: CoderMergeReport): CoderMergeJson {
  return {
    coders: report.coders,
    answers_matched: report.answersMatched,
    segments_added: report.segmentsAdded,
    segments_already_present: report.segmentsAlreadyPresent,
    done_marks_added: report.doneMarksAdded,
    memos_added: report.memosAdded,
    codes_created: report.codesCreated,
  };
}

function mergeText(report: CoderMergeReport): string[] {
  const already = report.segmentsAlreadyPresent;
  const lines = [
    `Merged the work of ${report.coders.join(", ")} on ${counted(report.answersMatched, "answer")}:`,
    `  ${counted(report.segmentsAdded, "coded passage")} added` +
      (already > 0 ? ` (${already} already in the project)` : ""),
    `  ${counted(report.doneMarksAdded, "done mark")} added`,
    `  ${counted(report.memosAdded, "memo")} added`,
  ];
  if (report.codesCreated.length > 0) {
    lines.push(`  ${counted(report.codesCreated.length, "new code")} created:`);
    for (const path of report.codesCreated) lines.push(`    ${path.join(">")}`);
  }
  return lines;
}
