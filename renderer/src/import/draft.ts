/**
 * The wizard's working copy of a mapping: one entry per column with the role the user
 * gave it. Keeping a role per column (rather than the mapping's separate lists) makes
 * "one role per column, at most one respondent id" hold by construction; `mappingOf`
 * turns it into the `ImportMapping` the core takes. Pure: no store, no API.
 */
import { placeholderKey } from "../../../shared/answers/status.ts";
import type { ImportInspection } from "../../../shared/import/inspection.ts";
import type { ImportMapping } from "../../../shared/import/mapping.ts";
import { labelFromHeader } from "../../../shared/import/guess.ts";

export const COLUMN_ROLES = [
  "id",
  "attribute",
  "question",
  "codes",
  "question-name",
  "answer",
  "ignore",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const ROLE_NAMES: Record<ColumnRole, string> = {
  id: "Respondent ID",
  attribute: "Attribute",
  question: "Question",
  codes: "Codes",
  "question-name": "Names the question",
  answer: "Answer (one row per answer)",
  ignore: "Ignore",
};

export interface ColumnDraft {
  readonly column: string;
  readonly role: ColumnRole;
  /** A question's label and full text; kept while the column has another role, so
   * flipping a role back and forth loses nothing the user typed. */
  readonly label: string;
  readonly text: string;
  /** A codes column's question, by COLUMN: its label may still be edited. */
  readonly codesFor: string | null;
}

export interface MappingDraft {
  readonly columns: readonly ColumnDraft[];
  readonly coder: string;
  readonly codeDelimiter: string;
  readonly codeSeparator: string;
  readonly nonResponses: readonly string[];
}

/**
 * The guess as a draft. Columns the user already mapped in `previous` (before choosing
 * another encoding or sheet) keep their roles; new columns take the guess.
 */
export function draftFromInspection(
  inspection: ImportInspection,
  previous: MappingDraft | null,
): MappingDraft {
  const { guess } = inspection;
  const kept = new Map(previous?.columns.map((c) => [c.column, c]) ?? []);
  const questions = new Map(guess.questions.map((q) => [q.column, q]));
  const questionColumnByLabel = new Map(guess.questions.map((q) => [q.label, q.column]));
  const codes = new Map(guess.codeColumns.map((c) => [c.column, c]));
  const guessed = (column: string): ColumnDraft => {
    const question = questions.get(column);
    const code = codes.get(column);
    return {
      column,
      role:
        column === guess.idColumn
          ? "id"
          : column === guess.long?.questionColumn
            ? "question-name"
            : column === guess.long?.answerColumn
              ? "answer"
              : question
                ? "question"
                : code
                  ? "codes"
                  : guess.attributeColumns.includes(column)
                    ? "attribute"
                    : "ignore",
      label: question?.label ?? labelFromHeader(column),
      text: question?.text ?? inspection.questionTexts[column] ?? column,
      codesFor: code ? (questionColumnByLabel.get(code.question) ?? null) : null,
    };
  };
  return normalise({
    columns: inspection.columns.map((column) => kept.get(column) ?? guessed(column)),
    coder: previous?.coder ?? "",
    codeDelimiter: previous?.codeDelimiter ?? guess.codeDelimiter,
    codeSeparator: previous?.codeSeparator ?? guess.codeSeparator,
    nonResponses: previous?.nonResponses ?? guess.nonResponses,
  });
}

/** Roles one column at most can have: a second one demotes the first. */
const SINGLE_ROLES: Partial<Record<ColumnRole, ColumnRole>> = {
  id: "attribute",
  "question-name": "ignore",
  answer: "ignore",
};

/** Gives `column` a role; a second respondent id demotes the first to an attribute. */
export function setRole(draft: MappingDraft, column: string, role: ColumnRole): MappingDraft {
  const demoteTo = SINGLE_ROLES[role];
  return normalise({
    ...draft,
    columns: draft.columns.map((c) => {
      if (c.column === column) {
        const codesFor = role === "codes" ? (c.codesFor ?? nearestQuestion(draft, column)) : null;
        return { ...c, role, codesFor };
      }
      return demoteTo && c.role === role ? { ...c, role: demoteTo } : c;
    }),
  });
}

/** One row per answer: the columns naming the question and holding the answer. */
export function longLayoutOf(
  draft: MappingDraft,
): { questionColumn: string; answerColumn: string } | null {
  const questionColumn = draft.columns.find((c) => c.role === "question-name")?.column;
  const answerColumn = draft.columns.find((c) => c.role === "answer")?.column;
  return questionColumn && answerColumn ? { questionColumn, answerColumn } : null;
}

/** The column that identifies respondents, or null to number the rows. */
export function setIdColumn(draft: MappingDraft, column: string | null): MappingDraft {
  if (column !== null) return setRole(draft, column, "id");
  const current = idColumnOf(draft);
  return current === null ? draft : setRole(draft, current, "attribute");
}

export function editColumn(
  draft: MappingDraft,
  column: string,
  change: Partial<Pick<ColumnDraft, "label" | "text" | "codesFor">>,
): MappingDraft {
  return {
    ...draft,
    columns: draft.columns.map((c) => (c.column === column ? { ...c, ...change } : c)),
  };
}

export function idColumnOf(draft: MappingDraft): string | null {
  return draft.columns.find((c) => c.role === "id")?.column ?? null;
}

export function questionColumns(draft: MappingDraft): readonly ColumnDraft[] {
  return draft.columns.filter((c) => c.role === "question");
}

export function hasCodeColumns(draft: MappingDraft): boolean {
  return draft.columns.some((c) => c.role === "codes");
}

/**
 * Keeps the invariants after any change: one respondent id at most, and every codes
 * column pointing at a column that is (still) a question, or at none.
 */
function normalise(draft: MappingDraft): MappingDraft {
  const questions = new Set(questionColumns(draft).map((c) => c.column));
  let idSeen = false;
  const columns = draft.columns.map((c): ColumnDraft => {
    if (c.role === "id") {
      if (idSeen) return { ...c, role: "attribute" };
      idSeen = true;
    }
    // One row per answer: codes code the row's answer, whatever its question.
    const long = c.role === "codes" && draft.columns.some((d) => d.role === "answer");
    if (long && c.codesFor !== null) return { ...c, codesFor: null };
    if (!long && c.role === "codes" && (c.codesFor === null || !questions.has(c.codesFor))) {
      return { ...c, codesFor: nearestQuestion(draft, c.column) };
    }
    return c;
  });
  return { ...draft, columns };
}

/** Spreadsheets put codes beside the answers: the nearest question to the left, else any. */
function nearestQuestion(draft: MappingDraft, column: string): string | null {
  const index = draft.columns.findIndex((c) => c.column === column);
  const before = draft.columns.slice(0, Math.max(0, index)).reverse();
  const question = (list: readonly ColumnDraft[]) => list.find((c) => c.role === "question");
  return (question(before) ?? question(draft.columns))?.column ?? null;
}

export function mappingOf(draft: MappingDraft): ImportMapping {
  const labels = new Map(questionColumns(draft).map((q) => [q.column, q.label.trim()]));
  const long = longLayoutOf(draft);
  return {
    idColumn: idColumnOf(draft),
    attributeColumns: draft.columns.filter((c) => c.role === "attribute").map((c) => c.column),
    questions: questionColumns(draft).map((q) => ({
      column: q.column,
      label: q.label.trim(),
      text: q.text,
    })),
    codeColumns: draft.columns.flatMap((c) => {
      const question =
        c.role !== "codes"
          ? undefined
          : long
            ? long.answerColumn
            : c.codesFor
              ? labels.get(c.codesFor)
              : undefined;
      return question === undefined
        ? []
        : [{ column: c.column, question, coder: draft.coder.trim() }];
    }),
    long,
    codeDelimiter: draft.codeDelimiter,
    codeSeparator: draft.codeSeparator,
    nonResponses: [...draft.nonResponses],
  };
}

/**
 * Why the draft cannot be imported yet, as a sentence the user can act on, or null.
 * Mirrors the core's own checks (electron/core/import/column-plan.ts) so the Import button says
 * why it is disabled instead of the import failing.
 */
export function mappingProblem(draft: MappingDraft, projectHasRespondents: boolean): string | null {
  const questions = questionColumns(draft);
  const namesQuestion = draft.columns.some((c) => c.role === "question-name");
  const answers = draft.columns.some((c) => c.role === "answer");
  if (namesQuestion !== answers) {
    return namesQuestion
      ? "One row per answer: choose the column that holds the Answer too."
      : "One row per answer: choose the column that Names the question too.";
  }
  if (answers && questions.length > 0) {
    return "With one row per answer, the questions come from the column naming them: make no column a Question.";
  }
  if (!answers && questions.length === 0 && !draft.columns.some((c) => c.role === "attribute")) {
    return "Choose at least one Question or Attribute column.";
  }
  const seen = new Set<string>();
  for (const question of questions) {
    const label = question.label.trim();
    if (label === "") return `Give the question in column "${question.column}" a label.`;
    if (label.length > 200) return `The label of "${question.column}" is over 200 characters.`;
    if (seen.has(label)) return `Two questions are labelled "${label}": labels must differ.`;
    seen.add(label);
  }
  const orphan = answers
    ? undefined
    : draft.columns.find((c) => c.role === "codes" && c.codesFor === null);
  if (orphan) return `Choose which question the codes in "${orphan.column}" are for.`;
  if (hasCodeColumns(draft) && draft.coder.trim() === "") {
    return "Name the coder of the code columns.";
  }
  if (hasCodeColumns(draft) && draft.codeSeparator === "") {
    return "The sub-code separator cannot be empty.";
  }
  if (idColumnOf(draft) === null && projectHasRespondents) {
    return "This project already has respondents: choose the Respondent ID column to match them.";
  }
  return null;
}

/** Ticks or unticks one value in the placeholder list (compared as the core compares). */
export function setNonResponse(draft: MappingDraft, value: string, on: boolean): MappingDraft {
  const key = placeholderKey(value);
  const without = draft.nonResponses.filter((v) => placeholderKey(v) !== key);
  return { ...draft, nonResponses: on ? [...without, value] : without };
}

/** The placeholder list as the user edits it: one comma-separated line. */
export function parsePlaceholderList(text: string): string[] {
  return text
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
}
