/**
 * Writes a mapped table into a project, merging by respondent id: new respondents and
 * questions are added, an answer with the same text is kept (and gains any new coder's
 * codes), and an answer whose text differs is a conflict the user settles. The whole
 * import is one transaction: cancelled, failed or stopped by an unsettled conflict,
 * the project is exactly as before.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import {
  detectAnswerStatus,
  nonResponseSet,
  normaliseAnswerText,
} from "../../../shared/answers/status.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import { paletteColor } from "../../../shared/codes/palette.ts";
import type {
  AnswerId,
  AnswerStatus,
  CodeId,
  CoderId,
  QuestionId,
  RespondentId,
} from "../../../shared/domain.ts";
import { parseCodeCell, type CodeCellFormat } from "../../../shared/import/code-cells.ts";
import {
  answerConflictKey,
  attributeConflictKey,
  type ConflictDecision,
  type ConflictPolicy,
  type ImportConflict,
  type ImportMapping,
  type ImportReport,
} from "../../../shared/import/mapping.ts";
import {
  countSegmentsOfAnswer,
  findAnswer,
  insertAnswer,
  replaceAnswerText,
} from "../db/answers.ts";
import { ensureCoder } from "../db/coders.ts";
import { codeIdsByPath, insertCode, countCodes } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import { insertQuestion, questionIdsByLabel } from "../db/questions.ts";
import {
  attributeValue,
  countRespondents,
  ensureAttribute,
  insertRespondentAt,
  nextRespondentPosition,
  respondentIdsByExternalId,
  setRespondentAttribute,
} from "../db/respondents.ts";
import { addSegmentMerging } from "../db/segments.ts";
import type { SourceRow, TableSource } from "./sources/table.ts";
import type { ImportProgress } from "../../../shared/import/inspection.ts";

export interface ImportOptions {
  readonly mapping: ImportMapping;
  readonly onConflict: ConflictPolicy;
  /** Per-conflict choices from a previous attempt; they win over `onConflict`. */
  readonly decisions?: readonly ConflictDecision[];
  /** Do everything and report, then roll back. */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly now?: () => Date;
}

/** At most this many conflicts and warnings are listed; the counts stay exact. */
const LIST_LIMIT = 500;

export async function runImport(
  db: Db,
  source: TableSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const plan = planColumns(source, options.mapping, db);
  db.exec("BEGIN IMMEDIATE");
  try {
    const writer = new ImportWriter(db, source, plan, options);
    for await (const batch of source.batches()) {
      if (options.signal?.aborted) throw cancelled();
      for (const row of batch) writer.write(row);
      options.onProgress?.({ rows: writer.rows, ...source.progress() });
      // Let progress events and a click on Cancel through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw cancelled();
    const report = writer.report();
    if (report.applied && !options.dryRun) {
      db.exec("COMMIT");
      return report;
    }
    db.exec("ROLLBACK");
    return { ...report, applied: false };
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function cancelled(): CairnError {
  return new CairnError("cancelled", "the import was cancelled; the project is unchanged");
}

interface ColumnPlan {
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
function planColumns(source: TableSource, mapping: ImportMapping, db: Db): ColumnPlan {
  const indexOf = (column: string): number => {
    const index = source.columns.indexOf(column);
    if (index < 0) {
      throw new CairnError(
        "bad_input",
        `${source.name} has no column "${column}"; its columns are ` +
          source.columns.map((c) => `"${c}"`).join(", "),
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
        `column "${column}" cannot be both the ${earlier} and the ${role}`,
      );
    }
    roles.set(column, role);
  };
  if (mapping.idColumn !== null) claim(mapping.idColumn, "respondent id");
  mapping.attributeColumns.forEach((c) => claim(c, "attribute"));
  mapping.questions.forEach((q) => claim(q.column, "question"));
  mapping.codeColumns.forEach((c) => claim(c.column, "code column"));
  if (mapping.long) {
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

interface QuestionTarget {
  readonly id: QuestionId;
  readonly index: number;
  readonly label: string;
}

interface WrittenAnswer {
  readonly id: AnswerId;
  readonly text: string;
}

/** The state of one import while rows stream through it. */
class ImportWriter {
  rows = 0;
  private readonly respondentIds: Map<string, number>;
  /** Where each id was seen (not the row: its cells would stay in memory). */
  private readonly seenIds = new Map<string, { line: number; file?: string }>();
  private nextPosition: number;
  private readonly questions: QuestionTarget[] = [];
  /** Questions by label: all of them, for a long export that names one per row. */
  private readonly questionIds: Map<string, QuestionId>;
  /** Respondents this import created, and those it has met (a long export meets each often). */
  private readonly created = new Set<number>();
  private readonly met = new Set<number>();
  /** Long exports: where each (respondent, question) was answered, to catch a repeat. */
  private readonly answeredAt = new Map<string, number>();
  private readonly attributeIds: { index: number; id: number; name: string }[];
  private readonly codeColumns: {
    index: number;
    column: string;
    question: string;
    coderId: CoderId;
  }[];
  private readonly codeIds: Map<string, CodeId>;
  private readonly placeholders: ReadonlySet<string>;
  private readonly decisions: ReadonlyMap<string, "keep" | "replace">;
  private readonly codeFormat: CodeCellFormat;
  private readonly createdAt: string;
  private codesCreated = 0;
  private colourIndex: number;
  private readonly warnings = new Map<string, { count: number; first: number }>();
  /** Listed conflicts: those left to the user first, so each Apply shows the next ones. */
  private readonly unsettledConflicts: ImportConflict[] = [];
  private readonly settledConflicts: ImportConflict[] = [];
  private conflictCount = 0;
  private unsettled = 0;
  private readonly counts = {
    respondents_added: 0,
    respondents_matched: 0,
    questions_added: 0,
    answers_added: 0,
    answers_unchanged: 0,
    answers_replaced: 0,
    segments_added: 0,
    segments_removed: 0,
    non_responses: 0,
  };

  constructor(
    private readonly db: Db,
    private readonly source: TableSource,
    private readonly plan: ColumnPlan,
    private readonly options: ImportOptions,
  ) {
    this.respondentIds = respondentIdsByExternalId(db);
    this.nextPosition = nextRespondentPosition(db);
    this.questionIds = questionIdsByLabel(db);
    for (const question of plan.questions) {
      const id = this.questionId(question.label, question.text);
      this.questions.push({ id, index: question.index, label: question.label });
    }
    this.attributeIds = plan.attributes.map((a) => ({
      index: a.index,
      name: a.name,
      id: ensureAttribute(db, a.name),
    }));
    this.codeColumns = plan.codeColumns.map((c) => ({
      index: c.index,
      column: c.column,
      question: c.question,
      coderId: ensureCoder(db, c.coder),
    }));
    this.codeIds = codeIdsByPath(db);
    this.colourIndex = countCodes(db);
    this.placeholders = nonResponseSet(options.mapping.nonResponses);
    this.decisions = new Map((options.decisions ?? []).map((d) => [d.key, d.choice]));
    this.codeFormat = {
      delimiter: options.mapping.codeDelimiter,
      separator: options.mapping.codeSeparator,
    };
    this.createdAt = (options.now ? options.now() : new Date()).toISOString();
  }

  write(row: SourceRow): void {
    const { cells, line } = row;
    const externalId = this.externalId(row);
    if (externalId === null) return;
    this.rows++;

    let respondentId = this.respondentIds.get(externalId);
    if (respondentId === undefined) {
      respondentId = insertRespondentAt(this.db, externalId, this.nextPosition++);
      this.respondentIds.set(externalId, respondentId);
      this.created.add(respondentId);
      this.counts.respondents_added++;
    } else if (!this.met.has(respondentId)) {
      this.counts.respondents_matched++;
    }
    const firstMeeting = !this.met.has(respondentId);
    this.met.add(respondentId);
    const respondent = respondentId as RespondentId;
    const isNew = this.created.has(respondentId);

    for (const attribute of this.attributeIds) {
      const value = (cells[attribute.index] ?? "").trim();
      if (value === "") continue;
      const existing =
        isNew && firstMeeting ? null : attributeValue(this.db, respondent, attribute.id);
      if (existing === value) continue;
      if (existing !== null && !firstMeeting) {
        // A long export repeats a respondent's attributes on every row: a row that
        // disagrees with an earlier one is the file's inconsistency, not a new wave.
        this.warn(
          `"${attribute.name}" differs between rows of one respondent; the first value was kept`,
          line,
        );
        continue;
      }
      if (existing !== null) {
        const key = attributeConflictKey(externalId, attribute.name);
        const choice = this.settle(key, {
          kind: "attribute",
          key,
          respondent: externalId,
          attribute: attribute.name,
          existing,
          incoming: value,
          line,
        });
        if (choice !== "replace") continue;
      }
      setRespondentAttribute(this.db, respondent, attribute.id, value);
    }

    const answers = new Map<string, WrittenAnswer | null>();
    for (const { question, cell } of this.answerCells(row, respondent)) {
      const text = normaliseAnswerText(cell);
      const status = detectAnswerStatus(text, this.placeholders);
      const existing = isNew ? undefined : findAnswer(this.db, respondent, question.id);
      if (!existing) {
        const id = insertAnswer(this.db, {
          respondentId: respondent,
          questionId: question.id,
          text,
          status,
        });
        this.counted(status);
        this.counts.answers_added++;
        answers.set(question.label, { id, text });
      } else if (existing.text === text) {
        this.counts.answers_unchanged++;
        answers.set(question.label, existing);
      } else {
        answers.set(
          question.label,
          this.conflict(externalId, question, existing, text, status, line),
        );
      }
    }

    for (const column of this.codeColumns) {
      const cell = cells[column.index] ?? "";
      if (cell.trim() === "") continue;
      // A long export's code columns code the row's one answer.
      const answer = this.plan.long ? [...answers.values()][0] : answers.get(column.question);
      if (!answer) continue; // an unsettled conflict: nothing is written anyway
      if (answer.text === "") {
        this.warn(`codes in column "${column.column}" for empty answers were skipped`, line);
        continue;
      }
      for (const path of parseCodeCell(cell, this.codeFormat)) {
        const outcome = addSegmentMerging(this.db, {
          answerId: answer.id,
          codeId: this.codeFor(path),
          coderId: column.coderId,
          start: 0,
          end: answer.text.length,
          memo: "",
          createdAt: this.createdAt,
        });
        if (outcome !== "unchanged") this.counts.segments_added++;
      }
    }
  }

  /** The row's answers: one per question column, or a long export's one answer. */
  private answerCells(
    row: SourceRow,
    respondent: RespondentId,
  ): { question: QuestionTarget; cell: string }[] {
    const long = this.plan.long;
    if (!long) {
      return this.questions.map((question) => ({
        question,
        cell: row.cells[question.index] ?? "",
      }));
    }
    const label = (row.cells[long.questionIndex] ?? "").replace(/\s+/g, " ").trim();
    if (label === "") {
      throw new CairnError(
        "bad_input",
        `${this.where(row)} names no question (column "${long.questionColumn}")`,
      );
    }
    const question = { id: this.questionId(label, label), index: long.answerIndex, label };
    const pair = `${respondent}\u0000${question.id}`;
    const earlier = this.answeredAt.get(pair);
    if (earlier !== undefined) {
      const id = (row.cells[this.plan.idIndex ?? -1] ?? "").trim();
      throw new CairnError(
        "bad_input",
        `${row.file ?? this.source.name}: respondent "${id}" answers "${label}" twice, ` +
          `on ${this.source.unit}s ${earlier} and ${row.line}`,
      );
    }
    this.answeredAt.set(pair, row.line);
    return [{ question, cell: row.cells[long.answerIndex] ?? "" }];
  }

  /** The question with this label, added (last) if the project does not have it yet. */
  private questionId(label: string, text: string): QuestionId {
    let id = this.questionIds.get(label);
    if (id === undefined) {
      id = insertQuestion(this.db, { label, text, section: "" });
      this.questionIds.set(label, id);
      this.counts.questions_added++;
    }
    return id;
  }

  /** The row's respondent id, or null for a row with nothing in it at all. */
  private externalId(row: SourceRow): string | null {
    if (this.plan.idIndex === null) {
      if (row.cells.every((cell) => cell.trim() === "")) return null;
      return String(this.rows + 1);
    }
    const id = (row.cells[this.plan.idIndex] ?? "").trim();
    if (id === "") {
      if (row.cells.every((cell) => cell.trim() === "")) return null;
      throw new CairnError(
        "bad_input",
        `${this.where(row)} has no respondent id (column "${this.options.mapping.idColumn}")`,
      );
    }
    if (this.plan.long) return id; // one row per answer: an id comes back on purpose
    const earlier = this.seenIds.get(id);
    if (earlier !== undefined) {
      const unit = this.source.unit;
      const places =
        earlier.file === row.file
          ? `${row.file ?? this.source.name}: duplicate respondent id "${id}" on ${unit}s ` +
            `${earlier.line} and ${row.line}`
          : `duplicate respondent id "${id}" in ${this.where(earlier)} and ${this.where(row)}`;
      throw new CairnError("bad_input", places);
    }
    this.seenIds.set(
      id,
      row.file === undefined ? { line: row.line } : { line: row.line, file: row.file },
    );
    return id;
  }

  /** "survey.csv: line 12", for messages. */
  private where(row: { line: number; file?: string }): string {
    return `${row.file ?? this.source.name}: ${this.source.unit} ${row.line}`;
  }

  private conflict(
    respondent: string,
    question: QuestionTarget,
    existing: WrittenAnswer,
    text: string,
    status: AnswerStatus,
    line: number,
  ): WrittenAnswer | null {
    const key = answerConflictKey(respondent, question.label);
    const segments = countSegmentsOfAnswer(this.db, existing.id);
    const choice = this.settle(key, {
      kind: "answer",
      key,
      respondent,
      question: question.label,
      existing: existing.text,
      incoming: text,
      segments,
      line,
    });
    if (choice === "keep") {
      this.counts.answers_unchanged++;
      return existing;
    }
    if (choice === "replace") {
      replaceAnswerText(this.db, existing.id, text, status);
      this.counted(status);
      this.counts.answers_replaced++;
      this.counts.segments_removed += segments;
      return { id: existing.id, text };
    }
    return null;
  }

  /** The user's choice for a conflict, or null when it is left for them to make. */
  private settle(key: string, conflict: ImportConflict): "keep" | "replace" | null {
    this.conflictCount++;
    const choice = this.decisions.get(key) ?? this.options.onConflict;
    if (choice === "fail") {
      this.unsettled++;
      if (this.unsettledConflicts.length < LIST_LIMIT) this.unsettledConflicts.push(conflict);
      return null;
    }
    if (this.settledConflicts.length < LIST_LIMIT) this.settledConflicts.push(conflict);
    return choice;
  }

  private codeFor(path: readonly string[]): CodeId {
    let parent: CodeId | null = null;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = codePathKey(path.slice(0, depth));
      let id = this.codeIds.get(key);
      if (id === undefined) {
        id = insertCode(this.db, {
          parentId: parent,
          name: path[depth - 1] as string,
          color: paletteColor(this.colourIndex++),
          description: "",
        });
        this.codeIds.set(key, id);
        this.codesCreated++;
      }
      parent = id;
    }
    return parent as CodeId;
  }

  private counted(status: AnswerStatus): void {
    if (status === "non_response") this.counts.non_responses++;
  }

  private warn(message: string, line: number): void {
    const entry = this.warnings.get(message);
    if (entry) entry.count++;
    else this.warnings.set(message, { count: 1, first: line });
  }

  report(): ImportReport {
    const unit = this.source.unit;
    const warnings = [
      ...this.source.warnings,
      ...[...this.warnings].map(
        ([message, { count, first }]) =>
          `${message} (${count} ${count === 1 ? "time" : "times"}, first at ${unit} ${first})`,
      ),
    ];
    const conflicts = [...this.unsettledConflicts, ...this.settledConflicts].slice(0, LIST_LIMIT);
    if (this.conflictCount > conflicts.length) {
      warnings.push(`${this.conflictCount} conflicts; the first ${conflicts.length} are listed`);
    }
    return {
      applied: this.unsettled === 0,
      ...this.counts,
      conflicts,
      conflicts_total: this.conflictCount,
      conflicts_unsettled: this.unsettled,
      codes_created: this.codesCreated,
      warnings: warnings.slice(0, LIST_LIMIT),
    };
  }
}
