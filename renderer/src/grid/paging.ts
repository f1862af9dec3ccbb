/**
 * The grid's sparse paging, as pure arithmetic: the list is `total` rows long, rows are
 * fetched in fixed pages (page p holds rows p*size .. p*size+size-1), only the pages
 * around the rows on screen are kept, and the rest are fetched again when scrolled to.
 */

/** Rows on screen, first and last index inclusive. */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

/** How many pages a list of `total` rows has. */
export function pageCount(total: number, size: number): number {
  return Math.ceil(Math.max(0, total) / size);
}

/** The page a row falls in. */
export function pageOf(index: number, size: number): number {
  return Math.floor(index / size);
}

/**
 * The pages to have for a range on screen: those that cover it first (nearest the
 * middle of the range first), then `margin` pages either side, so a slow scroll finds
 * its next rows loaded. Pages past the end of the list are left out.
 */
export function pagesWanted(range: RowRange, size: number, total: number, margin = 1): number[] {
  const pages = pageCount(total, size);
  if (pages === 0 || range.last < range.first) return [];
  const from = Math.min(pageOf(Math.max(0, range.first), size), pages - 1);
  const to = Math.min(pageOf(Math.max(0, range.last), size), pages - 1);
  const middle = (from + to) / 2;
  const covering = span(from, to).sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
  const around: number[] = [];
  for (let step = 1; step <= margin; step++) {
    if (to + step < pages) around.push(to + step);
    if (from - step >= 0) around.push(from - step);
  }
  return [...covering, ...around];
}

/**
 * The cached pages to drop so that at most `keep` remain: never a wanted one, and the
 * farthest from the wanted ones first.
 */
export function pagesToEvict(
  cached: Iterable<number>,
  wanted: readonly number[],
  keep: number,
): number[] {
  const pages = [...cached];
  const excess = pages.length - Math.max(keep, wanted.length);
  if (excess <= 0) return [];
  const keepSet = new Set(wanted);
  const distance = (page: number) =>
    wanted.length === 0 ? page : Math.min(...wanted.map((w) => Math.abs(w - page)));
  return pages
    .filter((page) => !keepSet.has(page))
    .sort((a, b) => distance(b) - distance(a) || b - a)
    .slice(0, excess);
}

function span(from: number, to: number): number[] {
  const pages: number[] = [];
  for (let page = from; page <= to; page++) pages.push(page);
  return pages;
}
