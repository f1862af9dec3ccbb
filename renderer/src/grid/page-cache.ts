/**
 * The grid's pages of rows, kept by page index: immutable operations on the cache, so
 * the store can hand each new cache to React. Page p holds rows p*size .. p*size+size-1
 * of the list; a page not in the cache is simply not loaded (yet, or any more).
 */
import { pageCount } from "./paging.ts";

export type PageCache<Row> = ReadonlyMap<number, readonly Row[]>;

/** The row at a list index, if its page is loaded. */
export function rowAt<Row>(pages: PageCache<Row>, index: number, size: number): Row | undefined {
  return pages.get(Math.floor(index / size))?.[index % size];
}

/** The cache with one page (re)placed, without pages past the end of a list of `total`. */
export function withPage<Row>(
  pages: PageCache<Row>,
  page: number,
  rows: readonly Row[],
  total: number,
  size: number,
): Map<number, readonly Row[]> {
  const next = new Map(pages);
  if (rows.length > 0) next.set(page, rows);
  const count = pageCount(total, size);
  for (const index of next.keys()) if (index >= count) next.delete(index);
  return next;
}

/** The cache without these pages. */
export function withoutPages<Row>(
  pages: PageCache<Row>,
  drop: readonly number[],
): Map<number, readonly Row[]> {
  const next = new Map(pages);
  for (const page of drop) next.delete(page);
  return next;
}

/**
 * The cache with fresh versions of rows swapped in wherever they are (matched by `key`);
 * the same cache when none of them is loaded, so nothing re-renders for nothing.
 */
export function withFreshRows<Row, Key>(
  pages: PageCache<Row>,
  fresh: readonly Row[],
  key: (row: Row) => Key,
): PageCache<Row> {
  if (fresh.length === 0) return pages;
  const byKey = new Map(fresh.map((row) => [key(row), row]));
  let changed = false;
  const next = new Map<number, readonly Row[]>();
  for (const [page, rows] of pages) {
    let pageChanged = false;
    const swapped = rows.map((row) => {
      const replacement = byKey.get(key(row));
      if (replacement === undefined) return row;
      pageChanged = true;
      return replacement;
    });
    next.set(page, pageChanged ? swapped : rows);
    changed ||= pageChanged;
  }
  return changed ? next : pages;
}

/** Every loaded row, in list order (gaps between loaded pages closed up). */
export function loadedRows<Row>(pages: PageCache<Row>): Row[] {
  return [...pages.keys()].sort((a, b) => a - b).flatMap((page) => pages.get(page) ?? []);
}
