/**
 * What each row is about: its respondent's id and, in a long export, the question it
 * answers. A row the import cannot place (no id, an id seen twice, a question answered
 * twice) stops the import with a message that says where.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { QuestionId, RespondentId } from "../../../shared/domain.ts";
import type { ColumnPlan } from "./column-plan.ts";
import type { SourceRow, TableSource } from "./sources/table.ts";
import { quoteCell } from "../../../shared/import/quote-cell.ts";

export class RowIdentity {
  /** Where each id was seen (not the row: its cells would stay in memory). */
  private readonly seenIds = new Map<string, { line: number; file?: string }>();
  /** Long exports: where each (respondent, question) was answered, to catch a repeat. */
  private readonly answeredAt = new Map<string, number>();

  constructor(
    private readonly source: TableSource,
    private readonly plan: ColumnPlan,
    private readonly idColumn: string | null,
  ) {}

  /**
   * The row's respondent id, or null for a row with nothing in it at all. Without an id
   * column, rows are numbered: `rowsBefore` is how many rows came before this one.
   */
  externalId(row: SourceRow, rowsBefore: number): string | null {
    if (this.plan.idIndex === null) {
      if (row.cells.every((cell) => cell.trim() === "")) return null;
      return String(rowsBefore + 1);
    }
    const id = (row.cells[this.plan.idIndex] ?? "").trim();
    if (id === "") {
      if (row.cells.every((cell) => cell.trim() === "")) return null;
      throw new CairnError(
        "bad_input",
        `${this.where(row)} has no respondent id (column "${this.idColumn}")`,
      );
    }
    if (this.plan.long) return id; // one row per answer: an id comes back on purpose
    const earlier = this.seenIds.get(id);
    if (earlier !== undefined) {
      const unit = this.source.unit;
      const places =
        earlier.file === row.file
          ? `${row.file ?? this.source.name}: duplicate respondent id ${quoteCell(id)} on ${unit}s ` +
            `${earlier.line} and ${row.line}`
          : `duplicate respondent id ${quoteCell(id)} in ${this.where(earlier)} and ${this.where(row)}`;
      // Word forms: one file each, so "R7.docx and R9.docx" says it all.
      throw new CairnError("bad_input", places);
    }
    this.seenIds.set(
      id,
      row.file === undefined ? { line: row.line } : { line: row.line, file: row.file },
    );
    return id;
  }

  /** A long export's row: the label of the question it answers. */
  questionLabel(row: SourceRow, long: NonNullable<ColumnPlan["long"]>): string {
    const label = (row.cells[long.questionIndex] ?? "").replace(/\s+/g, " ").trim();
    if (label === "") {
      throw new CairnError(
        "bad_input",
        `${this.where(row)} names no question (column "${long.questionColumn}")`,
      );
    }
    return label;
  }

  /** A long export answers each question once per respondent: a repeat stops the import. */
  checkAnsweredOnce(
    row: SourceRow,
    respondent: RespondentId,
    question: QuestionId,
    label: string,
  ): void {
    const pair = `${respondent}\u0000${question}`;
    const earlier = this.answeredAt.get(pair);
    if (earlier !== undefined) {
      const id = (row.cells[this.plan.idIndex ?? -1] ?? "").trim();
      throw new CairnError(
        "bad_input",
        `${row.file ?? this.source.name}: respondent ${quoteCell(id)} answers ${quoteCell(label)} twice, ` +
          `on ${this.source.unit}s ${earlier} and ${row.line}`,
      );
    }
    this.answeredAt.set(pair, row.line);
  }

  /** "survey.csv: line 12" for messages; a Word form is named by itself: "R7.docx". */
  where(row: { line: number; file?: string }): string {
    if (this.source.unit === "file" && row.file !== undefined) return row.file;
    return `${row.file ?? this.source.name}: ${this.source.unit} ${row.line}`;
  }
}
