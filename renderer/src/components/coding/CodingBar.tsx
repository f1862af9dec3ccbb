/**
 * The strip under the answers: what is selected and what the keys do with it, and the
 * nine codes on the number keys (pinned first, then the latest used). A code there can
 * also be clicked to apply it to the selection.
 */
import type { ReactNode } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { shortQuote } from "../../coding/quote.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useCoding, useShortcuts } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import { applyToSelection, codeInVivo, openPickerForSelection } from "./actions.ts";
import "./coding-chrome.css";

export function CodingBar() {
  const shortcuts = useShortcuts();
  return (
    <footer className="coding-bar" aria-label="Coding shortcuts">
      <SelectionStatus />
      <ol className="shortcut-codes" aria-label="Codes on the number keys">
        {shortcuts.length === 0 && <li className="shortcut-empty">Pin codes to use keys 1–9</li>}
        {shortcuts.map((id, slot) => (
          <ShortcutCode key={id} id={id} slot={slot} />
        ))}
      </ol>
    </footer>
  );
}

function ShortcutCode({ id, slot }: { readonly id: CodeId; readonly slot: number }) {
  const code = useProject((s) => s.codeIndex.get(id));
  if (!code) return null;
  return (
    <li>
      <button
        type="button"
        title={`${code.path.join(" > ")}: press ${slot + 1} to apply to the selection`}
        // Keep the text selection: a click here must not take it away.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => void applyToSelection({ id })}
      >
        <kbd>{slot + 1}</kbd>
        <span className="swatch" style={{ backgroundColor: code.color }} />
        <span className="shortcut-name">{code.name}</span>
      </button>
    </li>
  );
}

function SelectionStatus() {
  const selection = useCoding((s) => s.selection);
  const row = useAnswers((s) =>
    selection ? s.rows.find((r) => r.answerId === selection.answerId) : undefined,
  );
  if (!selection || !row) {
    return (
      <p className="selection-status">
        <span className="bar-idle">
          Select text in an answer to code it · <kbd>W</kbd> codes the whole answer
        </span>
      </p>
    );
  }
  const passage = row.text.slice(selection.start, selection.end);
  const short = shortQuote(passage, 48);
  return (
    <p className="selection-status" data-testid="selection-status">
      <span className="selected-passage">
        “{short}” <span className="selected-where">in {row.respondent}</span>
      </span>{" "}
      <BarButton onClick={openPickerForSelection} title="Pick or create a code for it (K)">
        <kbd>K</kbd> pick a code
      </BarButton>
      <BarButton onClick={() => void codeInVivo()} title="Make its words a new code (I)">
        <kbd>I</kbd> in vivo
      </BarButton>
      <span className="bar-hint">
        <kbd>1</kbd>–<kbd>9</kbd> shortcut
      </span>
    </p>
  );
}

function BarButton({
  onClick,
  title,
  children,
}: {
  readonly onClick: () => void;
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="bar-button"
      title={title}
      // Keep the text selection: the action needs it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
