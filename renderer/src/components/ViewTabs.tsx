/**
 * The tabs over the middle of the window: code answers, search them (and auto-code),
 * read the passages of a code (and copy quotes), see which codes go together, or read
 * the frequencies for the report.
 */
import { useView, type MainView } from "../stores/view.ts";

const TABS: readonly { readonly view: MainView; readonly label: string }[] = [
  { view: "coding", label: "Answers" },
  { view: "search", label: "Search" },
  { view: "passages", label: "Passages" },
  { view: "cooccurrence", label: "Co-occurrence" },
  { view: "frequencies", label: "Frequencies" },
];

export function ViewTabs() {
  const view = useView((s) => s.view);
  const show = useView((s) => s.show);
  return (
    <nav className="view-tabs" role="tablist" aria-label="Views">
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          aria-selected={view === tab.view}
          className={view === tab.view ? "selected" : undefined}
          onClick={() => show(tab.view)}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}
