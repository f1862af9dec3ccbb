/**
 * The first rows of a file as the import will write them, computed in the page with
 * the same shared functions the core uses (normaliseAnswerText, detectAnswerStatus,
 * parseCodeCell), so the preview and the import cannot disagree.
 */
import {
  DEFAULT_NON_RESPONSES,
  detectAnswerStatus,
  nonResponseSet,
  normaliseAnswerText,
} from "../../../shared/answers/status.ts";
import type { AnswerStatus } from "../../../shared/domain.ts";
import { parseCodeCell } from "../../../shared/import/code-cells.ts";
import type { ImportInspection } from "../../../shared/import/inspection.ts";
import { idColumnOf, longLayoutOf, questionColumns, type MappingDraft } from "./draft.ts";

export interface PreviewAnswer {
  readonly column: string;
  /** One row per answer: the question the row names. */
  readonly question?: string;
  readonly text: string;
  readonly status: AnswerStatus;
  /** Code paths from the codes columns for this question; none on a blank answer,
   * whose codes the core skips. */
  readonly codes: readonly (readonly string[])[];
}

export interface PreviewRow {
  readonly line: number;
  /** null: the row has no id although a column is chosen for it (the import stops). */
  readonly respondent: string | null;
  /** The line of an earlier row with the same id, which stops the import too. */
  readonly repeats: number | null;
  readonly attributes: readonly { name: string; value: string }[];
  readonly answers: readonly PreviewAnswer[];
}

export function previewRows(inspection: ImportInspection, draft: MappingDraft): PreviewRow[] {
  const index = new Map(inspection.columns.map((column, i) => [column, i]));
  const cell = (cells: readonly string[], column: string) => cells[index.get(column) ?? -1] ?? "";
  const idColumn = idColumnOf(draft);
  const attributes = draft.columns.filter((c) => c.role === "attribute");
  const codeColumns = draft.columns.filter((c) => c.role === "codes");
  const placeholders = nonResponseSet(draft.nonResponses);
  const format = { delimiter: draft.codeDelimiter, separator: draft.codeSeparator || ">" };
  const long = longLayoutOf(draft);
  const answerOf = (cells: readonly string[], column: string, codes: readonly string[]) => {
    const text = normaliseAnswerText(cell(cells, column));
    return {
      column,
      text,
      status: detectAnswerStatus(text, placeholders),
      codes: text === "" ? [] : codes.flatMap((c) => parseCodeCell(cell(cells, c), format)),
    };
  };
  let numbered = 0;
  const seen = new Map<string, number>();
  // Rows with nothing in them are skipped by the import, so they are not numbered.
  return inspection.preview
    .filter((row) => row.cells.some((c) => c.trim() !== ""))
    .map((row) => {
      const respondent =
        idColumn === null ? String(++numbered) : cell(row.cells, idColumn).trim() || null;
      // One row per answer repeats ids on purpose.
      const repeats = respondent === null || long ? null : (seen.get(respondent) ?? null);
      if (respondent !== null && repeats === null) seen.set(respondent, row.line);
      return { row, respondent, repeats };
    })
    .map(({ row, respondent, repeats }) => ({
      line: row.line,
      respondent,
      repeats,
      attributes: attributes
        .map((a) => ({ name: a.column, value: cell(row.cells, a.column).trim() }))
        .filter((a) => a.value !== ""),
      answers: long
        ? [
            {
              ...answerOf(
                row.cells,
                long.answerColumn,
                codeColumns.map((c) => c.column),
              ),
              question: cell(row.cells, long.questionColumn).replace(/\s+/g, " ").trim(),
            },
          ]
        : questionColumns(draft).map((q) =>
            answerOf(
              row.cells,
              q.column,
              codeColumns.filter((c) => c.codesFor === q.column).map((c) => c.column),
            ),
          ),
    }));
}

/**
 * The placeholder-like values to offer as checkboxes: those the core found in its
 * sample, plus any in the preview's current question columns that the default or the
 * current list would call a non-response. Unticking one keeps it listed, so the user
 * can tick it again.
 */
export function placeholderCandidates(
  inspection: ImportInspection,
  draft: MappingDraft,
): { value: string; count: number }[] {
  const counts = new Map(inspection.placeholders.map((p) => [p.value, p.count]));
  const known = nonResponseSet([...DEFAULT_NON_RESPONSES, ...draft.nonResponses]);
  const extra = new Map<string, number>();
  const index = new Map(inspection.columns.map((column, i) => [column, i]));
  for (const row of inspection.preview) {
    const long = longLayoutOf(draft);
    const columns = long ? [long.answerColumn] : questionColumns(draft).map((q) => q.column);
    for (const column of columns) {
      const value = (row.cells[index.get(column) ?? -1] ?? "").trim();
      if (!value || counts.has(value)) continue;
      if (detectAnswerStatus(value, known) === "non_response") {
        extra.set(value, (extra.get(value) ?? 0) + 1);
      }
    }
  }
  return [...counts, ...extra].map(([value, count]) => ({ value, count }));
}
