/**
 * A tally's code rows as a table shows them: sorted by a column while keeping the tree
 * (a code stays under its category; siblings are sorted among themselves). The figures
 * are written by shared/tally/percent.ts, as everywhere else.
 */
import type { TallyCode } from "../../../shared/api/tally-api.ts";
import type { CodeId } from "../../../shared/domain.ts";

export type TallyColumn = "code" | "respondents" | "pctOfAnswered" | "segments" | "pctOfSegments";
export type SortDirection = "ascending" | "descending";

/** A column and a direction; null: the codebook's own order. */
export type TallySort = { readonly column: TallyColumn; readonly direction: SortDirection } | null;

export interface TallyRow {
  readonly code: TallyCode;
  /** 0 for a top-level code, 1 under a category, ... */
  readonly depth: number;
  /** Some listed row sits under this one. */
  readonly hasChildren: boolean;
}

/**
 * The rows in tree order, or sorted by `sort` within each parent. Ties, and nulls
 * (a percentage without a denominator), keep the tree order, nulls last either way.
 * A row whose parent is not listed is shown at the top level.
 */
export function sortedRows(codes: readonly TallyCode[], sort: TallySort): TallyRow[] {
  const listed = new Set<CodeId>(codes.map((code) => code.codeId));
  const children = new Map<CodeId | null, TallyCode[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && listed.has(code.parentId) ? code.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(code);
    else children.set(parent, [code]);
  }
  const rows: TallyRow[] = [];
  const visit = (parent: CodeId | null, depth: number) => {
    const siblings = children.get(parent) ?? [];
    for (const code of sort === null ? siblings : sortSiblings(siblings, sort)) {
      rows.push({ code, depth, hasChildren: children.has(code.codeId) });
      visit(code.codeId, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

function sortSiblings(siblings: readonly TallyCode[], sort: NonNullable<TallySort>): TallyCode[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const indexed = siblings.map((code, index) => ({ code, index }));
  indexed.sort((a, b) => {
    const x = sortValue(a.code, sort.column);
    const y = sortValue(b.code, sort.column);
    if (x === null || y === null) {
      if (x === y) return a.index - b.index;
      return x === null ? 1 : -1;
    }
    const order =
      typeof x === "string" && typeof y === "string"
        ? x.localeCompare(y, undefined, { sensitivity: "base", numeric: true })
        : (x as number) - (y as number);
    return order === 0 ? a.index - b.index : sign * order;
  });
  return indexed.map((entry) => entry.code);
}

function sortValue(code: TallyCode, column: TallyColumn): string | number | null {
  switch (column) {
    case "code":
      return code.path[code.path.length - 1] ?? "";
    case "respondents":
      return code.nRespondents;
    case "pctOfAnswered":
      return code.pctOfAnswered;
    case "segments":
      return code.nSegments;
    case "pctOfSegments":
      return code.pctOfSegments;
  }
}

/**
 * The next sort when a column's header is clicked: numbers most first, names A to Z;
 * then the other way; then back to the codebook's order.
 */
export function nextSort(current: TallySort, column: TallyColumn): TallySort {
  const first: SortDirection = column === "code" ? "ascending" : "descending";
  if (current === null || current.column !== column) return { column, direction: first };
  if (current.direction === first) {
    return { column, direction: first === "ascending" ? "descending" : "ascending" };
  }
  return null;
}

/**
 * Segments of each listed node's siblings and itself, by parent: the denominator of
 * "% of segments". Nodes without a segment in scope are not listed and add nothing;
 * siblings' subtrees are disjoint, so the sum is the core's denominator exactly.
 */
export function siblingSegments(codes: readonly TallyCode[]): Map<CodeId | null, number> {
  const sums = new Map<CodeId | null, number>();
  for (const code of codes) {
    sums.set(code.parentId, (sums.get(code.parentId) ?? 0) + code.nSegments);
  }
  return sums;
}
