/**
 * One searchable list to choose a code from, wherever a code is chosen (a merge's
 * target, a move's destination, the code auto-coding applies, the code whose passages
 * are read). Typing ranks the codes by their path, case and accents ignored; Up and Down
 * move the highlight, Enter chooses, Esc cancels. Nothing is highlighted until the user
 * types or moves, so Enter never picks a code they did not see.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import { matchedRuns, newCodeProblem } from "../../coding/picker-options.ts";
import { useProject } from "../../stores/project.ts";
import {
  choiceOf,
  chooserCodes,
  chooserOptions,
  optionKey,
  type ChooserCode,
  type ChooserOption,
  type CodeChoice,
} from "./code-choices.ts";
import "./code-chooser.css";

export type { CodeChoice };

interface Props {
  /** Names the input and the list; shown above the input when `showLabel`. */
  readonly label: string;
  readonly showLabel?: boolean;
  readonly placeholder?: string;
  /** Codes that cannot be chosen (a code's own branch, for a merge or a move). */
  readonly excluded?: ReadonlySet<CodeId>;
  /** Offer "Top level" first. */
  readonly topLevel?: boolean;
  /** Offer "Create code 'A > B'" for a typed path no code has. */
  readonly create?: boolean;
  /** Said after a category's name ("and below"). */
  readonly categoryHint?: string;
  /** The code chosen so far: marked, and highlighted at first. */
  readonly currentId?: CodeId | undefined;
  readonly autoFocus?: boolean;
  /** The highlighted option changed (null: none); a dialog takes it as its choice. */
  onHighlight?(choice: CodeChoice | null): void;
  /** Enter or a click; without it Enter is left to the surrounding form. */
  onChoose?(choice: CodeChoice): void;
  /** Esc; without it Esc is left to the surrounding dialog. */
  onCancel?(): void;
}

export function CodeChooser(props: Props) {
  const { label, excluded, topLevel, create, currentId, onHighlight, onChoose, onCancel } = props;
  const tree = useProject((s) => s.codes);
  const codes = useMemo(() => chooserCodes(tree, excluded), [tree, excluded]);
  const [query, setQuery] = useState("");
  const options = useMemo(
    () => chooserOptions(query, codes, { topLevel, create }),
    [query, codes, topLevel, create],
  );
  const [active, setActive] = useState(() =>
    options.findIndex((o) => (o.kind === "code" ? o.code.id === currentId : false)),
  );
  const at = Math.min(active, options.length - 1);
  const highlighted = at >= 0 ? options[at] : undefined;
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const problem = highlighted?.kind === "create" ? newCodeProblem(highlighted.path) : null;

  useEffect(() => {
    listRef.current?.querySelector("[aria-selected=true]")?.scrollIntoView({ block: "nearest" });
  }, [at, query]);

  /** Highlights an option of `shown` (-1: none) and tells the parent what it is. */
  const highlight = (shown: readonly ChooserOption[], index: number) => {
    setActive(index);
    const option = shown[index];
    onHighlight?.(option ? choiceOf(option) : null);
  };

  const choose = (option: ChooserOption | undefined) => {
    if (!option) return;
    if (option.kind === "create" && newCodeProblem(option.path) !== null) return;
    if (onChoose) onChoose(choiceOf(option));
    else highlight(options, options.indexOf(option));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter and Esc of an input method finish or cancel the word being composed.
    if (isComposing(event.nativeEvent)) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const from = at < 0 && step < 0 ? options.length : at;
      highlight(options, Math.max(0, Math.min(options.length - 1, from + step)));
    } else if (event.key === "Enter" && onChoose) {
      event.preventDefault();
      choose(highlighted);
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  const input = (
    <input
      type="text"
      className="code-chooser-input"
      autoFocus={props.autoFocus ?? true}
      role="combobox"
      aria-label={props.showLabel ? undefined : label}
      aria-expanded="true"
      aria-controls={listId}
      aria-autocomplete="list"
      aria-activedescendant={highlighted ? `${listId}-${optionKey(highlighted)}` : undefined}
      aria-invalid={problem !== null}
      placeholder={props.placeholder ?? "Type to find a code"}
      value={query}
      onChange={(event) => {
        const text = event.target.value;
        setQuery(text);
        highlight(chooserOptions(text, codes, { topLevel, create }), text.trim() === "" ? -1 : 0);
      }}
      onKeyDown={onKeyDown}
    />
  );
  return (
    <div className="code-chooser">
      {props.showLabel ? (
        <label className="code-chooser-label">
          {label}
          {input}
        </label>
      ) : (
        input
      )}
      {problem !== null && (
        <p className="code-chooser-problem" role="alert">
          {problem}
        </p>
      )}
      <ul ref={listRef} id={listId} role="listbox" aria-label={label} className="code-chooser-list">
        {options.map((option, index) => (
          <li
            key={optionKey(option)}
            id={`${listId}-${optionKey(option)}`}
            role="option"
            aria-selected={index === at}
            className={optionClass(option, currentId)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            <OptionLabel option={option} categoryHint={props.categoryHint} />
          </li>
        ))}
        {options.length === 0 && (
          <li className="code-chooser-empty">
            {codes.length === 0 ? "The codebook is empty." : "No code matches."}
          </li>
        )}
      </ul>
    </div>
  );
}

function optionClass(option: ChooserOption, currentId: CodeId | undefined): string | undefined {
  if (option.kind !== "code") return option.kind;
  const classes = [
    option.code.isCategory ? "category" : "",
    option.code.id === currentId ? "current" : "",
  ];
  return classes.filter(Boolean).join(" ") || undefined;
}

function OptionLabel({
  option,
  categoryHint,
}: {
  readonly option: ChooserOption;
  readonly categoryHint: string | undefined;
}) {
  if (option.kind === "top") {
    return (
      <>
        <span className="swatch top-level" />
        <span className="code-chooser-name">Top level</span>
      </>
    );
  }
  if (option.kind === "create") {
    return <span className="code-chooser-name">+ Create code “{option.path.join(" > ")}”</span>;
  }
  const { code } = option;
  return (
    <>
      <span className="swatch" style={{ backgroundColor: code.color }} />
      <span className="code-chooser-name" title={code.path.join(" > ")}>
        <PathRuns code={code} matched={option.matched} />
      </span>
      {code.isCategory && categoryHint && <span className="code-chooser-hint">{categoryHint}</span>}
    </>
  );
}

/** The path "A › B" with the parents dimmed and the matched letters bold. */
function PathRuns({
  code,
  matched,
}: {
  readonly code: ChooserCode;
  readonly matched: readonly number[];
}) {
  // " › " is as long as " > ", the separator the matched indices count in.
  const label = code.path.join(" › ");
  const ownStart = label.length - (code.path[code.path.length - 1]?.length ?? 0);
  const marks = new Set(matched);
  const parts = [
    { text: label.slice(0, ownStart), from: 0, own: false },
    { text: label.slice(ownStart), from: ownStart, own: true },
  ];
  return (
    <>
      {parts
        .filter((part) => part.text !== "")
        .map((part) => (
          <span key={part.from} className={part.own ? "code-chooser-own" : "code-chooser-parents"}>
            {matchedRuns(
              part.text,
              [...marks].filter((i) => i >= part.from).map((i) => i - part.from),
            ).map((run, i) =>
              run.bold ? <b key={i}>{run.text}</b> : <span key={i}>{run.text}</span>,
            )}
          </span>
        ))}
    </>
  );
}
