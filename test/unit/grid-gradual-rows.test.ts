import { describe, expect, it } from "vitest";
import { ShownRows, type Motion } from "../../renderer/src/components/grid/useGradualRows.ts";

/** ShownRows with a clock and frames the test moves by hand. */
function shownRows() {
  let now = 0;
  const frames: (() => void)[] = [];
  let rerenders = 0;
  const rows = new ShownRows(
    () => rerenders++,
    () => now,
    (run) => frames.push(run) - 1,
  );
  return {
    rows,
    /** A render of the window that takes `ms` per new row; the indices rendered in full. */
    render(first: number, last: number, ms = 1, key: unknown = "list", motion: Motion = "moving") {
      const mayRender = rows.begin({ first, last }, key, motion);
      const full: number[] = [];
      for (let index = first; index <= last; index++) {
        if (mayRender(index)) {
          full.push(index);
          now += ms;
        }
      }
      rows.committed();
      return full;
    },
    nextFrame() {
      for (const run of frames.splice(0)) run();
    },
    rerenders: () => rerenders,
  };
}

describe("spreading the creation of rows over frames", () => {
  it("creates a few rows at first and the rest in the next frames", () => {
    const list = shownRows();
    // Before any row was timed, a row is guessed at 3 ms: one per 4 ms share of a frame.
    expect(list.render(0, 4)).toEqual([0]);
    list.nextFrame();
    expect(list.rerenders()).toBe(1);
    // Rows took 1 ms: the estimate falls, and more fit in a frame.
    expect(list.render(0, 4).length).toBeGreaterThan(1);
  });

  it("keeps rows already created and spends the budget only on new ones", () => {
    const list = shownRows();
    list.render(0, 0);
    list.nextFrame();
    const full = list.render(0, 3, 0.1);
    expect(full[0]).toBe(0);
    list.nextFrame();
    expect(list.render(0, 3, 0.1)).toEqual([0, 1, 2, 3]);
  });

  it("creates one row a frame at least, however slow rows are", () => {
    const list = shownRows();
    expect(list.render(0, 9, 50)).toEqual([0]);
    list.nextFrame();
    expect(list.render(0, 9, 50)).toEqual([0, 1]);
    // A second render in the same frame (a measurement) has no budget left.
    expect(list.render(0, 9, 50)).toEqual([0, 1]);
  });

  it("creates a row again once it left the window and came back, or in another list", () => {
    const list = shownRows();
    list.render(0, 0, 0.1);
    list.nextFrame();
    list.render(50, 50, 0.1);
    list.nextFrame();
    expect(list.render(0, 0, 0.1)).toEqual([0]);
    list.nextFrame();
    expect(list.render(0, 0, 0.1, "another list")).toEqual([0]);
  });

  it("asks for no further frame once every row is created", () => {
    const list = shownRows();
    list.render(0, 0, 0.1);
    list.nextFrame();
    const before = list.rerenders();
    list.render(0, 0, 0.1);
    list.nextFrame();
    expect(list.rerenders()).toBe(before);
  });

  it("creates no row while the list races past, and asks no frame for them", () => {
    const list = shownRows();
    expect(list.render(0, 4, 1, "list", "racing")).toEqual([]);
    list.nextFrame();
    expect(list.rerenders()).toBe(0);
    // Slowed down: the list renders again (its own doing) and rows come.
    expect(list.render(0, 4, 1, "list", "moving")).toEqual([0]);
  });

  it("creates every row at once in a list that stands still", () => {
    const list = shownRows();
    expect(list.render(0, 5, 10, "list", "still")).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
