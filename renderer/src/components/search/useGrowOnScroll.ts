/**
 * "Load more on scroll": a sentinel element at the end of a list calls `onReach` when it
 * comes within a screen of the viewport, so the next page is there before it is needed.
 * `length` is the rows shown: the sentinel is observed afresh when it changes.
 */
import { useEffect, useRef } from "react";

export function useGrowOnScroll(onReach: () => void, active: boolean, length: number) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onReach);
  useEffect(() => {
    latest.current = onReach;
  });

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !active) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
    // Observed again after each page: a sentinel still in reach reports once more.
  }, [active, length]);

  return sentinel;
}
