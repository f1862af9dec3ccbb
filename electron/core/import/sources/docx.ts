/**
 * A folder of filled-in Word questionnaires, one file per respondent, read as a table: a
 * row per file with the "Label: value" fields above the first question and one cell per
 * question. Questions are headings, or paragraphs numbered by Word or by their text ("3.",
 * "Q3", "Question 3:"); numbered ones match across files by number, headings by text.
 *
 * mammoth reads each file once into its document model (paragraphs with style names and
 * numbering); only the fields and answers are kept, so 200 files fit in memory easily.
 */
import { basename, resolve } from "node:path";
import { badInput } from "./docx/bad-input.ts";
import { byName, docxFilesIn, isFolder } from "./docx/files.ts";
import { type Questionnaire, readQuestionnaire } from "./docx/questionnaire.ts";
import { readParagraphs } from "./docx/read-docx.ts";
import { requireField, tableOf } from "./docx/table.ts";
import type { TableSource } from "./table.ts";

export interface DocxOptions {
  /** A field label ("Respondent ID") every file must fill in, matched case-insensitively. */
  readonly idField?: string;
}

/** Folders become their .docx files (not recursively, no lock or hidden files). */
export function expandDocxPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (isFolder(path) ? docxFilesIn(path) : [path]));
}

export async function openDocxFolder(
  paths: readonly string[],
  options: DocxOptions,
): Promise<TableSource> {
  const files = [...new Map(paths.map((path) => [resolve(path), path])).values()].sort(byName);
  if (files.length === 0) throw badInput("no Word files to import were given");
  const questionnaires: Questionnaire[] = [];
  for (const path of files) {
    questionnaires.push(readQuestionnaire(basename(path), await readParagraphs(path)));
  }
  if (options.idField !== undefined) requireField(questionnaires, options.idField);
  const name = files.length === 1 ? basename(files[0] ?? "") : `${files.length} Word files`;
  return tableOf(questionnaires, name);
}
