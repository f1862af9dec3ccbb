/**
 * How `cairn code`, `uncode` and `segments` print a coded passage: one JSON object per
 * segment for scripts, one line for people. `segments` streams: a million segments are
 * written as they are read, never collected first.
 */
import type { CodeId } from "../../../shared/domain.ts";
import type { SegmentListing } from "../db/segment-list.ts";
import { once } from "node:events";
import { processOutput, type Output } from "./output.ts";

/** The JSON shape of a segment on the command line (a contract: extend, never change). */
export interface SegmentJson {
  readonly id: number;
  /** The respondent's id in the survey (not the project's row id). */
  readonly respondent: string;
  /** The question's label, and its 1-based position in the questionnaire. */
  readonly question: string;
  readonly question_position: number;
  /** The code's path, top level first. */
  readonly code: readonly string[];
  readonly coder: string;
  /** UTF-16 code units into the answer's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The coded passage (the answer's text from start to end). */
  readonly text: string;
  readonly memo: string;
  readonly created_at: string;
}

export type CodePaths = ReadonlyMap<CodeId, readonly string[]>;

export function segmentJson(segment: SegmentListing, paths: CodePaths): SegmentJson {
  return {
    id: segment.id,
    respondent: segment.respondent,
    question: segment.question,
    question_position: segment.questionPosition,
    code: [...(paths.get(segment.codeId) ?? [])],
    coder: segment.coder,
    start: segment.start,
    end: segment.end,
    text: segment.text,
    memo: segment.memo,
    created_at: segment.createdAt,
  };
}

/** `#12 R7 · Q3 · Safety>Risk · Aoife · 4..18 "the passage"` */
export function segmentLine(segment: SegmentListing, paths: CodePaths): string {
  const code = (paths.get(segment.codeId) ?? []).join(">");
  const memo = segment.memo ? `  memo: ${JSON.stringify(segment.memo)}` : "";
  return (
    `#${segment.id} ${segment.respondent} · ${segment.question} · ${code} · ${segment.coder} · ` +
    `${segment.start}..${segment.end} ${JSON.stringify(segment.text)}${memo}`
  );
}

/**
 * Waits, when stdout is piped to a slower reader, until the reader has caught up: a
 * million segments would otherwise pile up in memory waiting to be written.
 */
export type Room = () => Promise<void>;

export function roomIn(output: Output): Room {
  if (output !== processOutput) return () => Promise.resolve();
  return async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, "drain");
  };
}

/**
 * Writes segments as they come: as one JSON array (laid out as `printJson` would) or a
 * line each. Lines go to the output in batches, not one write per segment.
 */
export async function streamSegments(
  output: Output,
  segments: Iterable<SegmentListing>,
  paths: CodePaths,
  json: boolean,
  room: Room = roomIn(output),
): Promise<number> {
  const lines = new LineBatch(output);
  let count = 0;
  // An array item is written once the next one shows whether it needs a comma.
  let previous: string | null = null;
  for (const segment of segments) {
    count++;
    if (json) {
      lines.add(previous === null ? "[" : `${previous},`);
      previous = "  " + JSON.stringify(segmentJson(segment, paths), null, 2).replace(/\n/g, "\n  ");
    } else {
      lines.add(segmentLine(segment, paths));
    }
    if (lines.full) {
      lines.flush();
      await room();
    }
  }
  if (json) {
    if (previous === null) lines.add("[]");
    else lines.add(previous, "]");
  }
  lines.flush();
  return count;
}

class LineBatch {
  private lines: string[] = [];
  private size = 0;

  constructor(private readonly output: Output) {}

  get full(): boolean {
    return this.size >= 64 * 1024;
  }

  add(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.size += line.length;
    }
  }

  flush(): void {
    if (this.lines.length > 0) this.output.out(this.lines.join("\n"));
    this.lines = [];
    this.size = 0;
  }
}
