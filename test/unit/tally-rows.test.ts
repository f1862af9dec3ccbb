import { describe, expect, it } from "vitest";
import type { TallyCode } from "../../shared/api/tally-api.ts";
import type { CodeId } from "../../shared/domain.ts";
import {
  nextSort,
  siblingSegments,
  sortedRows,
  type TallySort,
} from "../../renderer/src/tally/rows.ts";

/** A node with made-up figures: respondents n of 12 answered, segments s. */
function node(
  id: number,
  path: string[],
  parent: number | null,
  n: number,
  s: number,
  pctOfSegments: number | null = null,
): TallyCode {
  return {
    codeId: id as CodeId,
    parentId: parent === null ? null : (parent as CodeId),
    path,
    nRespondents: n,
    nSegments: s,
    pctOfAnswered: n / 12,
    pctOfSegments,
  };
}

// Tree order: Safety (Risk, Shelter, Helpline), Funding, Cooperation (Police).
const codes: TallyCode[] = [
  node(1, ["Safety"], null, 9, 14),
  node(2, ["Safety", "Risk"], 1, 3, 4),
  node(3, ["Safety", "Shelter"], 1, 7, 8),
  node(4, ["Safety", "Helpline"], 1, 2, 2),
  node(5, ["Funding"], null, 4, 4),
  node(6, ["Cooperation"], null, 10, 12),
  node(7, ["Cooperation", "Police"], 6, 10, 12),
];

const names = (sort: TallySort) =>
  sortedRows(codes, sort).map((row) => "  ".repeat(row.depth) + row.code.path.at(-1));

describe("a tally's rows on screen", () => {
  it("come in the codebook's order, codes indented under their category", () => {
    expect(names(null)).toEqual([
      "Safety",
      "  Risk",
      "  Shelter",
      "  Helpline",
      "Funding",
      "Cooperation",
      "  Police",
    ]);
    const rows = sortedRows(codes, null);
    expect(rows.filter((r) => r.hasChildren).map((r) => r.code.codeId)).toEqual([1, 6]);
  });

  it("sorted by respondents, most first, keep each code under its category", () => {
    expect(names({ column: "respondents", direction: "descending" })).toEqual([
      "Cooperation",
      "  Police",
      "Safety",
      "  Shelter",
      "  Risk",
      "  Helpline",
      "Funding",
    ]);
  });

  it("sorted by name run A to Z among siblings, and Z to A the other way", () => {
    expect(names({ column: "code", direction: "ascending" })).toEqual([
      "Cooperation",
      "  Police",
      "Funding",
      "Safety",
      "  Helpline",
      "  Risk",
      "  Shelter",
    ]);
    expect(names({ column: "code", direction: "descending" })[0]).toBe("Safety");
  });

  it("keep the codebook's order for ties, and put a missing percentage last", () => {
    const tied = [
      node(1, ["B"], null, 2, 2, null),
      node(2, ["A"], null, 2, 2, 0.5),
      node(3, ["C"], null, 5, 2, 0.5),
    ];
    const order = (sort: TallySort) => sortedRows(tied, sort).map((r) => r.code.path[0]);
    expect(order({ column: "segments", direction: "descending" })).toEqual(["B", "A", "C"]);
    expect(order({ column: "pctOfSegments", direction: "descending" })).toEqual(["A", "C", "B"]);
    expect(order({ column: "pctOfSegments", direction: "ascending" })).toEqual(["A", "C", "B"]);
  });

  it("show a code whose category is not listed at the top level", () => {
    const orphan = [node(2, ["Safety", "Risk"], 1, 3, 4)];
    expect(sortedRows(orphan, null).map((r) => r.depth)).toEqual([0]);
  });
});

describe("clicking a column's header", () => {
  it("sorts numbers most first, then fewest first, then back to the codebook's order", () => {
    let sort: TallySort = null;
    sort = nextSort(sort, "respondents");
    expect(sort).toEqual({ column: "respondents", direction: "descending" });
    sort = nextSort(sort, "respondents");
    expect(sort).toEqual({ column: "respondents", direction: "ascending" });
    expect(nextSort(sort, "respondents")).toBeNull();
  });

  it("sorts names A to Z first, and another column starts afresh", () => {
    expect(nextSort(null, "code")).toEqual({ column: "code", direction: "ascending" });
    expect(nextSort({ column: "code", direction: "ascending" }, "segments")).toEqual({
      column: "segments",
      direction: "descending",
    });
  });
});

describe("the denominator of % of segments", () => {
  it("adds up the segments of each node's siblings and itself, per parent", () => {
    const sums = siblingSegments([
      node(1, ["A"], null, 5, 10),
      node(2, ["A", "x"], 1, 3, 4),
      node(3, ["A", "y"], 1, 4, 6),
      node(4, ["B"], null, 2, 30),
    ]);
    expect(sums.get(null)).toBe(40);
    expect(sums.get(1 as CodeId)).toBe(10);
  });
});
