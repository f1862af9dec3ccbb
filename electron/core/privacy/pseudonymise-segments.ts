/**
 * Moving an answer's coded passages onto its pseudonymised text (in the copy). Edges
 * follow shared/text/pseudonymise-anchor.ts; two passages of one coder and code that
 * now overlap (both edges snapped into the same pseudonym) become one, as coding the
 * same words twice does in the app, their notes kept together.
 */
import { reanchor, moved } from "../../../shared/text/pseudonymise-anchor.ts";
import type { PseudonymEdit } from "../../../shared/text/pseudonymise.ts";
import {
  deleteSegment,
  segmentsOfAnswer,
  setSegmentSpan,
  type SegmentSpanRow,
} from "../db/pseudonymise-answers.ts";
import type { Db } from "../db/project-file.ts";

interface Placed {
  readonly id: number;
  readonly group: string;
  start: number;
  end: number;
  memo: string;
  readonly changed: boolean;
}

/** Re-anchors the answer's segments; returns how many moved. */
export function reanchorSegments(
  db: Db,
  answerId: number,
  edits: readonly PseudonymEdit[],
): number {
  const rows = segmentsOfAnswer(db, answerId);
  let movedCount = 0;
  const placed: Placed[] = rows.map((row: SegmentSpanRow) => {
    const span = reanchor(edits, row);
    const changed = moved(row, span);
    if (changed) movedCount++;
    return { id: row.id, group: `${row.coderId}:${row.codeId}`, ...span, memo: row.memo, changed };
  });
  // Rows come by coder, code, then start: overlaps can only be with the passage before.
  let current: Placed | null = null;
  let currentMerged = false;
  const flush = () => {
    if (current && (current.changed || currentMerged)) setSegmentSpan(db, current.id, current);
  };
  for (const next of placed) {
    if (current && current.group === next.group && next.start < current.end) {
      current.end = Math.max(current.end, next.end);
      current.memo = joinMemos(current.memo, next.memo);
      currentMerged = true;
      deleteSegment(db, next.id);
      continue;
    }
    flush();
    current = next;
    currentMerged = false;
  }
  flush();
  return movedCount;
}

function joinMemos(a: string, b: string): string {
  if (b === "" || a === b) return a;
  return a === "" ? b : `${a}\n\n${b}`;
}
