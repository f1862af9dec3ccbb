/**
 * What the codebook's dialogs and reports say, in the user's words: what a delete or a
 * merge will do before it does it, and what an import did.
 */
import type { CodeCount, DeletionImpact } from "../../../shared/api/codebook-api.ts";
import { count } from "../format.ts";

/** Asks before a delete: what goes with the code, and that it can be undone. */
export function deletionSentence(name: string, impact: DeletionImpact): string {
  const below = impact.codes - 1;
  const what =
    below === 0
      ? `Delete “${name}”?`
      : `Delete “${name}” and its ${below === 1 ? "sub-code" : `${below} sub-codes`}?`;
  const passages =
    impact.segments === 0
      ? " No coded passages will be removed."
      : ` ${count(impact.segments, "coded passage")} from ${count(impact.respondents, "respondent")} will be removed.`;
  const memos = impact.memos > 0 ? ` So will ${count(impact.memos, "memo")} on the codes.` : "";
  return `${what}${passages}${memos} You can undo this.`;
}

/** What merging a code into `target` does: its passages and sub-codes move, it goes. */
export function mergeSentence(
  name: string,
  target: string,
  own: CodeCount | null,
  children: number,
): string {
  const passages = own
    ? own.segments === 0
      ? `“${name}” has no coded passages`
      : `${count(own.segments, "coded passage")} from ${count(own.respondents, "respondent")} ` +
        `${own.segments === 1 ? "moves" : "move"} to “${target}” (a coder's overlapping passages join)`
    : `Its coded passages move to “${target}”`;
  const subCodes =
    children === 0
      ? ""
      : children === 1
        ? "; its sub-code moves under it"
        : `; its ${children} sub-codes move under it`;
  return `${passages}${subCodes}. “${name}” is then removed. You can undo this.`;
}

/** "Created 12 codes, updated 3" (and what the file left as it was). */
export function importReport(report: {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}): string {
  const parts = [`Created ${count(report.created, "code")}`, `updated ${report.updated}`];
  if (report.unchanged > 0) parts.push(`${report.unchanged} unchanged`);
  return parts.join(", ");
}
