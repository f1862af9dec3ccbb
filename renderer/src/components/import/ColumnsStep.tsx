/**
 * Step 2, the columns: what each one becomes, pre-set from the core's guess, with a few
 * of its values to judge by. Questions get their label and text here; code columns the
 * question they code and, once there is one, the coder and the cell format.
 */
import type { ImportInspection } from "../../../../shared/import/inspection.ts";
import {
  COLUMN_ROLES,
  ROLE_NAMES,
  editColumn,
  hasCodeColumns,
  idColumnOf,
  longLayoutOf,
  questionColumns,
  setIdColumn,
  setRole,
  type ColumnDraft,
  type ColumnRole,
  type MappingDraft,
} from "../../import/draft.ts";
import { useImportWizard } from "../../stores/import-wizard.ts";
import { useProject } from "../../stores/project.ts";

interface Props {
  readonly inspection: ImportInspection;
  readonly draft: MappingDraft;
}

export function ColumnsStep({ inspection, draft }: Props) {
  const editDraft = useImportWizard((s) => s.editDraft);
  const idColumn = idColumnOf(draft);
  return (
    <section className="wizard-step" aria-labelledby="import-step-columns">
      <h3 id="import-step-columns">
        <span className="step-number">2</span> Columns
      </h3>
      <div className="id-choice">
        <label className="field">
          Respondent ID
          <select
            value={idColumn ?? ""}
            onChange={(e) => editDraft((d) => setIdColumn(d, e.target.value || null))}
          >
            <option value="">none (number the rows)</option>
            {draft.columns.map((c) => (
              <option key={c.column} value={c.column}>
                {c.column}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          {idColumn === null
            ? "Rows are numbered 1, 2, 3… in file order; a later wave cannot be matched to them."
            : "Rows whose ID is already in the project add to that respondent."}
        </p>
      </div>
      <table className="column-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Role</th>
            <th scope="col">Sample values</th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {draft.columns.map((column) => (
            <ColumnRow key={column.column} inspection={inspection} draft={draft} column={column} />
          ))}
        </tbody>
      </table>
      {hasCodeColumns(draft) && <CodeColumnsFieldset draft={draft} />}
    </section>
  );
}

function ColumnRow({ inspection, draft, column }: Props & { readonly column: ColumnDraft }) {
  const editDraft = useImportWizard((s) => s.editDraft);
  const profile = inspection.profiles.find((p) => p.column === column.column);
  return (
    <tr className={`column-row role-${column.role}`} data-column={column.column}>
      <th scope="row">
        <span className="column-name" title={column.column}>
          {column.column}
        </span>
        {profile && (
          <span className="column-profile">
            {profile.nonEmpty.toLocaleString("en")} of {inspection.sampled.toLocaleString("en")}{" "}
            filled · {profile.distinct.toLocaleString("en")} different
          </span>
        )}
      </th>
      <td>
        <select
          aria-label={`Role of ${column.column}`}
          value={column.role}
          onChange={(e) =>
            editDraft((d) => setRole(d, column.column, e.target.value as ColumnRole))
          }
        >
          {COLUMN_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_NAMES[role]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <SampleValues inspection={inspection} column={column.column} />
      </td>
      <td>
        <RoleDetails draft={draft} column={column} />
      </td>
    </tr>
  );
}

/** The first few different values of a column, one line each. */
function SampleValues({
  inspection,
  column,
}: {
  readonly inspection: ImportInspection;
  readonly column: string;
}) {
  const index = inspection.columns.indexOf(column);
  const values = [
    ...new Set(inspection.preview.map((row) => (row.cells[index] ?? "").trim()).filter(Boolean)),
  ].slice(0, 3);
  if (values.length === 0) return <span className="hint">all blank</span>;
  return (
    <ul className="sample-values">
      {values.map((value) => (
        <li key={value} title={value}>
          {value}
        </li>
      ))}
    </ul>
  );
}

function RoleDetails({
  draft,
  column,
}: {
  readonly draft: MappingDraft;
  readonly column: ColumnDraft;
}) {
  const editDraft = useImportWizard((s) => s.editDraft);
  const projectQuestions = useProject((s) => s.summary?.questions);
  const edit = (change: Parameters<typeof editColumn>[2]) =>
    editDraft((d) => editColumn(d, column.column, change));
  switch (column.role) {
    case "question":
      return (
        <div className="role-details">
          <label className="field">
            Label
            <input
              value={column.label}
              maxLength={200}
              aria-label={`Label of ${column.column}`}
              onChange={(e) => edit({ label: e.target.value })}
            />
          </label>
          <label className="field">
            Question text
            <textarea
              rows={2}
              value={column.text}
              aria-label={`Question text of ${column.column}`}
              onChange={(e) => edit({ text: e.target.value })}
            />
          </label>
          {projectQuestions?.some((q) => q.label === column.label.trim()) && (
            <p className="hint">Adds to the project’s question “{column.label.trim()}”.</p>
          )}
        </div>
      );
    case "codes": {
      if (longLayoutOf(draft)) return <p className="hint">Codes the row’s answer.</p>;
      const questions = questionColumns(draft);
      if (questions.length === 0) {
        return <p className="hint">Make a column a Question first: codes belong to one.</p>;
      }
      return (
        <label className="field">
          Codes for
          <select
            value={column.codesFor ?? ""}
            aria-label={`Question coded in ${column.column}`}
            onChange={(e) => edit({ codesFor: e.target.value })}
          >
            {questions.map((q) => (
              <option key={q.column} value={q.column}>
                {q.label.trim() || q.column}
              </option>
            ))}
          </select>
        </label>
      );
    }
    case "id":
      return <p className="hint">Identifies each respondent.</p>;
    case "attribute":
      return <p className="hint">Shown beside each answer, for filtering and comparing.</p>;
    case "ignore":
      return <p className="hint">Not imported.</p>;
    case "question-name":
      return (
        <p className="hint">
          One row per answer: each value is a question (“FFT Why?”), its label in Cairn.
        </p>
      );
    case "answer":
      return (
        <p className="hint">
          One row per answer: the answer to the question this row names. Rows with the same
          respondent ID are one respondent.
        </p>
      );
  }
}

function CodeColumnsFieldset({ draft }: { readonly draft: MappingDraft }) {
  const editDraft = useImportWizard((s) => s.editDraft);
  return (
    <fieldset className="code-columns">
      <legend>Code columns</legend>
      <label className="field coder">
        Coder for code columns
        <input
          required
          value={draft.coder}
          placeholder="Who coded them, e.g. Anna"
          onChange={(e) => editDraft((d) => ({ ...d, coder: e.target.value }))}
        />
      </label>
      <label className="field narrow">
        Code delimiter
        <input
          value={draft.codeDelimiter}
          maxLength={10}
          onChange={(e) => editDraft((d) => ({ ...d, codeDelimiter: e.target.value }))}
        />
      </label>
      <label className="field narrow">
        Sub-code separator
        <input
          value={draft.codeSeparator}
          maxLength={10}
          onChange={(e) => editDraft((d) => ({ ...d, codeSeparator: e.target.value }))}
        />
      </label>
      <p className="hint">
        “Support {draft.codeSeparator || ">"} Housing{draft.codeDelimiter} Safety” holds two codes,
        the first a sub-code of Support. Line breaks separate codes too.
      </p>
    </fieldset>
  );
}
