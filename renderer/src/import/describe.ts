/** Sentences the wizard shows about a file and an import, from the core's figures. */
import type { TextEncoding } from "../../../shared/import/encoding.ts";
import type { ImportInspection } from "../../../shared/import/inspection.ts";
import type { ImportReport, SourceKind } from "../../../shared/import/mapping.ts";
import { count } from "../format.ts";

export { count };

export const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252 (Western European)",
};

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma-separated",
  ";": "semicolon-separated",
  "\t": "tab-separated",
  "|": "pipe-separated",
};

/**
 * The kind of file the paths name, by extension, before the core has read it (a path
 * without one is taken for a folder of .docx): so that the options of a file the core
 * could not read yet (the header row is on line 3) are there to fix it. The core decides.
 */
export function likelyKind(paths: readonly string[]): SourceKind | null {
  const name = paths[0]?.split(/[\\/]/).pop() ?? "";
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined) return "docx";
  if (["csv", "tsv", "tab", "txt"].includes(extension)) return "csv";
  if (["xlsx", "xlsm"].includes(extension)) return "xlsx";
  return extension === "docx" ? "docx" : null;
}

/** "survey.csv: UTF-16 LE, tab-separated, 5 columns, 7,908 rows sampled". */
export function describeSource(inspection: ImportInspection): string {
  const format = (() => {
    switch (inspection.kind) {
      case "csv":
        return [
          ENCODING_NAMES[inspection.encoding as TextEncoding] ?? inspection.encoding ?? "",
          DELIMITER_NAMES[inspection.delimiter as Delimiter] ?? "",
        ];
      case "xlsx":
        return ["Excel workbook"];
      case "docx":
        return ["Word questionnaires"];
    }
  })();
  const rows = count(inspection.sampled, inspection.unit === "file" ? "file" : "row");
  return `${inspection.name}: ${[
    ...format.filter(Boolean),
    count(inspection.columns.length, "column"),
    `${rows} ${inspection.kind === "docx" ? "read" : "sampled"}`,
  ].join(", ")}`;
}

/**
 * What the import did, at a glance: "Added 4 respondents, 8 answers (3 non-responses)
 * to 2 new questions; 9 codes created, 7 coded passages."
 */
export function summariseReport(report: ImportReport): string {
  const parts: string[] = [];
  const nonResponses = report.non_responses
    ? ` (${count(report.non_responses, "non-response")})`
    : "";
  const added = [
    report.respondents_added ? count(report.respondents_added, "respondent") : "",
    report.answers_added ? count(report.answers_added, "answer") + nonResponses : "",
  ].filter(Boolean);
  const into = report.questions_added
    ? `to ${count(report.questions_added, "new question")}`
    : "to existing questions";
  parts.push(added.length ? `Added ${added.join(", ")} ${into}` : "No new answers");
  if (report.respondents_matched) {
    parts.push(`matched ${count(report.respondents_matched, "existing respondent")}`);
  }
  if (report.answers_replaced) parts.push(`${count(report.answers_replaced, "answer")} replaced`);
  if (report.answers_unchanged) {
    parts.push(`${count(report.answers_unchanged, "answer")} kept as they were`);
  }
  if (report.codes_created || report.segments_added) {
    parts.push(
      `${count(report.codes_created, "code")} created, ` +
        count(report.segments_added, "coded passage"),
    );
  }
  if (report.segments_removed) {
    parts.push(`${count(report.segments_removed, "coded passage")} dropped`);
  }
  return `${parts.join("; ")}.`;
}
