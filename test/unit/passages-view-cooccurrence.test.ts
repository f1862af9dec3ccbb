import { describe, expect, it } from "vitest";
import type { CooccurrenceTable } from "../../shared/api/retrieval-api.ts";
import type { CodeId } from "../../shared/domain.ts";
import {
  abbreviate,
  cooccurrenceRows,
  heat,
  largestPair,
} from "../../renderer/src/retrieval/cooccurrence.ts";

const table: CooccurrenceTable = {
  codes: [
    { codeId: 1 as CodeId, path: ["Safety"] },
    { codeId: 2 as CodeId, path: ["Safety", "Risk"] },
    { codeId: 3 as CodeId, path: ["Funding"] },
  ],
  cells: [
    [9, 4, 2],
    [4, 4, 1],
    [2, 1, 6],
  ],
};

describe("drawing the co-occurrence table", () => {
  it("indents codes under their category and marks the category", () => {
    expect(cooccurrenceRows(table).map((r) => [r.name, r.depth, r.isCategory])).toEqual([
      ["Safety", 0, true],
      ["Risk", 1, false],
      ["Funding", 0, false],
    ]);
  });

  it("shades pairs relative to the largest pair, not to the diagonal", () => {
    expect(largestPair(table)).toBe(4);
    expect(heat(4, 4)).toBe(1);
    expect(heat(1, 4)).toBe(0.25);
    expect(heat(0, 4)).toBe(0);
    expect(heat(3, 0)).toBe(0);
  });

  it("shortens long column headers with an ellipsis", () => {
    expect(abbreviate("Funding")).toBe("Funding");
    expect(abbreviate("Multi-agency cooperation with police", 18)).toBe("Multi-agency coop…");
  });
});
