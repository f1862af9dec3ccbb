/**
 * How the co-occurrence table is drawn: each code's row with its depth and whether it is
 * a category, short column labels, and the heat of a cell. Pure.
 */
import type { CooccurrenceTable } from "../../../shared/api/retrieval-api.ts";
import type { CodeId } from "../../../shared/domain.ts";

export interface CooccurrenceRow {
  readonly codeId: CodeId;
  readonly path: readonly string[];
  readonly name: string;
  readonly depth: number;
  /** Has codes below it in the table: its counts cover the whole subtree. */
  readonly isCategory: boolean;
  readonly cells: readonly number[];
}

export function cooccurrenceRows(table: CooccurrenceTable): CooccurrenceRow[] {
  return table.codes.map((code, i) => {
    const next = table.codes[i + 1];
    return {
      codeId: code.codeId,
      path: code.path,
      name: code.path[code.path.length - 1] ?? "",
      depth: Math.max(0, code.path.length - 1),
      isCategory: next !== undefined && isBelow(next.path, code.path),
      cells: table.cells[i] ?? [],
    };
  });
}

function isBelow(path: readonly string[], ancestor: readonly string[]): boolean {
  return path.length > ancestor.length && ancestor.every((name, i) => path[i] === name);
}

/**
 * The largest count off the diagonal, which the heat is relative to: the diagonal (the
 * respondents with a code at all) would dwarf every pair.
 */
export function largestPair(table: CooccurrenceTable): number {
  let max = 0;
  table.cells.forEach((row, i) =>
    row.forEach((value, j) => {
      if (i !== j && value > max) max = value;
    }),
  );
  return max;
}

/** A cell's shade from 0 (none) to 1 (the largest pair); a zero cell has none at all. */
export function heat(value: number, largest: number): number {
  if (value <= 0 || largest <= 0) return 0;
  return Math.min(1, value / largest);
}

/** A column header short enough to stand above a narrow column ("Multi-agency co…"). */
export function abbreviate(name: string, max = 18): string {
  const chars = [...name];
  return chars.length <= max
    ? name
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
