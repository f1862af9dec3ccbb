/**
 * The code whose passages are listed: a button naming it, opening a searchable list of
 * every code and category of the codebook (arrow keys, Enter, Escape).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { codeOptions, matchingOptions, type CodeOption } from "../../retrieval/code-options.ts";
import { useProject } from "../../stores/project.ts";

interface Props {
  readonly codeId: CodeId | undefined;
  onChoose(codeId: CodeId): void;
  /** Opens the list at once (nothing chosen yet). */
  readonly startOpen?: boolean;
}

export function CodeChooser({ codeId, onChoose, startOpen = false }: Props) {
  const codes = useProject((s) => s.codes);
  const options = useMemo(() => codeOptions(codes), [codes]);
  const current = options.find((option) => option.id === codeId);
  const [open, setOpen] = useState(startOpen && options.length > 0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="code-chooser" ref={root}>
      <button
        type="button"
        ref={button}
        className="grid-button code-chooser-button"
        aria-expanded={open}
        aria-label={current ? `Code: ${current.path.join(" > ")}` : "Choose a code"}
        onClick={() => setOpen((was) => !was)}
      >
        {current ? (
          <>
            <span className="swatch" style={{ backgroundColor: current.color }} />
            <span className="code-chooser-path">{current.path.join(" › ")}</span>
          </>
        ) : (
          <span className="code-chooser-path placeholder">Choose a code…</span>
        )}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <CodeList
          options={options}
          currentId={codeId}
          onChoose={(id) => {
            onChoose(id);
            close();
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}

function CodeList({
  options,
  currentId,
  onChoose,
  onCancel,
}: {
  readonly options: readonly CodeOption[];
  readonly currentId: CodeId | undefined;
  onChoose(codeId: CodeId): void;
  onCancel(): void;
}) {
  const [query, setQuery] = useState("");
  const shown = matchingOptions(options, query);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      shown.findIndex((option) => option.id === currentId),
    ),
  );
  const listId = useId();
  const activeIndex = Math.min(active, shown.length - 1);
  const searching = query.trim() !== "";

  useEffect(() => {
    document.getElementById(`${listId}-${activeIndex}`)?.scrollIntoView({ block: "nearest" });
  }, [listId, activeIndex]);

  const onKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(Math.max(0, Math.min(shown.length - 1, activeIndex + step)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = shown[activeIndex];
      if (option) onChoose(option.id);
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="grid-popover-panel align-start code-chooser-panel">
      <input
        type="text"
        role="combobox"
        aria-label="Find a code"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown.length ? `${listId}-${activeIndex}` : undefined}
        placeholder="Find a code or category…"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label="Codes" className="code-chooser-list">
        {shown.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={`${option.isCategory ? "category" : ""}${option.id === currentId ? " current" : ""}`}
            style={{ paddingLeft: 8 + (searching ? 0 : option.depth * 16) }}
            onMouseEnter={() => setActive(index)}
            onClick={() => onChoose(option.id)}
          >
            <span className="swatch" style={{ backgroundColor: option.color }} />
            <span className="code-chooser-name">
              {searching ? option.path.join(" › ") : option.name}
            </span>
            {option.isCategory && <span className="filter-hint">and below</span>}
          </li>
        ))}
        {shown.length === 0 && (
          <li className="filter-hint code-chooser-none">
            {options.length === 0 ? "The codebook is empty." : "No code matches."}
          </li>
        )}
      </ul>
    </div>
  );
}
