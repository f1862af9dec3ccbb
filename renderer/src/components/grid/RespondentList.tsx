/**
 * The sidebar's respondents, to read one respondent's answers across the questionnaire.
 * Virtualised like the grid and loaded page by page; the search asks the core, which
 * looks through every respondent's id.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";
import { useAnswers } from "../../stores/answers.ts";
import { useRespondents } from "../../stores/respondents.ts";

const ROW_HEIGHT = 44;
/** Typing pauses this long before the search goes to the core. */
const SEARCH_DELAY_MS = 150;

export function RespondentList() {
  const searched = useRespondents((s) => s.search);
  const entries = useRespondents((s) => s.entries);
  const total = useRespondents((s) => s.total);
  const loading = useRespondents((s) => s.loading);
  const found = useRespondents((s) => s.found);
  const loadMore = useRespondents((s) => s.loadMore);
  const findMore = useRespondents((s) => s.findMore);
  const error = useRespondents((s) => s.error);
  const load = useRespondents((s) => s.load);
  const setSearch = useRespondents((s) => s.setSearch);
  const target = useAnswers((s) => s.target);
  const showRespondent = useAnswers((s) => s.showRespondent);
  const [typed, setTyped] = useState(searched);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    const timer = setTimeout(() => void setSearch(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, setSearch]);

  const list = searched === "" ? { entries, total, loading } : found;
  const shown = list.entries;
  const more = searched === "" ? loadMore : findMore;

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => shown[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastVisible >= shown.length - 30) void more();
  }, [lastVisible, shown.length, more]);

  const selected = target?.kind === "respondent" ? target.respondentId : null;

  return (
    <div className="respondent-picker">
      <input
        type="search"
        className="respondent-search"
        placeholder="Find a respondent"
        aria-label="Find a respondent"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      {error && <p className="notice error">Could not list the respondents: {error}</p>}
      <div className="respondent-scroll" ref={scrollRef}>
        <ul
          aria-label="Respondents"
          style={{ height: virtualizer.getTotalSize(), position: "relative" }}
        >
          {items.map((item) => {
            const entry = shown[item.index];
            if (!entry) return null;
            const isSelected = entry.id === selected;
            return (
              <li
                key={item.key}
                className="respondent-item"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <button
                  type="button"
                  className={isSelected ? "selected" : undefined}
                  aria-current={isSelected ? "true" : undefined}
                  onClick={() => void showRespondent(entry.id, entry.label)}
                >
                  <span className="respondent-item-id">{entry.label}</span>
                  <span className="respondent-item-attributes">
                    {Object.values(entry.attributes).join(" · ")}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {!list.loading && shown.length === 0 && (
          <p className="notice">{searched ? "No respondent matches." : "No respondents yet."}</p>
        )}
      </div>
      {searched !== "" && !found.loading && found.total > 0 && (
        <p className="respondent-more" aria-live="polite">
          {found.total.toLocaleString("en")} {found.total === 1 ? "respondent" : "respondents"}{" "}
          match
        </p>
      )}
    </div>
  );
}
