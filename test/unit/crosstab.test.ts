import { describe, expect, it } from "vitest";
import { crosstabRows } from "../../shared/tally/crosstab.ts";
import { indexTree } from "../../shared/tally/code-tree.ts";
import type { CodeId } from "../../shared/domain.ts";

/** Harm (Theft, Violence (Physical)), Help. */
const TREE = indexTree([
  { id: 1, parentId: null, name: "Harm", position: 0 },
  { id: 2, parentId: 1, name: "Theft", position: 0 },
  { id: 3, parentId: 1, name: "Violence", position: 1 },
  { id: 4, parentId: 3, name: "Physical", position: 0 },
  { id: 5, parentId: null, name: "Help", position: 1 },
]);

/** Respondents 10, 11 in column 0; 20 in column 1; 30 (and anyone else) out of scope. */
const COLUMN_OF = Array.from({ length: 31 }, (_, id) =>
  id === 10 || id === 11 ? 0 : id === 20 ? 1 : -1,
);

/** (respondent, code) pairs as the database layer hands them over. */
function pairs(...list: [number, number][]) {
  return {
    respondents: Int32Array.from(list, ([respondent]) => respondent),
    codes: Int32Array.from(list, ([, code]) => code),
    length: list.length,
  };
}

describe("crosstab rows", () => {
  it("counts a respondent once for a category however many of its codes they have", () => {
    const rows = crosstabRows({
      tree: TREE,
      columnOf: COLUMN_OF,
      answered: [2, 1],
      pairs: pairs(
        [10, 2],
        [20, 2],
        [10, 4],
        [11, 3],
        [10, 4], // the same pair again, after others: still one respondent
        [30, 5], // out of scope: no row for Help
      ),
    });
    expect(rows.map((row) => [row.path.join(">"), row.cells, row.total])).toEqual([
      ["Harm", [2, 1], 3],
      ["Harm>Theft", [1, 1], 2],
      ["Harm>Violence", [2, 0], 2],
      ["Harm>Violence>Physical", [1, 0], 1],
    ]);
    expect(rows[0]?.pctOfAnswered).toEqual([1, 1]);
    expect(rows[3]?.pctOfAnswered).toEqual([0.5, 0]);
  });

  it("gives null percentages in a column where nobody answered", () => {
    const rows = crosstabRows({
      tree: TREE,
      columnOf: COLUMN_OF,
      answered: [0, 1],
      pairs: pairs([10, 5]),
    });
    expect(rows).toEqual([
      {
        codeId: 5,
        parentId: null,
        path: ["Help"],
        cells: [1, 0],
        pctOfAnswered: [null, 0],
        total: 1,
      },
    ]);
  });

  it("keeps only the chosen node and its subtree as rows, counting the same way", () => {
    const rows = crosstabRows({
      tree: TREE,
      columnOf: COLUMN_OF,
      answered: [2, 1],
      pairs: pairs([10, 4], [11, 2], [20, 5]),
      within: 3 as CodeId,
    });
    expect(rows.map((row) => [row.path.join(">"), row.cells])).toEqual([
      ["Harm>Violence", [1, 0]],
      ["Harm>Violence>Physical", [1, 0]],
    ]);
  });
});
