/**
 * A pseudonymisation's figures in words, the same in the dialog and on the command line:
 * "14 replacements in 9 answers".
 */
import type { PseudonymiseReport } from "../api/safety-api.ts";

export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** "14 replacements in 9 answers" (replacements counted in every text, not answers only). */
export function replacementsInWords(replacements: number, answers: number): string {
  return `${count(replacements, "replacement", "replacements")} in ${count(answers, "answer", "answers")}`;
}

/** Everything else the copy changed, or "" when nothing did. */
export function otherChangesInWords(report: PseudonymiseReport): string {
  const parts = [
    report.segmentsReanchored > 0
      ? `${count(report.segmentsReanchored, "coded passage", "coded passages")} moved with the words`
      : "",
    report.memosChanged > 0 ? `${count(report.memosChanged, "note", "notes")} changed` : "",
    report.attributeValuesChanged > 0
      ? `${count(report.attributeValuesChanged, "attribute value", "attribute values")} changed`
      : "",
    report.respondentIdsChanged > 0
      ? `${count(report.respondentIdsChanged, "respondent id", "respondent ids")} changed`
      : "",
  ].filter((part) => part !== "");
  return parts.join(", ");
}

/** One sentence for the whole report, path aside. */
export function reportInWords(report: PseudonymiseReport): string {
  const others = otherChangesInWords(report);
  return `${replacementsInWords(report.replacements, report.answersChanged)}${others ? `; ${others}` : ""}.`;
}
