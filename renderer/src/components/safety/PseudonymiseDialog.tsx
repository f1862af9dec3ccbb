/**
 * File › Pseudonymise a copy…: a list of names (and, if asked, e-mail addresses,
 * telephone numbers, web addresses) to replace, a live count of what would change with a
 * few passages before and after, and where to write the copy (beside the project by
 * default; a typed path, as in Export). The open project is never changed; the dialog
 * ends by saying what the copy holds and where it is.
 */
import { useEffect, useId, type FormEvent } from "react";
import type { PseudonymiseReport } from "../../../../shared/api/safety-api.ts";
import {
  otherChangesInWords,
  replacementsInWords,
} from "../../../../shared/text/pseudonymise-words.ts";
import { PATTERN_RULES } from "../../../../shared/text/pseudonymise.ts";
import { defaultCopyPath, formRequest } from "../../safety/pseudonymise-request.ts";
import { PREVIEW_DELAY_MS, usePseudonymise } from "../../safety/pseudonymise-store.ts";
import { useProject } from "../../stores/project.ts";
import { useSafety } from "../../stores/safety.ts";
import { Problem, SafetyShell } from "./SafetyShell.tsx";
import "../export/export.css";
import "./pseudonymise-dialog.css";

const PLACEHOLDER = "Anna Schmidt => Respondent A\nDublin => City X\nBoris";

export function PseudonymiseDialog() {
  const close = useSafety((s) => s.close);
  const projectPath = useProject((s) => s.summary?.path ?? null);
  const phase = usePseudonymise((s) => s.phase);
  const start = usePseudonymise((s) => s.start);
  useEffect(() => {
    if (projectPath) start(defaultCopyPath(projectPath));
  }, [projectPath, start]);
  const running = phase === "running";
  return (
    <SafetyShell
      title="Pseudonymise a copy"
      className="pseudonymise-dialog"
      {...(running ? {} : { onCancel: close })}
    >
      {phase === "done" ? <Done onClose={close} /> : <Choosing onCancel={close} />}
    </SafetyShell>
  );
}

function Choosing({ onCancel }: { readonly onCancel: () => void }) {
  const form = usePseudonymise((s) => s.form);
  const path = usePseudonymise((s) => s.path);
  const phase = usePseudonymise((s) => s.phase);
  const error = usePseudonymise((s) => s.error);
  const edit = usePseudonymise((s) => s.edit);
  const setPath = usePseudonymise((s) => s.setPath);
  const create = usePseudonymise((s) => s.create);
  const refreshPreview = usePseudonymise((s) => s.refreshPreview);
  const formatId = useId();
  useEffect(() => {
    const timer = setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, refreshPreview]);
  const ready = formRequest(form).ok && path.trim() !== "";
  const running = phase === "running";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };
  const check = (
    key: "emails" | "phones" | "urls" | "matchCase" | "insideWords",
    label: string,
  ) => (
    <label className="export-check">
      <input
        type="checkbox"
        checked={form[key]}
        disabled={running}
        onChange={(event) => edit({ [key]: event.target.checked })}
      />
      {label}
    </label>
  );
  return (
    <form onSubmit={submit}>
      <p className="dialog-hint">
        Writes a copy of this project with names replaced, for a second coder or an archive. Coded
        passages move with their words; this project is not changed.
      </p>
      <label className="pseudonymise-terms">
        Names and terms to replace
        <textarea
          autoFocus
          rows={6}
          spellCheck={false}
          value={form.termsText}
          placeholder={PLACEHOLDER}
          aria-describedby={formatId}
          disabled={running}
          onChange={(event) => edit({ termsText: event.target.value })}
        />
      </label>
      <p id={formatId} className="pseudonymise-format">
        One a line: <code>Name =&gt; Pseudonym</code>. A name without a pseudonym gets{" "}
        <code>[name 1]</code>, <code>[name 2]</code>… in list order. Lines starting with{" "}
        <code>#</code> are ignored.
      </p>
      <div className="pseudonymise-options">
        <fieldset className="export-group">
          <legend>Also replace</legend>
          {check("emails", "E-mail addresses → [email]")}
          {check("phones", "Telephone numbers → [phone]")}
          {check("urls", "Web addresses → [url]")}
        </fieldset>
        <fieldset className="export-group">
          <legend>Matching</legend>
          {check("matchCase", "Match case")}
          {check("insideWords", "Inside words too (“Ann” in “Annual”)")}
        </fieldset>
      </div>
      <PreviewPanel />
      <label className="pseudonymise-path">
        Save the copy to (a path on this computer)
        <input
          value={path}
          spellCheck={false}
          disabled={running}
          onChange={(event) => setPath(event.target.value)}
        />
      </label>
      <Problem text={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={running}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!ready || running}>
          {running ? "Creating copy…" : "Create copy"}
        </button>
      </div>
    </form>
  );
}

function PreviewPanel() {
  const preview = usePseudonymise((s) => s.preview);
  const body = () => {
    switch (preview.kind) {
      case "none":
        return <p className="pseudonymise-count muted">{preview.hint}</p>;
      case "counting":
        return <p className="pseudonymise-count muted">Counting…</p>;
      case "failed":
        return <p className="pseudonymise-count safety-error">{preview.message}</p>;
      case "ready": {
        const { replacements, answersChanged, examples, byTerm } = preview.preview;
        const missing = byTerm.filter((term) => term.count === 0).map((term) => term.find);
        return (
          <>
            <p className="pseudonymise-count">
              {replacements === 0
                ? "Nothing to replace: none of these are in the project."
                : replacementsInWords(replacements, answersChanged)}
            </p>
            {missing.length > 0 && replacements > 0 && (
              <p className="pseudonymise-missing">
                Not found: {missing.slice(0, 8).join(", ")}
                {missing.length > 8 ? "…" : ""}
              </p>
            )}
            {examples.length > 0 && (
              <ul className="pseudonymise-examples" aria-label="Examples">
                {examples.map((example, index) => (
                  <li key={index}>
                    <span className="pseudonymise-before">{example.before}</span>
                    <span className="pseudonymise-arrow" aria-label="becomes">
                      →
                    </span>
                    <span className="pseudonymise-after">{example.after}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }
    }
  };
  return (
    <section className="pseudonymise-preview" aria-label="Preview" aria-live="polite">
      {body()}
    </section>
  );
}

function Done({ onClose }: { readonly onClose: () => void }) {
  const report = usePseudonymise((s) => s.report) as PseudonymiseReport;
  const openProject = useProject((s) => s.openProject);
  const others = otherChangesInWords(report);
  const found = report.byTerm.filter((term) => term.count > 0);
  return (
    <div role="status">
      <p className="safety-done">
        <strong>The pseudonymised copy is written.</strong>{" "}
        {replacementsInWords(report.replacements, report.answersChanged)}
        {others ? `; ${others}` : ""}. This project is unchanged.
      </p>
      {found.length > 0 && (
        <table className="pseudonymise-terms-table">
          <thead>
            <tr>
              <th scope="col">Replaced</th>
              <th scope="col">With</th>
              <th scope="col">Times</th>
            </tr>
          </thead>
          <tbody>
            {found.slice(0, 12).map((term) => (
              <tr key={term.find}>
                <td>{isPattern(term.find) ? capitalised(term.find) : term.find}</td>
                <td>{term.replace}</td>
                <td className="number">{term.count.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="safety-question">The copy is at</p>
      <p className="safety-path">{report.path}</p>
      <div className="dialog-actions">
        <button
          type="button"
          onClick={() => {
            onClose();
            void openProject(report.path);
          }}
        >
          Open the copy
        </button>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** "telephone numbers" as a row of its own: "Telephone numbers". A user's term stays as typed. */
function isPattern(find: string): boolean {
  return Object.values(PATTERN_RULES).some((rule) => rule.find === find);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
