/**
 * The hits as keyword-in-context lines, a page at a time as the list scrolls. A click or
 * Enter shows the hit in the grid, selected; the arrow keys move between hits.
 */
import { useMemo, type KeyboardEvent } from "react";
import type { SearchHit } from "../../../../shared/api/search-api.ts";
import { kwicLine } from "../../search/kwic.ts";
import { useSearch } from "../../stores/search.ts";
import { useView } from "../../stores/view.ts";
import { KwicText } from "./KwicText.tsx";
import { useGrowOnScroll } from "./useGrowOnScroll.ts";

/** Up and down move the keyboard to the hit above or below. */
export function moveBetweenRows(event: KeyboardEvent<HTMLElement>, rowSelector: string): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(rowSelector)];
  const at = rows.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  event.preventDefault();
  rows[at + (event.key === "ArrowDown" ? 1 : -1)]?.focus();
}

export function HitList() {
  const results = useSearch((s) => s.results);
  const loadingMore = useSearch((s) => s.loadingMore);
  const rows = results?.rows ?? [];
  const more = results !== null && rows.length < results.hits;
  const sentinel = useGrowOnScroll(() => void useSearch.getState().loadMore(), more, rows.length);
  // One question chosen: every row would name it, so the column goes.
  const oneQuestion = results?.query.questionId != null;

  if (!results || results.hits === 0) return null;
  return (
    <div className="kwic-scroller">
      <ol
        className={oneQuestion ? "kwic-list one-question" : "kwic-list"}
        aria-label="Hits"
        onKeyDown={(e) => moveBetweenRows(e, ".kwic-row")}
      >
        {rows.map((hit) => (
          <HitRow key={`${hit.answerId}:${hit.start}`} hit={hit} />
        ))}
      </ol>
      <div ref={sentinel} className="kwic-more" aria-hidden={!loadingMore}>
        {loadingMore ? "Loading more hits…" : ""}
      </div>
    </div>
  );
}

function HitRow({ hit }: { readonly hit: SearchHit }) {
  const line = useMemo(() => kwicLine(hit), [hit]);
  return (
    <li>
      <button
        type="button"
        className="kwic-row"
        title="Show in the answers"
        onClick={() =>
          useView.getState().revealInGrid({
            answerId: hit.answerId,
            questionId: hit.questionId,
            start: hit.start,
            end: hit.end,
          })
        }
      >
        <span className="kwic-respondent">{hit.respondent}</span>
        <span className="kwic-question">{hit.question}</span>
        <KwicText line={line} />
      </button>
    </li>
  );
}
