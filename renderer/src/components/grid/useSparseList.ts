/**
 * Virtualises a very long list of rows of varying height: only the rows that meet the
 * viewport are rendered, one after another in normal flow inside a block placed where
 * the first of them starts, under a spacer as tall as the whole list. Heights are
 * measured as rows render (a ResizeObserver) and kept in RowSizes, O(log n) per change,
 * so 100,000 rows cost no more per frame than 100.
 *
 * A row above the viewport that turns out taller or shorter than assumed would push the
 * rows on screen: the scroll position moves by the same amount in the same frame, so
 * what the reader looks at stays put. The scroller gets `overflow-anchor: none`, or the
 * browser's own scroll anchoring would move it a second time.
 */
import { useLayoutEffect, useState } from "react";
import { flushSync } from "react-dom";
import { RowSizes, rowWindow, type RowWindow } from "../../grid/row-sizes.ts";

export interface SparseList {
  /** The rows to render, first and last inclusive (none when last < first). */
  readonly window: RowWindow;
  /** Of those, the rows in the viewport itself (without the overscan). */
  readonly inView: RowWindow;
  readonly sizes: RowSizes;
  /** Ref callback for the scrolling element. */
  readonly scrollerRef: (element: HTMLElement | null) => void;
  /** Ref callback for the spacer as tall as the list (its height follows measurements). */
  readonly spacerRef: (element: HTMLElement | null) => void;
  /** Ref callback for a rendered row carrying `data-index`: it gets measured. */
  readonly measure: (element: HTMLElement | null) => void;
  /** Back to the top (another list). */
  scrollToTop(): void;
  /** Scrolls so that row `index` comes into view (a third down the viewport). */
  scrollToIndex(index: number): void;
  /**
   * The list moved more than half a screen in one frame a moment ago (a fling, a drag of
   * the scrollbar): too fast to read a row. Turns false again once it slows down.
   */
  readonly racing: boolean;
  /** Whether the list has not scrolled for a moment: no motion for a long frame to spoil. */
  still(): boolean;
}

interface Options {
  readonly count: number;
  /** The height assumed for a row not measured yet. */
  readonly estimate: number;
  /** Pixels rendered beyond the viewport above and below. */
  readonly overscan: number;
  /** Changes when the list is another one (sizes measured before no longer apply). */
  readonly resetKey: unknown;
}

const NONE: RowWindow = { first: 0, last: -1 };
/**
 * A move of more than half a screen from one frame to the next (30 screens a second)
 * is too fast to read a row: the list counts as racing until RACING_MS after the last.
 */
const RACING_SHARE = 0.5;
const RACING_MS = 60;
/** No scroll event for this long: the list stands still. */
const STILL_MS = 150;

interface Shown {
  readonly window: RowWindow;
  readonly inView: RowWindow;
  readonly racing: boolean;
}
const NOTHING: Shown = { window: NONE, inView: NONE, racing: false };

export function useSparseList({ count, estimate, overscan, resetKey }: Options): SparseList {
  const [list] = useState(() => new ListState(estimate, overscan));
  const [shown, setShown] = useState<Shown>(NOTHING);
  const sizes = list.sizesFor(count, resetKey);

  useLayoutEffect(() => list.listen(setShown), [list]);
  // Another list, or another length: the window follows before the frame is painted.
  useLayoutEffect(() => list.update(false), [list, sizes]);

  return {
    window: clamp(shown.window, count),
    inView: clamp(shown.inView, count),
    sizes,
    scrollerRef: list.scrollerRef,
    spacerRef: list.spacerRef,
    measure: list.measure,
    scrollToTop: list.scrollToTop,
    scrollToIndex: list.scrollToIndex,
    racing: shown.racing,
    still: list.still,
  };
}

/** The list's DOM side: scroll and resize listeners, measurements, the window shown. */
class ListState {
  private sizes: RowSizes;
  private resetKey: unknown = undefined;
  private scroller: HTMLElement | null = null;
  private spacer: HTMLElement | null = null;
  private shown: Shown = NOTHING;
  private show: (shown: Shown) => void = () => {};
  private readonly rows = new Map<number, HTMLElement>();
  private readonly rowSizes = new ResizeObserver((entries) => this.measured(entries));
  /** The scroll position at the last scroll event, and when that came. */
  private lastTop = 0;
  private lastScroll = -Infinity;
  private racing = false;
  /** Ends the racing once the list has not moved fast for RACING_MS. */
  private calm: ReturnType<typeof setTimeout> | null = null;
  /** The scroller's inner height, kept from its ResizeObserver: reading it may force a layout. */
  private height = 0;
  private readonly viewport = new ResizeObserver(() => {
    this.height = this.scroller?.clientHeight ?? 0;
    this.update(true);
  });

  constructor(
    private readonly estimate: number,
    private readonly overscan: number,
  ) {
    this.sizes = new RowSizes(0, estimate);
  }

  /** The sizes for this list: kept while it is the same list, even grown or shrunk. */
  sizesFor(count: number, resetKey: unknown): RowSizes {
    if (resetKey !== this.resetKey) {
      this.sizes = new RowSizes(count, this.estimate);
      this.resetKey = resetKey;
    } else if (count !== this.sizes.count) {
      this.sizes = this.sizes.resized(count);
    }
    return this.sizes;
  }

  listen(show: (shown: Shown) => void): () => void {
    this.show = show;
    // The scroller's ref (which runs before layout effects) may have worked out the
    // window already: a list mounted with its rows known (back from another view).
    if (this.shown !== NOTHING) show(this.shown);
    // Observed elements are let go by their own ref callbacks' cleanups.
    return () => {
      this.show = () => {};
      if (this.calm !== null) clearTimeout(this.calm);
    };
  }

  /**
   * Renders the rows the viewport needs now, unless they are the ones rendered. `top` is
   * the scroll position when the caller knows it (reading it after a change to the DOM
   * would make the browser lay the page out there and then).
   */
  update(sync: boolean, top = this.scroller?.scrollTop ?? 0): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const height = this.height || scroller.clientHeight;
    const next = rowWindow(this.sizes, top, height, this.overscan);
    const { window: before, racing } = this.shown;
    if (next.first === before.first && next.last === before.last && racing === this.racing) {
      return;
    }
    const shown = {
      window: next,
      inView: rowWindow(this.sizes, top, height, 0),
      racing: this.racing,
    };
    this.shown = shown;
    // Scrolling and measuring happen before the frame is painted: so does the render.
    if (sync) flushSync(() => this.show(shown));
    else this.show(shown);
  }

  readonly scrollerRef = (element: HTMLElement | null) => {
    if (!element) return;
    this.scroller = element;
    element.style.overflowAnchor = "none";
    this.height = element.clientHeight;
    const onScroll = () => {
      const top = element.scrollTop;
      if (Math.abs(top - this.lastTop) > this.height * RACING_SHARE) this.race();
      this.lastTop = top;
      this.lastScroll = performance.now();
      this.update(true, top);
    };
    element.addEventListener("scroll", onScroll, { passive: true });
    this.viewport.observe(element);
    this.update(false);
    return () => {
      element.removeEventListener("scroll", onScroll);
      this.viewport.unobserve(element);
      if (this.scroller === element) this.scroller = null;
    };
  };

  readonly spacerRef = (element: HTMLElement | null) => {
    this.spacer = element;
  };

  readonly still = () => performance.now() - this.lastScroll > STILL_MS;

  private race(): void {
    this.racing = true;
    if (this.calm !== null) clearTimeout(this.calm);
    this.calm = setTimeout(() => {
      this.calm = null;
      this.racing = false;
      this.update(false);
    }, RACING_MS);
  }

  readonly scrollToTop = () => {
    this.scroller?.scrollTo({ top: 0 });
  };

  readonly scrollToIndex = (index: number) => {
    const top = this.sizes.offsetOf(Math.min(index, this.sizes.count - 1));
    this.scroller?.scrollTo({ top: Math.max(0, top - this.height / 3) });
  };

  readonly measure = (element: HTMLElement | null) => {
    if (!element) return;
    const index = Number(element.dataset.index);
    const previous = this.rows.get(index);
    if (previous === element) return;
    if (previous) this.rowSizes.unobserve(previous);
    this.rows.set(index, element);
    this.rowSizes.observe(element);
    return () => {
      this.rowSizes.unobserve(element);
      if (this.rows.get(index) === element) this.rows.delete(index);
    };
  };

  private measured(entries: readonly ResizeObserverEntry[]): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const sizes = this.sizes;
    const anchor = scroller.scrollTop;
    let shift = 0;
    const heights = entries
      .map((entry) => ({
        index: Number((entry.target as HTMLElement).dataset.index),
        height: entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height,
        connected: entry.target.isConnected,
      }))
      .filter(({ index, connected }) => connected && Number.isInteger(index) && index < sizes.count)
      .sort((a, b) => a.index - b.index);
    for (const { index, height } of heights) {
      const before = sizes.sizeOf(index);
      if (height === before) continue;
      const top = sizes.offsetOf(index);
      // A first measurement moves whatever starts below the row's top; a later one (the
      // row grew or shrank at its bottom) only what is below a row wholly above the view.
      const above = sizes.isMeasured(index) ? top + before <= anchor + shift : top < anchor + shift;
      sizes.set(index, height);
      if (above) shift += height - before;
    }
    // Writes only from here on: the layout stays valid until the frame is drawn.
    if (this.spacer) this.spacer.style.height = `${sizes.total()}px`;
    if (shift !== 0) scroller.scrollTop = anchor + shift;
    this.update(true, anchor + shift);
  }
}

/** The window as far as the list goes: a shorter list has fewer rows to render. */
function clamp(window: RowWindow, count: number): RowWindow {
  if (count === 0) return NONE;
  const last = Math.min(window.last, count - 1);
  return { first: Math.min(window.first, last), last };
}
