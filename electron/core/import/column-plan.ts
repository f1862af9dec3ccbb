/**
 * The mapping checked against the source's columns and the project before anything is
 * written, and turned into column indexes for the row writer. Every mistake a user can make
 * in the mapping stops here with a sentence that names the column.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { ImportMapping } from "../../../shared/import/mapping.ts";
import type { Db } from "../db/project-file.ts";
import { countRespondents } from "../db/respondents.ts";
import type { TableSource } from "./sources/table.ts";
import { quoteCell, quoteList } from "../../../shared/import/quote-cell.ts";

export interface ColumnPlan {
  readonly idIndex: number | null;
  readonly attributes: readonly { index: number; name: string }[];
  readonly questions: readonly { index: number; label: string; text: string }[];
  readonly codeColumns: readonly {
    index: number;
    column: string;
    question: string;
    coder: string;
  }[];
  /** One row per answer: where the question's name and the answer are. */
  readonly long: {
    readonly questionIndex: number;
    readonly answerIndex: number;
    readonly questionColumn: string;
  } | null;
}

/** Checks the mapping against the source's columns and the project before writing. */
export function planColumns(source: TableSource, mapping: ImportMapping, db: Db): ColumnPlan {
  const indexOf = (column: string): number => {
    const index = source.columns.indexOf(column);
    if (index < 0) {
      throw new CairnError(
        "bad_input",
        `${source.name} has no column ${quoteCell(column)}; its columns are ` +
          quoteList(source.columns),
      );
    }
    return index;
  };
  const roles = new Map<string, string>();
  const claim = (column: string, role: string) => {
    const earlier = roles.get(column);
    if (earlier) {
      throw new CairnError(
        "bad_input",
        `column ${quoteCell(column)} cannot be both the ${earlier} and the ${role}`,
      );
    }
    roles.set(column, role);
  };
  if (mapping.idColumn !== null) claim(mapping.idColumn, "respondent id");
  mapping.attributeColumns.forEach((c) => claim(c, "attribute"));
  mapping.questions.forEach((q) => claim(q.column, "question"));
  mapping.codeColumns.forEach((c) => claim(c.column, "code column"));
  if (mapping.long) {
    if (mapping.idColumn === null) {
      throw new CairnError(
        "bad_input",
        "with one row per answer, choose the respondent id column: it gathers each " +
          "respondent's rows",
      );
    }
    claim(mapping.long.questionColumn, "column naming the question");
    claim(mapping.long.answerColumn, "answer column");
    if (mapping.questions.length > 0) {
      throw new CairnError(
        "bad_input",
        "with one row per answer, the questions come from the column naming them; " +
          "choose no question columns",
      );
    }
  }

  const labels = new Set<string>();
  for (const question of mapping.questions) {
    if (labels.has(question.label)) {
      throw new CairnError("bad_input", `two questions are labelled "${question.label}"`);
    }
    labels.add(question.label);
  }
  for (const code of mapping.codeColumns) {
    if (mapping.long ? code.question !== mapping.long.answerColumn : !labels.has(code.question)) {
      throw new CairnError(
        "bad_input",
        `code column "${code.column}" is for question "${code.question}", ` +
          "which is not one of the questions imported",
      );
    }
  }
  if (!mapping.long && mapping.questions.length === 0 && mapping.attributeColumns.length === 0) {
    throw new CairnError("bad_input", "choose at least one question or attribute column");
  }
  if (mapping.idColumn === null && countRespondents(db) > 0) {
    throw new CairnError(
      "bad_input",
      "this project already has respondents: choose the column that identifies them, " +
        "so the new rows can be matched",
    );
  }
  return {
    idIndex: mapping.idColumn === null ? null : indexOf(mapping.idColumn),
    attributes: mapping.attributeColumns.map((name) => ({ index: indexOf(name), name })),
    questions: mapping.questions.map((q) => ({
      index: indexOf(q.column),
      label: q.label,
      text: q.text,
    })),
    codeColumns: mapping.codeColumns.map((c) => ({ ...c, index: indexOf(c.column) })),
    long: mapping.long
      ? {
          questionIndex: indexOf(mapping.long.questionColumn),
          answerIndex: indexOf(mapping.long.answerColumn),
          questionColumn: mapping.long.questionColumn,
        }
      : null,
  };
}
