/**
 * Search the answers' text. The core searches in SQL, so a keystroke is not a query:
 * the search runs once typing pauses (Enter runs it at once, Escape clears it).
 */
import { useEffect, useRef, useState } from "react";
import { useAnswers } from "../../stores/answers.ts";

const PAUSE_MS = 250;

export function SearchBox() {
  const applied = useAnswers((s) => s.filter.text ?? "");
  const [typed, setTyped] = useState(applied);
  const [seen, setSeen] = useState(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Cleared elsewhere (its chip, "Clear filters"): the box empties too. Other changes
  // come from this box, which may hold newer keystrokes than the search applied.
  if (seen !== applied) {
    setSeen(applied);
    if (applied === "") setTyped("");
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (text: string) => {
    clearTimeout(timer.current);
    const { filter, setFilter } = useAnswers.getState();
    void setFilter({ ...filter, text });
  };

  const type = (text: string) => {
    setTyped(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(text), PAUSE_MS);
  };

  return (
    <div className="grid-search">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="grid-search-icon">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <input
        type="search"
        placeholder="Search answers"
        aria-label="Search answers"
        value={typed}
        onChange={(event) => type(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply(typed);
          if (event.key === "Escape" && typed !== "") {
            event.stopPropagation();
            setTyped("");
            apply("");
          }
        }}
      />
    </div>
  );
}
