/**
 * A searchable list of codes to choose one from (a merge's target, a move's new parent):
 * typing ranks the codes fuzzily, Up and Down move the choice, Enter confirms it.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { fuzzyRank } from "../../../../shared/codes/fuzzy.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import { matchedRuns } from "../../coding/picker-options.ts";
import { useProject } from "../../stores/project.ts";

/** The choice: a code, or the top level (where the list offers it). */
export type Choice = CodeId | "top";

interface Props {
  readonly label: string;
  /** Codes that cannot be chosen (the code itself, its own branch). */
  readonly excluded: ReadonlySet<CodeId>;
  readonly offerTopLevel?: boolean;
  readonly chosen: Choice | null;
  onChoose(choice: Choice | null): void;
}

const LIMIT = 50;

export function CodeChooser({ label, excluded, offerTopLevel, chosen, onChoose }: Props) {
  const codeIndex = useProject((s) => s.codeIndex);
  const [query, setQuery] = useState("");
  const listId = useId();
  const candidates = useMemo(
    () =>
      [...codeIndex.values()]
        .filter((code) => !excluded.has(code.id))
        .map((code) => ({ id: code.id as number, path: code.path })),
    [codeIndex, excluded],
  );
  const matches = useMemo(() => fuzzyRank(query, candidates, LIMIT), [query, candidates]);
  const options: { choice: Choice; label: string; matched: readonly number[] }[] = [
    ...(offerTopLevel && query.trim() === ""
      ? [{ choice: "top" as const, label: "Top level", matched: [] }]
      : []),
    ...matches.map((m) => ({ choice: m.id as CodeId, label: m.label, matched: m.matched })),
  ];
  const at = options.findIndex((option) => option.choice === chosen);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector("[aria-selected=true]")?.scrollIntoView({ block: "nearest" });
  }, [chosen]);

  const search = (text: string) => {
    setQuery(text);
    const first = fuzzyRank(text, candidates, 1)[0];
    onChoose(offerTopLevel && text.trim() === "" ? "top" : ((first?.id as CodeId) ?? null));
  };
  const step = (by: number) => {
    const next = options[Math.max(0, Math.min(options.length - 1, at + by))];
    if (next) onChoose(next.choice);
  };

  return (
    <div className="code-chooser">
      <label>
        {label}
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={at >= 0 ? `${listId}-${at}` : undefined}
          placeholder="Type to find a code"
          value={query}
          onChange={(event) => search(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              step(event.key === "ArrowDown" ? 1 : -1);
            }
          }}
        />
      </label>
      <ul ref={listRef} id={listId} role="listbox" aria-label={label} className="code-chooser-list">
        {options.length === 0 && <li className="menu-empty">No code matches.</li>}
        {options.map((option, index) => {
          const color = option.choice === "top" ? null : codeIndex.get(option.choice)?.color;
          return (
            <li
              key={String(option.choice)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={option.choice === chosen}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChoose(option.choice)}
            >
              {color ? (
                <span className="swatch" style={{ backgroundColor: color }} />
              ) : (
                <span className="swatch top-level" />
              )}
              <span className="code-chooser-label">
                {matchedRuns(option.label, option.matched).map((run, i) =>
                  run.bold ? <b key={i}>{run.text}</b> : <span key={i}>{run.text}</span>,
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
