/**
 * The sidebar's respondents, to read one respondent's answers across the questionnaire.
 * Virtualised like the grid; the search narrows the respondents loaded so far.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import { useAnswers } from "../../stores/answers.ts";
import { useRespondents } from "../../stores/respondents.ts";

const ROW_HEIGHT = 44;

export function RespondentList() {
  const entries = useRespondents((s) => s.entries);
  const total = useRespondents((s) => s.total);
  const loading = useRespondents((s) => s.loading);
  const error = useRespondents((s) => s.error);
  const load = useRespondents((s) => s.load);
  const loadMore = useRespondents((s) => s.loadMore);
  const target = useAnswers((s) => s.target);
  const showRespondent = useAnswers((s) => s.showRespondent);
  const [search, setSearch] = useState("");
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => void load(), [load]);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return entries;
    return entries.filter(
      (entry) =>
        entry.label.toLowerCase().includes(needle) ||
        Object.values(entry.attributes).some((value) => value.toLowerCase().includes(needle)),
    );
  }, [entries, search]);

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
    if (lastVisible >= shown.length - 30) void loadMore();
  }, [lastVisible, shown.length, loadMore]);

  const selected = target?.kind === "respondent" ? target.respondentId : null;
  const incomplete = entries.length < total;

  return (
    <div className="respondent-picker">
      <input
        type="search"
        className="respondent-search"
        placeholder="Find a respondent"
        aria-label="Find a respondent"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
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
        {!loading && shown.length === 0 && (
          <p className="notice">{search ? "No respondent matches." : "No respondents yet."}</p>
        )}
      </div>
      {incomplete && search.trim() !== "" && (
        <p className="respondent-more">
          Searched {entries.length.toLocaleString("en")} of {total.toLocaleString("en")}.{" "}
          <button type="button" className="link" onClick={() => void loadMore()}>
            Load more
          </button>
        </p>
      )}
    </div>
  );
}
