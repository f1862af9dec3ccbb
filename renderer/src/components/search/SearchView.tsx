/**
 * The search view: the box and its options, how many hits, then either the hits as
 * keyword-in-context lines or the auto-code panel for them.
 */
import { useSearch } from "../../stores/search.ts";
import { hitsLabel } from "../../search/autocode-choice.ts";
import { AutocodePanel } from "./AutocodePanel.tsx";
import { HitList } from "./HitList.tsx";
import { SearchForm } from "./SearchForm.tsx";
import "./search.css";

export function SearchView() {
  const results = useSearch((s) => s.results);
  const searching = useSearch((s) => s.searching);
  const autocode = useSearch((s) => s.autocode);
  return (
    <div className="search-view">
      <SearchForm />
      {results && (
        <div className="search-status">
          <span className="search-count" data-testid="search-count" aria-live="polite">
            {hitsLabel(results)}
            {searching ? " · searching…" : ""}
          </span>
          {!autocode && results.hits > 0 && (
            <button
              type="button"
              className="grid-button"
              onClick={() => useSearch.getState().openAutocode()}
            >
              Auto-code hits…
            </button>
          )}
        </div>
      )}
      {!results && searching && <p className="notice">Searching…</p>}
      {!results && !searching && <SearchIntro />}
      {autocode ? <AutocodePanel panel={autocode} /> : <HitList />}
    </div>
  );
}

function SearchIntro() {
  return (
    <div className="notice search-intro">
      <p>Search every answer of every question.</p>
      <p>
        Each hit shows the words around it; click one to see it in its answer, or code all the hits
        at once with Auto-code.
      </p>
    </div>
  );
}
