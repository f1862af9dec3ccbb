/**
 * The crosstab's arithmetic: a code's respondents split by the values of one attribute
 * (DESIGN.md, "Definitions the numbers must follow"). Each column's pairs are counted as
 * the tally counts them (figures.ts), so a node counts the distinct respondents with a
 * segment of it or of any node below it, a respondent with two child codes once for
 * their category, and a row's total is the tally's n_respondents for the same scope.
 */
import type { Crosstab } from "../api/tally-api.ts";
import type { CodeId } from "../domain.ts";
import type { TallyTree } from "./code-tree.ts";
import { countNodes, fraction, splitPairs, type CodePairs } from "./figures.ts";

export interface CrosstabCounts {
  readonly tree: TallyTree;
  /**
   * By respondent id, the index of their value's column; -1 (or past the end) for a
   * respondent out of scope.
   */
  readonly columnOf: ArrayLike<number>;
  /** Per column, those who answered: the column percentages' denominators. */
  readonly answered: readonly number[];
  readonly pairs: CodePairs;
  /** Only this node and its subtree become rows; absent: the whole tree. */
  readonly within?: CodeId;
}

export type CrosstabRow = Crosstab["rows"][number];

/** Every node with at least one respondent in scope, in tree order. */
export function crosstabRows(counts: CrosstabCounts): CrosstabRow[] {
  const { tree, answered } = counts;
  const byColumn = splitPairs(counts.pairs, counts.columnOf, answered.length).map(
    (part) => countNodes(tree, part).respondents,
  );
  const root = counts.within === undefined ? -1 : tree.nodeOf(counts.within);
  const rows: CrosstabRow[] = [];
  for (const at of tree.order) {
    if (counts.within !== undefined && !tree.chains[at]!.includes(root)) continue;
    const cells = byColumn.map((respondents) => respondents[at]!);
    const total = cells.reduce((sum, n) => sum + n, 0);
    if (total === 0) continue;
    const up = tree.parent[at]!;
    rows.push({
      codeId: tree.ids[at] as CodeId,
      parentId: up < 0 ? null : (tree.ids[up] as CodeId),
      path: tree.paths[at]!,
      cells,
      pctOfAnswered: cells.map((n, column) => fraction(n, answered[column] ?? 0)),
      total,
    });
  }
  return rows;
}
