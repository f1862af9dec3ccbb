/**
 * The Segments table's rows from SQLite in the order the table lists them: question
 * position, respondent position, then within an answer start, code (tree order) and
 * coder (name order).
 *
 * Read in complete pages, never through a cursor: an export awaits its file between
 * batches, and while a better-sqlite3 cursor is open every other statement on the
 * connection throws "This database connection is busy executing a query", so a tally or
 * an answer list the user asks for meanwhile would fail. A page is the next few hundred
 * coded answers of a question after the last respondent position read (keyset, on the
 * respondents' position index), then their segments by the answer index; each answer's
 * few segments are sorted here.
 *
 * Offsets are as stored: UTF-16 code units into the answer's text, end exclusive.
 */
import type { CoderId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { jsonList, sql } from "./sql.ts";
import { statement } from "./statements.ts";
import { passes, type TallyFilter } from "./tally.ts";

/** A segment: answer id, code id, coder id, start, end, memo, created. */
export type SegmentRaw = [number, number, number, number, number, string, string];
export const SEG = { answer: 0, code: 1, coder: 2, start: 3, end: 4, memo: 5, created: 6 } as const;

/** One coded answer of a page with its segments in table order. */
export interface ExportAnswerSegments {
  readonly answerId: number;
  readonly respondentId: number;
  readonly questionId: number;
  readonly text: string;
  readonly segments: SegmentRaw[];
}

/** Answers per page: a few thousand segments in a well-coded survey. */
export const PAGE_ANSWERS = 500;

type AnswerRaw = [number, number, number, string];

/**
 * The pages of the coding (a coder, or every coder) for the respondents the filter lets
 * through. `ranks` order ties on start: code, then coder (a missing id sorts by itself).
 * Each `next()` reads one page completely; nothing stays open between calls.
 */
export class ExportSegmentPages {
  private readonly questions: number[];
  private question = 0;
  private after = 0;

  constructor(
    private readonly db: Db,
    private readonly coderId: CoderId | null,
    private readonly filter: TallyFilter,
    private readonly ranks: {
      readonly code: ReadonlyMap<number, number>;
      readonly coder: ReadonlyMap<number, number>;
    },
    private readonly pageAnswers = PAGE_ANSWERS,
  ) {
    this.questions = statement(db, "SELECT id FROM questions ORDER BY position")
      .pluck()
      .all() as number[];
  }

  /** The next page's coded answers (never empty), or null when every page was read. */
  next(): ExportAnswerSegments[] | null {
    while (this.question < this.questions.length) {
      const questionId = this.questions[this.question]!;
      const answers = this.answerPage(questionId);
      if (answers.length < this.pageAnswers) {
        this.question++;
        this.after = 0;
      } else {
        this.after = answers[answers.length - 1]![2];
      }
      if (answers.length > 0) return this.withSegments(questionId, answers);
    }
    return null;
  }

  /** Up to a page of the question's coded answers after the last position read. */
  private answerPage(questionId: number): AnswerRaw[] {
    const query = sql`
      SELECT a.id, r.id, r.position, a.text
        FROM respondents r CROSS JOIN answers a
       WHERE r.position > ${this.after} AND a.respondent_id = r.id
         AND a.question_id = ${questionId}
         AND EXISTS (SELECT 1 FROM segments s WHERE s.answer_id = a.id
                       AND (${this.coderId} IS NULL OR s.coder_id = ${this.coderId}))
         AND ${passes(this.filter, sql`r.id`)}
       ORDER BY r.position LIMIT ${this.pageAnswers}`;
    return statement(this.db, query.text)
      .raw()
      .all(...query.params) as AnswerRaw[];
  }

  private withSegments(questionId: number, answers: AnswerRaw[]): ExportAnswerSegments[] {
    const query = sql`
      SELECT s.answer_id, s.code_id, s.coder_id, s.start, s."end", s.memo, s.created_at
        FROM segments s
       WHERE s.answer_id IN (SELECT value FROM json_each(${jsonList(answers.map((a) => a[0]))}))
         AND (${this.coderId} IS NULL OR s.coder_id = ${this.coderId})`;
    const rows = statement(this.db, query.text)
      .raw()
      .all(...query.params) as SegmentRaw[];
    const at = new Map<number, number>();
    const page = answers.map(([answerId, respondentId, , text], i) => {
      at.set(answerId, i);
      return { answerId, respondentId, questionId, text, segments: [] as SegmentRaw[] };
    });
    for (const row of rows) page[at.get(row[SEG.answer])!]!.segments.push(row);
    const { code, coder } = this.ranks;
    const byTableOrder = (x: SegmentRaw, y: SegmentRaw): number =>
      x[SEG.start] - y[SEG.start] ||
      (code.get(x[SEG.code]) ?? x[SEG.code]) - (code.get(y[SEG.code]) ?? y[SEG.code]) ||
      (coder.get(x[SEG.coder]) ?? x[SEG.coder]) - (coder.get(y[SEG.coder]) ?? y[SEG.coder]);
    for (const answer of page) {
      if (answer.segments.length > 1) answer.segments.sort(byTableOrder);
    }
    return page;
  }
}
