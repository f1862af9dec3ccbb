/**
 * The search box and its options: Enter (or the button) searches; a regular expression
 * instead of words, with or without matching case; all questions or one. What the box
 * understands is said under it, and so is why a search failed.
 */
import { useId } from "react";
import { isComposing } from "../../coding/keys.ts";
import { useSearch } from "../../stores/search.ts";
import { QuestionSelect } from "../common/QuestionSelect.tsx";

export function SearchForm() {
  const text = useSearch((s) => s.text);
  const regex = useSearch((s) => s.regex);
  const caseSensitive = useSearch((s) => s.caseSensitive);
  const questionId = useSearch((s) => s.questionId);
  const searching = useSearch((s) => s.searching);
  const error = useSearch((s) => s.error);
  const { setText, setRegex, setCaseSensitive, setQuestion, run } = useSearch.getState();
  const helpId = useId();
  const errorId = useId();

  return (
    <form
      className="search-form"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <div className="search-row">
        <div className="search-box">
          <svg viewBox="0 0 16 16" aria-hidden="true" className="search-icon">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <input
            type="search"
            autoFocus
            aria-label="Search all answers"
            aria-describedby={error ? `${errorId} ${helpId}` : helpId}
            aria-invalid={error !== null}
            placeholder={
              regex ? "Regular expression, e.g. wait(ing)? lists?" : "Search all answers"
            }
            value={text}
            maxLength={1000}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Enter that ends an input method's word does not search yet.
              if (event.key === "Enter" && isComposing(event.nativeEvent)) event.preventDefault();
              // Down from the box goes to the first hit (Enter there shows it).
              if (event.key === "ArrowDown") {
                const first = document.querySelector<HTMLElement>(".kwic-row");
                if (first) {
                  event.preventDefault();
                  first.focus();
                }
              }
            }}
          />
        </div>
        <button type="submit" className="search-button" disabled={searching}>
          Search
        </button>
        <label className="search-option">
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
          Regular expression
        </label>
        {regex && (
          <label className="search-option">
            <input
              type="checkbox"
              checked={caseSensitive}
              onChange={(e) => setCaseSensitive(e.target.checked)}
            />
            Match case
          </label>
        )}
        <label className="search-option">
          <span className="search-label">In</span>
          <QuestionSelect
            value={questionId ?? undefined}
            onChange={(id) => setQuestion(id ?? null)}
          />
        </label>
      </div>
      {error && (
        <p className="search-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <p className="search-help" id={helpId}>
        {regex ? (
          <>
            A JavaScript regular expression, e.g. <code>wait(ing)? lists?</code>; case ignored
            unless Match case is on.
          </>
        ) : (
          <>
            <code>words</code> (all of them) · <code>&quot;exact phrase&quot;</code> ·{" "}
            <code>prefix*</code> · <code>OR</code> · <code>NOT</code> · accents and case ignored
          </>
        )}
      </p>
    </form>
  );
}
