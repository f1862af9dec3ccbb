/**
 * Where an export goes unless the user says otherwise: beside the project, named after it,
 * with the format's extension ("/a/survey.cairn" -> "/a/survey.xlsx"). A path the user
 * typed keeps its folder and name; only its extension follows the format.
 */
import type { ExportFormat, ExportTable } from "../../../shared/api/export-api.ts";

const EXTENSION = /\.(xlsx|csv|qdpx|qdc)$/i;

/** The project's path without its .cairn extension. */
function stem(projectPath: string): string {
  return projectPath.replace(/\.cairn$/i, "");
}

/**
 * "/a/survey.cairn" -> "/a/survey.xlsx"; a CSV holds one table, so its name says which
 * ("/a/survey-segments.csv").
 */
export function defaultExportPath(
  projectPath: string,
  format: ExportFormat,
  table: ExportTable,
): string {
  return format === "csv" ? `${stem(projectPath)}-${table}.csv` : `${stem(projectPath)}.${format}`;
}

/** The path with its export extension swapped for the format's (added if it had none). */
export function withExportExtension(path: string, format: ExportFormat): string {
  const trimmed = path.trim();
  if (trimmed === "") return trimmed;
  return EXTENSION.test(trimmed)
    ? trimmed.replace(EXTENSION, `.${format}`)
    : `${trimmed}.${format}`;
}

/** "/a/from-nvivo.qdpx" -> "/a/from-nvivo.cairn": the new project beside the file read. */
export function projectPathForRefi(refiPath: string): string {
  const trimmed = refiPath.trim();
  if (trimmed === "") return "";
  return `${trimmed.replace(/\.(qdpx|qdc)$/i, "")}.cairn`;
}

/** A REFI-QDA codebook (.qdc) goes into the open project, not into a new one. */
export function isRefiCodebook(path: string): boolean {
  return /\.qdc$/i.test(path.trim());
}
