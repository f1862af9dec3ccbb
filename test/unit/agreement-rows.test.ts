import { describe, expect, it } from "vitest";
import type { CoderId } from "../../shared/domain.ts";
import { defined, undefinedBecause } from "../../shared/agreement/statistic.ts";
import {
  coefficientCell,
  coefficientText,
  percentCell,
} from "../../renderer/src/agreement/cells.ts";
import { answerColumns, segmentColumns } from "../../renderer/src/agreement/columns.ts";
import {
  answerRows,
  footnotes,
  POOLED_LABEL,
  segmentRows,
} from "../../renderer/src/agreement/rows.ts";
import { NEITHER, REPORT, TREE } from "./agreement-rows.fixture.ts";

describe("the agreement table's rows", () => {
  it("lists the pooled row first, then the codes in the codebook's order, indented", () => {
    const rows = answerRows(REPORT, TREE);
    expect(rows.map((r) => [r.name, r.depth, r.category, r.pooled])).toEqual([
      [POOLED_LABEL, 0, false, true],
      ["Safety", 0, true, false],
      ["Risk", 1, false, false],
      ["Planning", 1, false, false],
      ["Training", 0, false, false],
    ]);
  });

  it("keeps a code the codebook no longer has, at the end, rather than dropping its figures", () => {
    const rows = answerRows(REPORT, [TREE[1]!]);
    expect(rows.map((r) => r.name)).toEqual([
      POOLED_LABEL,
      "Training",
      "Risk",
      "Safety",
      "Planning",
    ]);
  });

  it("marks categories at segment level from the codebook", () => {
    const rows = segmentRows(REPORT, TREE);
    expect(rows?.map((r) => [r.name, r.category])).toEqual([
      [POOLED_LABEL, false],
      ["Safety", true],
      ["Risk", false],
    ]);
  });

  it("has no segment rows for more than two coders", () => {
    expect(segmentRows({ ...REPORT, segmentLevel: null }, TREE)).toBeNull();
  });
});

describe("the agreement table's columns", () => {
  it("names the one-sided counts after the coders, for two coders", () => {
    expect(answerColumns(REPORT.coders).map((c) => c.title)).toEqual([
      "Units",
      "Both",
      "Only Aoife",
      "Only Ben",
      "Neither",
      "% agreement",
      "Cohen's κ",
      "Krippendorff's α",
      "Brennan & Prediger",
    ]);
  });

  it("gives all agree, mean pairwise agreement and Fleiss' kappa for three coders", () => {
    const three = [...REPORT.coders, { id: 3 as CoderId, name: "Cara" }];
    expect(answerColumns(three).map((c) => c.title)).toEqual([
      "Units",
      "All agree",
      "% agreement (mean pairwise)",
      "Fleiss' κ",
      "Krippendorff's α",
      "Brennan & Prediger",
    ]);
  });

  it("shows a segment count with each coder's share", () => {
    const [segments] = segmentColumns(REPORT.coders);
    expect(segments?.title).toBe("Segments (Aoife / Ben)");
    expect(segments?.cell(REPORT.segmentLevel!.pooled).text).toBe("4 (2 / 2)");
  });

  it("reads the pooled figures of the hand-made report", () => {
    const pooled = answerRows(REPORT, TREE)[0]!;
    const cells = answerColumns(REPORT.coders).map((c) => c.cell(pooled.figures).text);
    expect(cells).toEqual(["9", "2", "1", "1", "5", "78%", "0.33", "0.33", "0.56"]);
  });
});

describe("a coefficient as the table writes it", () => {
  it("has two decimals on screen, three in the tooltip and the copy, and a true minus", () => {
    const cell = coefficientCell({ ...defined(-0.123456), interval: null });
    expect([cell.text, cell.copy, cell.detail]).toEqual(["\u22120.12", -0.123, "\u22120.123"]);
  });

  it("writes no sign on a value that rounds to zero", () => {
    expect(coefficientText(-0.001)).toBe("0.00");
  });

  it("carries its bootstrap interval", () => {
    const cell = coefficientCell({
      ...defined(0.617),
      interval: { low: 0.412, high: 0.803, level: 0.95, resamples: 1000, defined: 987 },
    });
    expect(cell.text).toBe("0.62");
    expect(cell.detail).toBe(
      "0.617, 95% interval [0.412, 0.803] (bootstrap over answers: 987 of 1,000 resamples defined)",
    );
  });

  it("is a dash with its reason when undefined, never 0, 1 or NaN", () => {
    const cell = coefficientCell({ ...undefinedBecause(NEITHER), interval: null });
    expect([cell.text, cell.copy, cell.reason]).toEqual(["—", null, NEITHER]);
  });

  it("writes a percent as every share in Cairn is written", () => {
    expect(percentCell(defined(2 / 3)).text).toBe("67%");
    expect(percentCell(defined(0.145)).text).toBe("15%");
  });
});

describe("the footnotes under the table", () => {
  it("number each distinct reason once, in the order a reader meets them", () => {
    const rows = answerRows(REPORT, TREE);
    const notes = footnotes(rows, answerColumns(REPORT.coders));
    expect([...notes]).toEqual([[NEITHER, 1]]);
  });
});
