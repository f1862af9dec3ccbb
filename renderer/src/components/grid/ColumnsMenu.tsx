/** "Columns": which respondent attributes show beside each answer. */
import { useMemo } from "react";
import { shownColumns, useColumns } from "../../stores/columns.ts";
import { useProject } from "../../stores/project.ts";
import { Popover } from "./Popover.tsx";

const NONE: readonly string[] = [];

/**
 * The attribute columns chosen for the open project; the same array until the choice
 * changes, so rows (memoised) do not re-render for nothing.
 */
export function useShownColumns(): readonly string[] {
  const path = useProject((s) => s.summary?.path);
  const attributes = useProject((s) => s.summary?.attributes) ?? NONE;
  const chosen = useColumns((s) => s.chosen);
  return useMemo(() => shownColumns(chosen, path, attributes), [chosen, path, attributes]);
}

export function ColumnsMenu() {
  const path = useProject((s) => s.summary?.path);
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const choose = useColumns((s) => s.choose);
  const shown = useShownColumns();
  if (path === undefined || attributes.length === 0) return null;
  const set = (names: readonly string[]) => choose(path, names);
  return (
    <Popover
      label={`Columns ${shown.length}/${attributes.length}`}
      ariaLabel="Columns"
      align="end"
      panelLabel="Attribute columns"
    >
      <fieldset className="filter-section">
        <legend>Show beside each answer</legend>
        <div className="filter-options">
          {attributes.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={shown.includes(name)}
                onChange={(event) =>
                  set(event.target.checked ? [...shown, name] : shown.filter((n) => n !== name))
                }
              />
              {name}
            </label>
          ))}
        </div>
        <div className="filter-row">
          <button type="button" className="link" onClick={() => set(attributes)}>
            All
          </button>
          <button type="button" className="link" onClick={() => set([])}>
            None
          </button>
        </div>
      </fieldset>
    </Popover>
  );
}
