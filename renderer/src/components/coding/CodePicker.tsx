/**
 * The quick picker: a small input that floats under the selected passage. Typing ranks
 * the codebook fuzzily; Enter applies the highlighted code (the first by default),
 * arrows move, Esc closes and gives the selection back. When nothing matches exactly,
 * the first option creates the code typed ("A > B" nests B under A) and applies it, as
 * one undoable step.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import {
  matchedRuns,
  newCodeProblem,
  pickerOptions,
  type PickerOption,
} from "../../coding/picker-options.ts";
import { shortQuote } from "../../coding/quote.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useCoding, useShortcuts, type CodeRef } from "../../stores/coding.ts";
import {
  focusAnswerText,
  usePanels,
  type PickerMode,
  type PickerState,
} from "../../stores/coding-panels.ts";
import { useProject } from "../../stores/project.ts";
import { applyCode } from "./actions.ts";
import { selectInAnswer } from "./answer-editors.ts";
import { useDismiss, useFloatingStyle } from "./floating.ts";
import "./coding-panels.css";

export function CodePicker() {
  const picker = usePanels((s) => s.picker);
  return picker ? <PickerPanel picker={picker} /> : null;
}

function answerIdOf(mode: PickerMode) {
  return mode.kind === "apply" ? mode.target.answerId : mode.answerId;
}

function PickerPanel({ picker }: { readonly picker: PickerState }) {
  const { mode } = picker;
  const codeIndex = useProject((s) => s.codeIndex);
  const shortcuts = useShortcuts();
  const [query, setQuery] = useState("");
  const [highlighted, setHighlighted] = useState(0);
  const [busy, setBusy] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  const candidates = useMemo(() => {
    const first = shortcuts.map((id) => codeIndex.get(id)).filter((c) => c !== undefined);
    const rest = [...codeIndex.values()].filter((c) => !shortcuts.includes(c.id));
    return [...first, ...rest].map((c) => ({ id: c.id as number, path: c.path }));
  }, [codeIndex, shortcuts]);
  const options = useMemo(() => pickerOptions(query, candidates), [query, candidates]);
  const current = Math.min(highlighted, Math.max(0, options.length - 1));
  const creating = options[current];
  // Said before Enter, in the core's words: a name it would refuse is not sent.
  const problem = creating?.kind === "create" ? newCodeProblem(creating.path) : null;

  const close = (giveBack: boolean) => {
    usePanels.getState().closePicker();
    if (giveBack && mode.kind === "apply") {
      selectInAnswer(mode.target.answerId, mode.target.start, mode.target.end);
    }
    if (mode.kind !== "recode") focusAnswerText(answerIdOf(mode));
  };
  useDismiss(panelRef, () => close(false));
  const style = useFloatingStyle(panelRef, picker.anchor, 360);

  const choose = async (option: PickerOption | undefined) => {
    if (!option || busy) return;
    if (option.kind === "create" && newCodeProblem(option.path) !== null) return;
    const code: CodeRef =
      option.kind === "code" ? { id: option.id as CodeId } : { path: [...option.path] };
    setBusy(true);
    const done = await perform(mode, code);
    setBusy(false);
    // Without a coder the name prompt takes over, and applies the code once answered.
    if (done || useCoding.getState().askingCoder) usePanels.getState().closePicker();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter and Esc of an input method finish or cancel the word being composed.
    if (isComposing(event.nativeEvent)) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlighted((current + step + options.length) % Math.max(1, options.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      void choose(options[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div
      className="code-picker floating-panel"
      ref={panelRef}
      role="dialog"
      aria-label={title(mode)}
      style={style}
    >
      <p className="panel-title">{title(mode)}</p>
      <Subject mode={mode} />
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        aria-label="Code name"
        placeholder="Type a code, or a new one (A > B nests)"
        value={query}
        disabled={busy}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${listId}-problem` : undefined}
      />
      {problem !== null && (
        <p id={`${listId}-problem`} className="picker-problem" role="alert">
          {sentence(problem)}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Codes">
        {options.length === 0 && <li className="picker-empty">No codes yet: type a name.</li>}
        {options.map((option, index) => (
          <li
            key={option.kind === "code" ? option.id : "create"}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            aria-disabled={option.kind === "create" && newCodeProblem(option.path) !== null}
            className={`${option.kind}${index === current ? " highlighted" : ""}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setHighlighted(index)}
            onClick={() => void choose(option)}
          >
            <OptionLabel option={option} shortcuts={shortcuts} />
          </li>
        ))}
      </ul>
      <p className="panel-hint">↑↓ choose · Enter apply · Esc close</p>
    </div>
  );
}

function OptionLabel({
  option,
  shortcuts,
}: {
  readonly option: PickerOption;
  readonly shortcuts: readonly CodeId[];
}) {
  const codeIndex = useProject((s) => s.codeIndex);
  if (option.kind === "create") {
    return (
      <>
        <span className="create-mark">+</span>
        <span className="option-label">
          Create code “{shortQuote(option.path.join(" > "), 80)}”
        </span>
      </>
    );
  }
  const code = codeIndex.get(option.id as CodeId);
  const slot = shortcuts.indexOf(option.id as CodeId);
  return (
    <>
      <span className="swatch" style={{ backgroundColor: code?.color }} />
      <span className="option-label">
        {matchedRuns(option.label, option.matched).map((run, i) =>
          run.bold ? <b key={i}>{run.text}</b> : <span key={i}>{run.text}</span>,
        )}
      </span>
      {slot >= 0 && <kbd>{slot + 1}</kbd>}
    </>
  );
}

function title(mode: PickerMode): string {
  switch (mode.kind) {
    case "apply":
      return "Apply a code to the selection";
    case "whole":
      return "Code the whole answer";
    case "recode":
      return "Change the code of this passage";
  }
}

/** The passage or answer the picker acts on, quoted short. */
function Subject({ mode }: { readonly mode: PickerMode }) {
  const answerId = answerIdOf(mode);
  const row = useAnswers((s) => s.rows.find((r) => r.answerId === answerId));
  if (!row) return null;
  let quote = row.text;
  if (mode.kind === "apply") quote = row.text.slice(mode.target.start, mode.target.end);
  if (mode.kind === "recode") {
    const segment = row.segments.find((s) => s.id === mode.segmentId);
    if (segment) quote = row.text.slice(segment.start, segment.end);
  }
  const short = shortQuote(quote, 90);
  return (
    <p className="panel-subject">
      <span>{row.respondent}</span> “{short}”
    </p>
  );
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

async function perform(mode: PickerMode, code: CodeRef): Promise<boolean> {
  switch (mode.kind) {
    case "apply":
      return applyCode(code, mode.target);
    case "whole":
      return applyCode(code, { answerId: mode.answerId });
    case "recode": {
      const result = await useCoding.getState().recode(mode.segmentId, code);
      if (result !== null) usePanels.getState().replaceSegment(mode.segmentId, result);
      return result !== null;
    }
  }
}
