/**
 * Spreads the mounting of new rows over frames. A row of the grid is a small editor
 * (Slate, highlights, a margin of code labels) that takes milliseconds to create; a fast
 * scroll or a jump brings a whole screen of them at once, which would drop frames. So
 * each frame creates as many as fit in part of a frame (learnt from what rows have cost
 * so far, at least one), whatever the number of renders in it (a scroll, then the
 * measurements), and the rest show as placeholders until the next frames. Rows already
 * shown stay; a row is created again only after it left the window.
 */
import { useLayoutEffect, useReducer, useState } from "react";
import type { RowWindow } from "../../grid/row-sizes.ts";

/** Milliseconds of a frame that creating rows may take (of 16.7 at 60 Hz). */
const FRAME_SHARE_MS = 4;
/** What a row is assumed to cost before one has been timed. */
const FIRST_GUESS_MS = 3;
const MAX_PER_FRAME = 8;

/**
 * Returns `mayRender(index)`: whether the loaded row at index renders in full now.
 * While `racing` (the list moves too fast to read: a fling, a drag of the scrollbar) no
 * row is created, since each would leave the screen before it could be read; the rows
 * come once it slows down. A list that stands `still()` (just opened, or done
 * scrolling) creates all its rows at once: a long frame then disturbs no motion.
 */
export function useGradualRows(
  window: RowWindow,
  resetKey: unknown,
  racing = false,
  still: () => boolean = () => false,
): (index: number) => boolean {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [rows] = useState(() => new ShownRows(rerender));
  const mayRender = rows.begin(window, resetKey, racing ? "racing" : still() ? "still" : "moving");
  useLayoutEffect(() => rows.committed());
  useLayoutEffect(() => () => rows.stop(), [rows]);
  return mayRender;
}

/** How the list moves: a row budget per frame applies only while it is "moving". */
export type Motion = "still" | "moving" | "racing";

/** The rows rendered in full in the current window, and this frame's budget of new ones. */
export class ShownRows {
  private resetKey: unknown = undefined;
  private readonly indices = new Set<number>();
  /** Milliseconds a new row costs, render to layout effects, averaged over recent frames. */
  private rowCost = FIRST_GUESS_MS;
  private budget = this.perFrame();
  /** A render left rows as placeholders for want of budget. */
  private waiting = false;
  private started = 0;
  private created = 0;
  private frame: number | null = null;

  constructor(
    private readonly rerender: () => void,
    private readonly now: () => number = () => performance.now(),
    private readonly onNextFrame: (run: () => void) => number = (run) => requestAnimationFrame(run),
  ) {}

  begin(
    window: RowWindow,
    resetKey: unknown,
    motion: Motion = "moving",
  ): (index: number) => boolean {
    if (resetKey !== this.resetKey) {
      this.indices.clear();
      this.resetKey = resetKey;
    }
    for (const index of this.indices) {
      if (index < window.first || index > window.last) this.indices.delete(index);
    }
    this.waiting = false;
    this.started = this.now();
    this.created = 0;
    return (index) => {
      if (this.indices.has(index)) return true;
      // The list renders again when it slows down: no frame need be asked for.
      if (motion === "racing") return false;
      if (this.budget <= 0 && motion === "moving") {
        this.waiting = true;
        return false;
      }
      this.budget--;
      this.created++;
      this.indices.add(index);
      return true;
    };
  }

  /** After a render was committed: learn its cost; the next frame brings a new budget. */
  committed(): void {
    if (this.created > 0) {
      const cost = (this.now() - this.started) / this.created;
      this.rowCost = this.rowCost * 0.7 + cost * 0.3;
      this.created = 0;
    }
    if (this.frame !== null || (this.budget === this.perFrame() && !this.waiting)) return;
    this.frame = this.onNextFrame(() => {
      this.frame = null;
      this.budget = this.perFrame();
      if (this.waiting) this.rerender();
    });
  }

  stop(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private perFrame(): number {
    return Math.max(1, Math.min(MAX_PER_FRAME, Math.floor(FRAME_SHARE_MS / this.rowCost)));
  }
}
