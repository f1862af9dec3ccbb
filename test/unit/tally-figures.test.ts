import { describe, expect, it } from "vitest";
import { indexTree, type TreeCode } from "../../shared/tally/code-tree.ts";
import {
  countNodes,
  fraction,
  nodeFigures,
  splitPairs,
  type CodePairs,
} from "../../shared/tally/figures.ts";
import { applyRespondentChange } from "../../shared/tally/updates.ts";

/** Safety(1) > Risk(2), Support(3) > Hotline(6); Funding(4); Standards(5), listed by id. */
const CODES: TreeCode[] = [
  { id: 1, parentId: null, name: "Safety", position: 0 },
  { id: 2, parentId: 1, name: "Risk", position: 1 },
  { id: 3, parentId: 1, name: "Support", position: 0 },
  { id: 4, parentId: null, name: "Funding", position: 2 },
  { id: 5, parentId: null, name: "Standards", position: 1 },
  { id: 6, parentId: 3, name: "Hotline", position: 0 },
];

function pairs(list: [respondent: number, code: number][]): CodePairs {
  return {
    respondents: Int32Array.from(list, ([r]) => r),
    codes: Int32Array.from(list, ([, c]) => c),
    length: list.length,
  };
}

/** Figures by path: [n_respondents, n_segments, pct_of_answered, pct_of_segments]. */
function figures(list: [number, number][], answered: number) {
  const tree = indexTree(CODES);
  return nodeFigures(tree, countNodes(tree, pairs(list)), answered).map((row) => [
    row.path.join(">"),
    row.nRespondents,
    row.nSegments,
    row.pctOfAnswered,
    row.pctOfSegments,
  ]);
}

describe("the code tree", () => {
  it("lists nodes parents first, siblings by position, with their paths", () => {
    const tree = indexTree(CODES);
    expect(tree.order.map((at) => tree.paths[at]!.join(">"))).toEqual([
      "Safety",
      "Safety>Support",
      "Safety>Support>Hotline",
      "Safety>Risk",
      "Standards",
      "Funding",
    ]);
    expect(tree.nodeOf(6)).toBe(5);
    expect(tree.nodeOf(99)).toBe(-1);
  });

  it("keeps its shape key through renames and reorders, not moves", () => {
    const key = indexTree(CODES).shapeKey;
    const renamed = CODES.map((c) => (c.id === 2 ? { ...c, name: "Danger", position: 5 } : c));
    expect(indexTree(renamed).shapeKey).toBe(key);
    const moved = CODES.map((c) => (c.id === 6 ? { ...c, parentId: 2 } : c));
    expect(indexTree(moved).shapeKey).not.toBe(key);
  });
});

describe("figures from segments", () => {
  it("counts a respondent with two sibling codes once for their category", () => {
    // Respondent 7: Risk and Hotline (under Support); respondent 8: Support.
    expect(
      figures(
        [
          [7, 2],
          [7, 6],
          [8, 3],
        ],
        4,
      ),
    ).toEqual([
      ["Safety", 2, 3, 2 / 4, 1],
      ["Safety>Support", 2, 2, 2 / 4, 2 / 3],
      ["Safety>Support>Hotline", 1, 1, 1 / 4, 1],
      ["Safety>Risk", 1, 1, 1 / 4, 1 / 3],
    ]);
  });

  it("shares segments among top-level siblings and leaves out nodes without any", () => {
    // Respondent 1 has Funding three times: three segments, one respondent.
    expect(
      figures(
        [
          [1, 4],
          [1, 4],
          [1, 4],
          [2, 2],
        ],
        2,
      ),
    ).toEqual([
      ["Safety", 1, 1, 1 / 2, 1 / 4],
      ["Safety>Risk", 1, 1, 1 / 2, 1],
      ["Funding", 1, 3, 1 / 2, 3 / 4],
    ]);
  });

  it("gives null where nobody answered, and nothing without segments", () => {
    expect(figures([[3, 5]], 0)).toEqual([["Standards", 1, 1, null, 1]]);
    expect(figures([], 10)).toEqual([]);
    expect(fraction(3, 0)).toBeNull();
  });

  it("counts the same in any order, and skips codes not in the tree", () => {
    const list: [number, number][] = [
      [5, 2],
      [1, 3],
      [5, 6],
      [1, 2],
      [40, 99],
      [5, 2],
    ];
    const byRespondent = [...list].sort((a, b) => a[0] - b[0]);
    expect(figures([...list].reverse(), 3)).toEqual(figures(list, 3));
    expect(figures(byRespondent, 3)).toEqual(figures(list, 3));
    expect(figures(list, 3)[0]).toEqual(["Safety", 2, 5, 2 / 3, 1]);
  });

  it("splits each node's respondents by a column of theirs", () => {
    const tree = indexTree(CODES);
    const columnOf = Array.from({ length: 70 }, (_, r) => (r === 33 ? 0 : r === 64 ? 1 : -1));
    const parts = splitPairs(
      pairs([
        [64, 6],
        [33, 2],
        [1, 2],
        [64, 3],
      ]),
      columnOf,
      2,
    );
    const [first, second] = parts.map((part) => countNodes(tree, part).respondents);
    expect([first![tree.nodeOf(1)], second![tree.nodeOf(1)]]).toEqual([1, 1]);
    expect([first![tree.nodeOf(6)], second![tree.nodeOf(6)]]).toEqual([0, 1]);
  });
});

describe("bringing counts up to date", () => {
  it("matches a fresh count after a respondent gains and loses codes", () => {
    const tree = indexTree(CODES);
    const before: [number, number][] = [
      [1, 2],
      [1, 3],
      [2, 3],
    ];
    const counts = countNodes(tree, pairs(before));
    // Respondent 1 loses Risk and gains Hotline twice: now Support once, Hotline twice.
    const ok = applyRespondentChange(
      tree,
      counts,
      new Map([
        [3, 1],
        [6, 2],
      ]),
      new Map([
        [2, -1],
        [6, 2],
      ]),
    );
    expect(ok).toBe(true);
    const after = countNodes(
      tree,
      pairs([
        [1, 3],
        [1, 6],
        [1, 6],
        [2, 3],
      ]),
    );
    expect(counts).toEqual(after);
  });

  it("refuses a code the tree does not have", () => {
    const tree = indexTree(CODES);
    const counts = countNodes(tree, pairs([]));
    expect(applyRespondentChange(tree, counts, new Map([[99, 1]]), new Map([[99, 1]]))).toBe(false);
  });
});
