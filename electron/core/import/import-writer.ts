/**
 * The row writer: the state of one import while rows stream through it. Each row adds or
 * matches its respondent, then its attributes (attribute-writer.ts), answers (here, with
 * their conflicts) and codes (code-writer.ts) are written; `report()` sums it all up.
 * It runs inside `runImport`'s transaction.
 */
import {
  detectAnswerStatus,
  nonResponseSet,
  normaliseAnswerText,
} from "../../../shared/answers/status.ts";
import type { AnswerStatus, QuestionId, RespondentId } from "../../../shared/domain.ts";
import { answerConflictKey, type ImportReport } from "../../../shared/import/mapping.ts";
import {
  countSegmentsOfAnswer,
  findAnswer,
  insertAnswer,
  replaceAnswerText,
} from "../db/answers.ts";
import type { Db } from "../db/project-file.ts";
import { insertQuestion, questionIdsByLabel } from "../db/questions.ts";
import {
  insertRespondentAt,
  nextRespondentPosition,
  respondentIdsByExternalId,
} from "../db/respondents.ts";
import { AttributeWriter } from "./attribute-writer.ts";
import { CodeWriter, type WrittenAnswer } from "./code-writer.ts";
import type { ColumnPlan } from "./column-plan.ts";
import { Conflicts, LIST_LIMIT } from "./conflicts.ts";
import { RowIdentity } from "./row-identity.ts";
import type { ImportOptions } from "./run-import.ts";
import type { SourceRow, TableSource } from "./sources/table.ts";
import { RowWarnings } from "./warnings.ts";

interface QuestionTarget {
  readonly id: QuestionId;
  readonly index: number;
  readonly label: string;
}

/** The state of one import while rows stream through it. */
export class ImportWriter {
  rows = 0;
  private readonly respondentIds: Map<string, number>;
  private readonly identity: RowIdentity;
  private nextPosition: number;
  private readonly questions: QuestionTarget[] = [];
  /** Questions by label: all of them, for a long export that names one per row. */
  private readonly questionIds: Map<string, QuestionId>;
  /** Respondents this import created, and those it has met (a long export meets each often). */
  private readonly created = new Set<number>();
  private readonly met = new Set<number>();
  private readonly attributes: AttributeWriter;
  private readonly codes: CodeWriter;
  private readonly placeholders: ReadonlySet<string>;
  private readonly conflicts: Conflicts;
  private readonly warnings = new RowWarnings();
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
    options: ImportOptions,
  ) {
    this.identity = new RowIdentity(source, plan, options.mapping.idColumn);
    this.conflicts = new Conflicts(options.decisions, options.onConflict);
    this.respondentIds = respondentIdsByExternalId(db);
    this.nextPosition = nextRespondentPosition(db);
    this.questionIds = questionIdsByLabel(db);
    for (const question of plan.questions) {
      const id = this.questionId(question.label, question.text);
      this.questions.push({ id, index: question.index, label: question.label });
    }
    this.attributes = new AttributeWriter(
      db,
      plan.attributes,
      this.conflicts,
      this.warnings,
      plan.long !== null,
    );
    this.codes = new CodeWriter(
      db,
      plan,
      { delimiter: options.mapping.codeDelimiter, separator: options.mapping.codeSeparator },
      (options.now ? options.now() : new Date()).toISOString(),
      this.warnings,
    );
    this.placeholders = nonResponseSet(options.mapping.nonResponses);
  }

  write(row: SourceRow): void {
    const { cells, line } = row;
    const externalId = this.identity.externalId(row, this.rows);
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
    this.met.add(respondentId);
    const respondent = respondentId as RespondentId;
    const isNew = this.created.has(respondentId);

    this.attributes.write(cells, line, externalId, respondent, isNew);

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

    this.counts.segments_added += this.codes.write(cells, line, answers, (at) =>
      this.identity.where({ line: at, ...(row.file === undefined ? {} : { file: row.file }) }),
    );
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
    const label = this.identity.questionLabel(row, long);
    const question = { id: this.questionId(label, label), index: long.answerIndex, label };
    this.identity.checkAnsweredOnce(row, respondent, question.id, label);
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
    const choice = this.conflicts.settle(key, {
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
      return { ...existing, kept: true };
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

  private counted(status: AnswerStatus): void {
    if (status === "non_response") this.counts.non_responses++;
  }

  report(): ImportReport {
    const warnings = [...this.source.warnings, ...this.warnings.lines(this.source.unit)];
    const conflicts = this.conflicts.report();
    if (conflicts.warning !== null) warnings.push(conflicts.warning);
    return {
      applied: this.conflicts.allSettled,
      ...this.counts,
      ...conflicts.fields,
      codes_created: this.codes.codesCreated,
      warnings: warnings.slice(0, LIST_LIMIT),
    };
  }
}
