/**
 * The code auto-coding applies: a searchable list of the codebook's codes, or a new path
 * typed as "A > B". Once chosen it shows as a chip with a Change button.
 */
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import {
  matchedRuns,
  newCodeProblem,
  pickerOptions,
  type PickerOption,
} from "../../coding/picker-options.ts";
import type { CodeRef } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import { codeAtPath } from "../../search/code-ref.ts";
import { codeRefLabel, useSearch } from "../../stores/search.ts";

export function CodeChooser({ code }: { readonly code: CodeRef | null }) {
  const codeIndex = useProject((s) => s.codeIndex);
  const [changing, setChanging] = useState(false);
  if (code && !changing) {
    const existing =
      "id" in code ? codeIndex.get(code.id as CodeId) : codeAtPath(codeIndex, code.path);
    return (
      <div className="autocode-code-chosen">
        {existing && <span className="swatch" style={{ backgroundColor: existing.color }} />}
        <span className="autocode-code-name">{codeRefLabel(code)}</span>
        {!existing && <span className="autocode-new">new code</span>}
        <button type="button" className="grid-button" onClick={() => setChanging(true)}>
          Change…
        </button>
      </div>
    );
  }
  return (
    <CodeSearch
      onChosen={(chosen) => {
        setChanging(false);
        useSearch.getState().chooseCode(chosen);
      }}
      onCancel={code ? () => setChanging(false) : undefined}
    />
  );
}

function CodeSearch({
  onChosen,
  onCancel,
}: {
  readonly onChosen: (code: CodeRef) => void;
  readonly onCancel: (() => void) | undefined;
}) {
  const codeIndex = useProject((s) => s.codeIndex);
  const [query, setQuery] = useState("");
  const [highlighted, setHighlighted] = useState(0);
  const listId = useId();
  const candidates = useMemo(
    () => [...codeIndex.values()].map((c) => ({ id: c.id as number, path: c.path })),
    [codeIndex],
  );
  const options = useMemo(() => pickerOptions(query, candidates, 100), [query, candidates]);
  const current = Math.min(highlighted, Math.max(0, options.length - 1));
  const creating = options[current];
  const problem = creating?.kind === "create" ? newCodeProblem(creating.path) : null;

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    if (option.kind === "create") {
      if (newCodeProblem(option.path) === null) onChosen({ path: [...option.path] });
    } else {
      onChosen({ id: option.id as CodeId });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(event.nativeEvent)) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlighted((current + step + options.length) % Math.max(1, options.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(options[current]);
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="autocode-code-search">
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        aria-label="Code to apply"
        placeholder="Find a code, or type a new one (A > B nests)"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={problem !== null}
      />
      {problem !== null && (
        <p className="search-error" role="alert">
          {problem}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Codes" className="autocode-code-list">
        {options.length === 0 && <li className="autocode-empty">No codes yet: type a name.</li>}
        {options.map((option, index) => (
          <li
            key={option.kind === "code" ? option.id : "create"}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={index === current ? "highlighted" : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setHighlighted(index)}
            onClick={() => choose(option)}
          >
            <OptionLabel option={option} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function OptionLabel({ option }: { readonly option: PickerOption }) {
  const codeIndex = useProject((s) => s.codeIndex);
  if (option.kind === "create") {
    return <span>+ Create code “{option.path.join(" > ")}”</span>;
  }
  const color = codeIndex.get(option.id as CodeId)?.color;
  return (
    <>
      <span className="swatch" style={{ backgroundColor: color }} />
      <span>
        {matchedRuns(option.label, option.matched).map((run, i) =>
          run.bold ? <b key={i}>{run.text}</b> : <span key={i}>{run.text}</span>,
        )}
      </span>
    </>
  );
}
