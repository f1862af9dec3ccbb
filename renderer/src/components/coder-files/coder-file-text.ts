/**
 * The words of the hand-over to a second coder: the suggested file name for the copy and
 * the one-line reports after writing it and after bringing the work back.
 */
import type { CoderMergeReport, PreparedCopy } from "../../../../shared/api/agreement-api.ts";
import { count } from "../../format.ts";

/** "/home/me/survey.cairn" and "Ben" -> "/home/me/survey-for-Ben.cairn". */
export function copyPathForCoder(projectPath: string, coder: string): string {
  const safe = coder
    .trim()
    .replace(/[\\/:*?"<>|]+/g, "-")
    .replace(/\s+/g, "-");
  return `${projectPath.replace(/\.cairn$/i, "")}-for-${safe || "coder"}.cairn`;
}

/** "Wrote /a/survey-for-Ben.cairn: 14 questions, 252 answers, the codebook; no coding". */
export function preparedText(copy: PreparedCopy): string {
  return `Wrote ${copy.path}: ${count(copy.questions, "question")}, ${count(copy.answers, "answer")}, the codebook; no coding`;
}

/**
 * "Ben's work merged: 37 passages, 3 done marks, 1 new code (Safety > Other)"; a file
 * merged before: "nothing new to merge (37 passages already here)".
 */
export function mergedText(report: CoderMergeReport): string {
  const who =
    report.coders.length === 0
      ? "The coder's work"
      : report.coders.length === 1
        ? `${report.coders[0]}'s work`
        : `The work of ${report.coders.join(", ")}`;
  const parts: string[] = [];
  if (report.segmentsAdded > 0) parts.push(count(report.segmentsAdded, "passage"));
  if (report.doneMarksAdded > 0) parts.push(count(report.doneMarksAdded, "done mark"));
  if (report.memosAdded > 0) parts.push(count(report.memosAdded, "memo"));
  if (report.codesCreated.length > 0) {
    parts.push(
      `${count(report.codesCreated.length, "new code")} (${deepest(report.codesCreated)})`,
    );
  }
  if (parts.length === 0) {
    const already =
      report.segmentsAlreadyPresent > 0
        ? ` (${count(report.segmentsAlreadyPresent, "passage")} already here)`
        : "";
    return `${who}: nothing new to merge${already}`;
  }
  return `${who} merged: ${parts.join(", ")}`;
}

/**
 * The new codes by path, without the categories created on the way to a code below them:
 * "Safety" and "Safety > Other" read "Safety > Other".
 */
function deepest(paths: readonly (readonly string[])[]): string {
  const keys = paths.map((path) => path.join("\u0000"));
  return paths
    .filter((_, i) => !keys.some((other) => other.startsWith(`${keys[i]}\u0000`)))
    .map((path) => path.join(" > "))
    .join(", ");
}
