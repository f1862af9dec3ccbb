/**
 * A row of tabs, one of them selected: the window's views, and a view's modes (class
 * "mode-tabs", drawn by ./mode-tabs.css). Each tab is a button in a tablist; the selected
 * one has aria-selected and the "selected" class the stylesheets draw it by.
 */
import "./mode-tabs.css";

interface Props<T extends string> {
  readonly tabs: readonly { readonly id: T; readonly label: string }[];
  readonly selected: T;
  onSelect(id: T): void;
  /** Names the tablist for a screen reader ("Views"). */
  readonly label: string;
  readonly className: string;
}

export function Tabs<T extends string>({ tabs, selected, onSelect, label, className }: Props<T>) {
  return (
    <div className={className} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={selected === tab.id}
          className={selected === tab.id ? "selected" : undefined}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
