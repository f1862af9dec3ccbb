/**
 * Auto-code the hits of the search: choose the code and how much of the answer each hit
 * codes, look over the passages that would be coded, uncheck the ones to leave out, and
 * code the rest for the active coder in one undoable step.
 */
import { useId, useMemo, useState } from "react";
import type { AutocodePassage, AutocodeScope } from "../../../../shared/api/search-api.ts";
import { count } from "../../format.ts";
import { codeButtonLabel, isChecked, passagesToCode } from "../../search/autocode-choice.ts";
import { headOf, oneLine, passageParts, tailOf } from "../../search/kwic.ts";
import { useCoding } from "../../stores/coding.ts";
import { useSearch, type AutocodePanel as Panel } from "../../stores/search.ts";
import { AutocodeCode } from "./AutocodeCode.tsx";
import { moveBetweenRows } from "./HitList.tsx";
import { useGrowOnScroll } from "./useGrowOnScroll.ts";

const SCOPES: readonly { readonly scope: AutocodeScope; readonly label: string }[] = [
  { scope: "hit", label: "Just the hit" },
  { scope: "sentence", label: "Its sentence" },
  { scope: "answer", label: "The whole answer" },
];

/** Passages rendered at first and added per scroll: the preview may hold 50,000. */
const SHOWN_STEP = 300;
const NO_PASSAGES: readonly AutocodePassage[] = [];
/** A whole answer can be long: the passage is shown this far around its hit. */
const PASSAGE_CONTEXT = 240;

export function AutocodePanel({ panel }: { readonly panel: Panel }) {
  const coder = useCoding((s) => s.coder);
  const { closeAutocode, setScope, checkAll, apply } = useSearch.getState();
  const scopeName = useId();
  const passages = panel.preview?.passages ?? NO_PASSAGES;
  const toCode = useMemo(
    () => passagesToCode(passages, panel.unchecked),
    [passages, panel.unchecked],
  );
  const coded = useMemo(() => passages.filter((p) => p.alreadyCoded).length, [passages]);
  const ready = panel.code !== null && panel.preview !== null && !panel.loading;

  return (
    <section className="autocode" aria-label="Auto-code hits">
      <header className="autocode-head">
        <h2>Auto-code hits</h2>
        <button type="button" className="grid-button" onClick={closeAutocode}>
          Back to hits
        </button>
      </header>
      <div className="autocode-settings">
        <div className="autocode-field">
          <span className="autocode-label">Code</span>
          <AutocodeCode code={panel.code} />
        </div>
        <fieldset className="autocode-field autocode-scope">
          <legend className="autocode-label">Passage</legend>
          {SCOPES.map(({ scope, label }) => (
            <label key={scope}>
              <input
                type="radio"
                name={scopeName}
                checked={panel.scope === scope}
                onChange={() => setScope(scope)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      {panel.error && (
        <p className="search-error" role="alert">
          {panel.error}
        </p>
      )}
      <div className="autocode-bar">
        <button type="button" className="grid-button" onClick={() => checkAll(true)}>
          Check all
        </button>
        <button type="button" className="grid-button" onClick={() => checkAll(false)}>
          Check none
        </button>
        <span className="autocode-summary" aria-live="polite">
          {panel.preview === null
            ? "Preparing the preview…"
            : `${count(passages.length, "hit")}${coded > 0 ? `, ${coded} already coded` : ""}${
                panel.preview.truncated ? " (only the first ones are listed and coded)" : ""
              }`}
        </span>
        <span className="grid-spacer" />
        {panel.done && <span className="autocode-done">{panel.done}</span>}
        <button
          type="button"
          className="primary-button"
          disabled={!ready || toCode === 0 || panel.applying}
          title={panel.code === null ? "Choose a code first" : undefined}
          onClick={() => void apply()}
        >
          {panel.applying ? "Coding…" : codeButtonLabel(toCode)}
        </button>
      </div>
      {coder === null && (
        <p className="autocode-note">You will be asked who is coding before anything is coded.</p>
      )}
      <PreviewList panel={panel} />
    </section>
  );
}

function PreviewList({ panel }: { readonly panel: Panel }) {
  const passages = panel.preview?.passages ?? NO_PASSAGES;
  const [shown, setShown] = useState(SHOWN_STEP);
  const visible = passages.slice(0, shown);
  const more = visible.length < passages.length;
  const sentinel = useGrowOnScroll(() => setShown((n) => n + SHOWN_STEP), more, visible.length);
  return (
    <div className={panel.loading ? "kwic-scroller loading" : "kwic-scroller"}>
      <ol
        className="autocode-list"
        aria-label="Passages to code"
        onKeyDown={(e) => moveBetweenRows(e, "input[type=checkbox]")}
      >
        {visible.map((passage) => (
          <PreviewRow
            key={passage.key}
            passage={passage}
            checked={isChecked(passage, panel.unchecked)}
          />
        ))}
      </ol>
      <div ref={sentinel} className="kwic-more" />
    </div>
  );
}

function PreviewRow({
  passage,
  checked,
}: {
  readonly passage: AutocodePassage;
  readonly checked: boolean;
}) {
  const parts = passageParts(passage);
  const { hit } = passage;
  const justTheHit = passage.start === hit.start && passage.end === hit.end;
  return (
    <li className={passage.alreadyCoded ? "autocode-row coded" : "autocode-row"}>
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={passage.alreadyCoded}
          onChange={() => useSearch.getState().toggle(passage.key)}
          aria-label={`${hit.respondent}, ${hit.question}: ${oneLine(hit.match)}`}
        />
        <span className="kwic-respondent">{hit.respondent}</span>
        <span className="kwic-question">{hit.question}</span>
        <span className="autocode-passage">
          {/* Just the hit: the words around it say which one it is. */}
          {justTheHit && <span className="autocode-context">{tailOf(hit.before, 90)}</span>}
          <span className="autocode-extent">
            {tailOf(parts.before, PASSAGE_CONTEXT)}
            <mark>{oneLine(parts.match)}</mark>
            {headOf(parts.after, PASSAGE_CONTEXT)}
          </span>
          {justTheHit && <span className="autocode-context">{headOf(hit.after, 90)}</span>}
        </span>
        {passage.alreadyCoded && <span className="autocode-coded">already coded</span>}
      </label>
    </li>
  );
}
