import { describe, expect, it } from "vitest";
import { RowSizes, rowWindow } from "../../renderer/src/grid/row-sizes.ts";

/** Where each row starts, the slow way: to check the tree against. */
function offsets(heights: readonly number[]): number[] {
  const starts = [0];
  for (const height of heights) starts.push(starts.at(-1)! + height);
  return starts;
}

describe("the heights of a long list's rows", () => {
  it("places rows not measured yet at the estimate", () => {
    const sizes = new RowSizes(100_000, 160);
    expect(sizes.offsetOf(0)).toBe(0);
    expect(sizes.offsetOf(1000)).toBe(160_000);
    expect(sizes.total()).toBe(16_000_000);
    expect(sizes.sizeOf(5)).toBe(160);
    expect(sizes.isMeasured(5)).toBe(false);
  });

  it("moves every row below a measured one by the difference, and only those", () => {
    const sizes = new RowSizes(10, 100);
    expect(sizes.set(3, 250)).toBe(150);
    expect(sizes.offsetOf(3)).toBe(300);
    expect(sizes.offsetOf(4)).toBe(550);
    expect(sizes.total()).toBe(1150);
    expect(sizes.set(3, 250)).toBe(0);
    expect(sizes.isMeasured(3)).toBe(true);
  });

  it("agrees with a running sum for any mix of measured rows", () => {
    const count = 1000;
    const heights = Array.from({ length: count }, () => 120);
    const sizes = new RowSizes(count, 120);
    let seed = 7;
    for (let step = 0; step < 500; step++) {
      seed = (seed * 48_271) % 2_147_483_647;
      const index = seed % count;
      const height = 40 + (seed % 400);
      heights[index] = height;
      sizes.set(index, height);
    }
    const expected = offsets(heights);
    for (const index of [0, 1, 2, 511, 512, 513, 999, 1000]) {
      expect(sizes.offsetOf(index)).toBe(expected[index]);
    }
  });

  it("finds the row at a height, a row's own top included, its bottom not", () => {
    const sizes = new RowSizes(5, 100);
    sizes.set(1, 50);
    // Rows start at 0, 100, 150, 250, 350; the list ends at 450.
    expect(sizes.indexAt(0)).toBe(0);
    expect(sizes.indexAt(99.5)).toBe(0);
    expect(sizes.indexAt(100)).toBe(1);
    expect(sizes.indexAt(149)).toBe(1);
    expect(sizes.indexAt(150)).toBe(2);
    expect(sizes.indexAt(449)).toBe(4);
    expect(sizes.indexAt(10_000)).toBe(4);
    expect(sizes.indexAt(-20)).toBe(0);
    expect(new RowSizes(0, 100).indexAt(0)).toBe(-1);
  });

  it("keeps what was measured when the list grows or shrinks", () => {
    const sizes = new RowSizes(10, 100);
    sizes.set(2, 300);
    sizes.set(8, 10);
    const shorter = sizes.resized(5);
    expect(shorter.total()).toBe(700);
    expect(shorter.isMeasured(2)).toBe(true);
    const longer = sizes.resized(12);
    expect(longer.total()).toBe(1200 + 200 - 90);
  });

  it("refuses an estimate that is not a height", () => {
    expect(() => new RowSizes(10, 0)).toThrow(/estimate must be positive/);
  });
});

describe("the rows to render for a viewport", () => {
  it("takes the rows that meet the viewport and the overscan around it", () => {
    const sizes = new RowSizes(100_000, 160);
    // 800 px from 16,000: rows 100..104, and 105 whose top is the bottom edge; with
    // 400 px either side: rows 97..107.
    expect(rowWindow(sizes, 16_000, 800, 0)).toEqual({ first: 100, last: 105 });
    expect(rowWindow(sizes, 16_000, 800, 400)).toEqual({ first: 97, last: 107 });
  });

  it("stops at the ends of the list", () => {
    const sizes = new RowSizes(20, 160);
    expect(rowWindow(sizes, 0, 800, 400)).toEqual({ first: 0, last: 7 });
    expect(rowWindow(sizes, 2400, 800, 400)).toEqual({ first: 12, last: 19 });
    expect(rowWindow(new RowSizes(0, 160), 0, 800, 400)).toEqual({ first: 0, last: -1 });
  });
});
