/**
 * The answers (and attributes) the file would change: nothing was written, and each
 * waits for the user's Keep or Replace. Keep is the default: an answer someone may
 * already have coded is never lost by accident.
 */
import type { ImportConflict } from "../../../../shared/import/mapping.ts";
import { count } from "../../import/describe.ts";
import { useImportWizard, type ConflictChoice } from "../../stores/import-wizard.ts";
import { WizardFooter } from "./WizardFooter.tsx";

export function ConflictList() {
  const { report, inspection, choices, restChoice, chooseAll, applyChoices, cancelConflicts } =
    useImportWizard();
  const conflicts = report?.conflicts ?? [];
  const unlisted = report ? report.conflicts_total - conflicts.length : 0;
  const unit = inspection?.unit ?? "line";
  return (
    <>
      <div className="wizard-body">
        <p className="conflict-intro">
          {count(report?.conflicts_total ?? conflicts.length, conflictNoun(conflicts))} in the file{" "}
          {(report?.conflicts_total ?? conflicts.length) === 1 ? "differs" : "differ"} from the
          project. Nothing is imported until you choose, for each, which text to keep.
        </p>
        {unlisted > 0 && (
          <p className="conflict-more" role="note">
            {restChoice
              ? `${restChoice === "keep" ? "Keep" : "Replace"} applies to the ${count(unlisted, "more conflict")} not listed too.`
              : `${count(unlisted, "more conflict")} ${unlisted === 1 ? "is" : "are"} not listed: Keep all or Replace all settles them too; or choose one by one, and Apply shows the next ones.`}
          </p>
        )}
        <div className="conflict-bulk">
          <button type="button" onClick={() => chooseAll("keep")}>
            Keep all
          </button>
          <button type="button" onClick={() => chooseAll("replace")}>
            Replace all
          </button>
        </div>
        <ul className="conflict-list" aria-label="Conflicts">
          {conflicts.map((conflict, index) => (
            <ConflictItem
              key={conflict.key}
              conflict={conflict}
              name={`conflict-${index}`}
              unit={unit}
              choice={choices[conflict.key] ?? "keep"}
            />
          ))}
        </ul>
        {report && report.warnings.length > 0 && (
          <ul className="wizard-warnings" aria-label="Warnings">
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </div>
      <WizardFooter>
        <button type="button" onClick={cancelConflicts}>
          Cancel import
        </button>
        <button type="button" className="primary" onClick={() => void applyChoices()}>
          Apply
        </button>
      </WizardFooter>
    </>
  );
}

/** "answer", "attribute value", or "value" for a mix of both. */
function conflictNoun(conflicts: readonly ImportConflict[]): string {
  const kinds = new Set(conflicts.map((c) => c.kind));
  if (kinds.size > 1) return "value";
  return kinds.has("attribute") ? "attribute value" : "answer";
}

function ConflictItem({
  conflict,
  name,
  unit,
  choice,
}: {
  readonly conflict: ImportConflict;
  readonly name: string;
  readonly unit: string;
  readonly choice: ConflictChoice;
}) {
  const choose = useImportWizard((s) => s.choose);
  const what = conflict.kind === "answer" ? conflict.question : `attribute ${conflict.attribute}`;
  const title = `${conflict.respondent}, ${what}`;
  return (
    <li className="conflict" aria-label={title}>
      <header>
        <strong>{conflict.respondent}</strong>
        <span className="conflict-what">{what}</span>
        <span className="conflict-line">
          {unit} {conflict.line}
        </span>
      </header>
      <div className="conflict-texts">
        <ConflictText heading="In the project" text={conflict.existing} />
        <ConflictText heading="In the file" text={conflict.incoming} />
      </div>
      <div className="conflict-choice" role="radiogroup" aria-label={`Keep or replace: ${title}`}>
        {(["keep", "replace"] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={choice === option}
              onChange={() => choose(conflict.key, option)}
            />
            {option === "keep" ? "Keep" : "Replace"}
          </label>
        ))}
        {conflict.kind === "answer" && conflict.segments > 0 && (
          <span className="conflict-warning">
            Replacing drops {count(conflict.segments, "coded passage")}
          </span>
        )}
      </div>
    </li>
  );
}

function ConflictText({ heading, text }: { readonly heading: string; readonly text: string }) {
  return (
    <div className="conflict-text">
      <h4>{heading}</h4>
      {text === "" ? <p className="hint">blank</p> : <p>{text}</p>}
    </div>
  );
}
