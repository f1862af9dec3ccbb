import { describe, expect, it } from "vitest";
import {
  loadedRows,
  rowAt,
  withFreshRows,
  withoutPages,
  withPage,
  type PageCache,
} from "../../renderer/src/grid/page-cache.ts";
import { pageCount, pageOf, pagesToEvict, pagesWanted } from "../../renderer/src/grid/paging.ts";

/** A 100,000-answer question in pages of 200: pages 0..499. */
const SIZE = 200;
const TOTAL = 100_000;

describe("which pages the grid asks for", () => {
  it("counts the pages of a list, the last one partly full", () => {
    expect(pageCount(TOTAL, SIZE)).toBe(500);
    expect(pageCount(201, SIZE)).toBe(2);
    expect(pageCount(0, SIZE)).toBe(0);
    expect(pageOf(0, SIZE)).toBe(0);
    expect(pageOf(199, SIZE)).toBe(0);
    expect(pageOf(200, SIZE)).toBe(1);
  });

  it("wants the page on screen first, then one page either side", () => {
    expect(pagesWanted({ first: 50_010, last: 50_020 }, SIZE, TOTAL)).toEqual([250, 251, 249]);
  });

  it("wants both pages when the screen straddles two, the nearer margins after", () => {
    expect(pagesWanted({ first: 390, last: 410 }, SIZE, TOTAL)).toEqual([1, 2, 3, 0]);
  });

  it("wants nothing before the first page nor after the last", () => {
    expect(pagesWanted({ first: 0, last: 6 }, SIZE, TOTAL)).toEqual([0, 1]);
    expect(pagesWanted({ first: 99_990, last: 99_999 }, SIZE, TOTAL)).toEqual([499, 498]);
    // A range reported for a longer list than the one now shown: its last pages.
    expect(pagesWanted({ first: 5000, last: 5010 }, SIZE, 450)).toEqual([2, 1]);
    expect(pagesWanted({ first: 0, last: 6 }, SIZE, 0)).toEqual([]);
  });

  it("drops the pages farthest from the screen once more than the kept number are loaded", () => {
    const cached = [0, 1, 2, 3, 248, 249, 250, 251, 252];
    expect(pagesToEvict(cached, [250, 251, 249], 5)).toEqual([0, 1, 2, 3]);
    expect(pagesToEvict(cached, [250, 251, 249], 9)).toEqual([]);
  });

  it("never drops a page on screen, even with more of them than the kept number", () => {
    expect(pagesToEvict([1, 2, 3, 9], [1, 2, 3], 2)).toEqual([9]);
  });
});

interface Row {
  readonly id: number;
  readonly text: string;
}

function rows(from: number, count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({ id: from + i, text: `answer ${from + i}` }));
}

describe("the grid's cache of pages", () => {
  const empty: PageCache<Row> = new Map();

  it("finds a row by its index in the list, if its page is loaded", () => {
    const pages = withPage(empty, 2, rows(400, SIZE), TOTAL, SIZE);
    expect(rowAt(pages, 401, SIZE)).toEqual({ id: 401, text: "answer 401" });
    expect(rowAt(pages, 399, SIZE)).toBeUndefined();
    expect(rowAt(pages, 600, SIZE)).toBeUndefined();
  });

  it("drops pages past the end when the list got shorter", () => {
    let pages = withPage(empty, 0, rows(0, SIZE), TOTAL, SIZE);
    pages = withPage(pages, 4, rows(800, SIZE), TOTAL, SIZE);
    pages = withPage(pages, 0, rows(0, SIZE), 300, SIZE);
    expect([...pages.keys()]).toEqual([0]);
  });

  it("lists the loaded rows in list order, whatever order the pages came in", () => {
    let pages = withPage(empty, 3, rows(600, 2), TOTAL, SIZE);
    pages = withPage(pages, 1, rows(200, 2), TOTAL, SIZE);
    expect(loadedRows(pages).map((row) => row.id)).toEqual([200, 201, 600, 601]);
    expect(loadedRows(withoutPages(pages, [1])).map((row) => row.id)).toEqual([600, 601]);
  });

  it("swaps in an edited row wherever it is loaded, and leaves other pages as they were", () => {
    let pages = withPage(empty, 0, rows(0, 3), TOTAL, SIZE);
    pages = withPage(pages, 5, rows(1000, 3), TOTAL, SIZE);
    const edited = { id: 1001, text: "coded" };
    const next = withFreshRows(pages, [edited], (row) => row.id);
    expect(rowAt(next, 1001, SIZE)).toBe(edited);
    expect(next.get(0)).toBe(pages.get(0));
  });

  it("keeps the same cache when none of the fresh rows is loaded", () => {
    const pages = withPage(empty, 0, rows(0, 3), TOTAL, SIZE);
    expect(withFreshRows(pages, [{ id: 99_999, text: "elsewhere" }], (row) => row.id)).toBe(pages);
    expect(withFreshRows(pages, [], (row) => row.id)).toBe(pages);
  });
});
