/**
 * The chosen coders' segments as agreement reads them: (answer, code, coder, start, end)
 * per segment, in typed arrays through an aggregate function, `cairn_coding_rows`, as
 * db/pair-collector.ts does for three columns. Two coders over 100,000 answers can hold
 * a million segments: row objects for them would cost more than every statistic
 * computed from them, and one call per row with five values costs half of two reads
 * with three.
 *
 * One collector and one step function serve every connection, so that V8 keeps what it
 * learnt optimising them; reads are synchronous, so one cannot interleave with another.
 */
import type { CoderId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { grow, runCollecting } from "./pair-collector.ts";
import { jsonList, sql } from "./sql.ts";

/** One entry per segment, the same index in every array. */
export interface Codings {
  readonly length: number;
  readonly answers: Int32Array;
  readonly codes: Int32Array;
  readonly coders: Int32Array;
  /** Offsets (UTF-16 code units, end exclusive). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

class CodingRows {
  answers: Int32Array = new Int32Array(1024);
  codes: Int32Array = new Int32Array(1024);
  coders: Int32Array = new Int32Array(1024);
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  length = 0;

  push(answer: number, code: number, coder: number, start: number, end: number): void {
    if (this.length === this.answers.length) {
      this.answers = grow(this.answers);
      this.codes = grow(this.codes);
      this.coders = grow(this.coders);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    const at = this.length++;
    this.answers[at] = answer;
    this.codes[at] = code;
    this.coders[at] = coder;
    this.starts[at] = start;
    this.ends[at] = end;
  }
}

const collecting = new CodingRows();

function step(n: number, answer: number, code: number, coder: number, start: number, end: number) {
  collecting.push(answer, code, coder, start, end);
  return n + 1;
}

/**
 * The coders' segments, in id order (a scan of the table in rowid order). Spans are
 * always read: they ride on the same call per row.
 */
export function readCodings(db: Db, coderIds: readonly CoderId[]): Codings {
  collecting.length = 0;
  runCollecting(
    db,
    "cairn_coding_rows",
    step,
    sql`SELECT cairn_coding_rows(answer_id, code_id, coder_id, start, end) FROM segments NOT INDEXED
         WHERE coder_id IN (SELECT value FROM json_each(${jsonList(coderIds)}))`,
  );
  const { length } = collecting;
  return {
    length,
    answers: collecting.answers.slice(0, length),
    codes: collecting.codes.slice(0, length),
    coders: collecting.coders.slice(0, length),
    starts: collecting.starts.slice(0, length),
    ends: collecting.ends.slice(0, length),
  };
}
