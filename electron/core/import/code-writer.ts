/**
 * Writes a row's code columns: each code in a cell codes the whole of its answer as one
 * passage, by the column's coder. Codes the project lacks are created (code-paths.ts).
 * Imported coding counts as seen: the column's coder gets a done mark on the whole
 * question (decision 0015), so agreement compares the answers they coded, and those
 * they left uncoded, like answers coded in the app and marked done.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, CoderId, QuestionId } from "../../../shared/domain.ts";
import { parseCodeCell, type CodeCellFormat } from "../../../shared/import/code-cells.ts";
import { ensureCoder } from "../db/coders.ts";
import type { Db } from "../db/project-file.ts";
import { addSegmentMerging } from "../db/segments.ts";
import { addDoneMark } from "../db/done-marks.ts";
import { questionIdsByLabel } from "../db/questions.ts";
import { CodePaths } from "./code-paths.ts";
import type { ColumnPlan } from "./column-plan.ts";
import type { RowWarnings } from "./warnings.ts";

/** An answer as the row left it: the passage its codes cover is all of `text`. */
export interface WrittenAnswer {
  readonly id: AnswerId;
  readonly text: string;
  /**
   * The file's text differed and the user kept the project's: the file's codes were
   * given to other words, so they are not applied to these.
   */
  readonly kept?: boolean;
}

export class CodeWriter {
  private readonly codeColumns: {
    index: number;
    column: string;
    question: string;
    coderId: CoderId;
  }[];
  private readonly codes: CodePaths;
  /** "coder question" pairs whose done mark this import has written. */
  private readonly marked = new Set<string>();
  private questionIds = new Map<string, QuestionId>();

  /** Adds the coders the project does not have yet, then reads its codes. */
  constructor(
    private readonly db: Db,
    private readonly plan: ColumnPlan,
    private readonly codeFormat: CodeCellFormat,
    private readonly createdAt: string,
    private readonly warnings: RowWarnings,
  ) {
    this.codeColumns = plan.codeColumns.map((c) => ({
      index: c.index,
      column: c.column,
      question: c.question,
      coderId: ensureCoder(db, c.coder),
    }));
    this.codes = new CodePaths(db);
  }

  /** How many codes this import created, for the report. */
  get codesCreated(): number {
    return this.codes.created;
  }

  /**
   * Codes the row's answers (by question label; null for an unsettled conflict) and
   * returns how many coded passages were added.
   */
  write(
    cells: readonly string[],
    line: number,
    answers: ReadonlyMap<string, WrittenAnswer | null>,
    where: (line: number) => string,
  ): number {
    let added = 0;
    for (const column of this.codeColumns) {
      // A long export's code columns code the row's one answer.
      const question = this.plan.long ? answers.keys().next().value : column.question;
      const answer = question === undefined ? undefined : answers.get(question);
      if (question === undefined || !answer) continue; // an unsettled conflict: nothing is written
      // A blank cell is coding too: the coder saw the answer and gave it no code.
      this.markQuestionDone(column.coderId, question);
      const cell = cells[column.index] ?? "";
      if (cell.trim() === "") continue;
      if (answer.kept) {
        this.warnings.add(
          `codes in column "${column.column}" for answers whose text was kept were skipped`,
          line,
        );
        continue;
      }
      if (answer.text === "") {
        this.warnings.add(
          `codes in column "${column.column}" for empty answers were skipped`,
          line,
        );
        continue;
      }
      for (const path of parseCodeCell(cell, this.codeFormat)) {
        const bad = path.find((name) => name.includes(">"));
        if (bad !== undefined) {
          throw new CairnError(
            "bad_input",
            `${where(line)}, column "${column.column}": the code name "${bad}" contains ">", ` +
              "which Cairn keeps for between the levels of a code; use it as the sub-code " +
              'separator (--code-separator ">") or rename the code',
          );
        }
        const outcome = addSegmentMerging(this.db, {
          answerId: answer.id,
          codeId: this.codes.codeFor(path),
          coderId: column.coderId,
          start: 0,
          end: answer.text.length,
          memo: "",
          createdAt: this.createdAt,
        });
        if (outcome !== "unchanged") added++;
      }
    }
    return added;
  }

  /** The coder's done mark on the whole question, written once per import. */
  private markQuestionDone(coderId: CoderId, question: string): void {
    const key = `${coderId} ${question}`;
    if (this.marked.has(key)) return;
    // A long export adds its questions row by row: read them again for a new label.
    if (!this.questionIds.has(question)) this.questionIds = questionIdsByLabel(this.db);
    const questionId = this.questionIds.get(question);
    if (questionId === undefined) return;
    addDoneMark(this.db, coderId, questionId, null, this.createdAt);
    this.marked.add(key);
  }
}
