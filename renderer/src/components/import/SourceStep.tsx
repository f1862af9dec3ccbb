/**
 * Step 1, the file: a typed path (browser mode cannot browse the disk: the page runs
 * where the files are not), what the core made of it, and the reading options that
 * apply to its kind. Changing an option reads the file again.
 */
import { useState, type KeyboardEvent } from "react";
import { TEXT_ENCODINGS, type TextEncoding } from "../../../../shared/import/encoding.ts";
import type { ImportInspection } from "../../../../shared/import/inspection.ts";
import type { SourceKind } from "../../../../shared/import/mapping.ts";
import {
  DELIMITERS,
  DELIMITER_NAMES,
  ENCODING_NAMES,
  describeSource,
  likelyKind,
  type Delimiter,
} from "../../import/describe.ts";
import { useImportWizard, type SourceOptions } from "../../stores/import-wizard.ts";

export function SourceStep() {
  const { pathsText, setPathsText, read, reading, inspection, readPaths, options } =
    useImportWizard();
  const kind = inspection?.kind ?? (readPaths ? likelyKind(readPaths) : null);
  // Enter reads; Shift+Enter starts another line for another file.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void read();
    }
  };
  return (
    <section className="wizard-step" aria-labelledby="import-step-file">
      <h3 id="import-step-file">
        <span className="step-number">1</span> File
      </h3>
      <div className="source-row">
        <label className="field grow">
          File path
          <textarea
            autoFocus
            rows={Math.min(4, Math.max(1, pathsText.split("\n").length))}
            value={pathsText}
            spellCheck={false}
            placeholder="/home/me/surveys/members-2026.csv"
            onChange={(e) => setPathsText(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        <button type="button" disabled={reading || !pathsText.trim()} onClick={() => void read()}>
          {reading ? "Reading…" : "Read file"}
        </button>
      </div>
      <p className="hint">
        The full path on the computer Cairn runs on, of a CSV or tab-separated file, an Excel
        workbook, or Word questionnaires (or their folder). Several files of one kind: one a line.
      </p>
      {inspection && (
        <p className="source-format" data-testid="source-format">
          {describeSource(inspection)}
        </p>
      )}
      {kind && <ReadingOptions kind={kind} options={options} inspection={inspection} />}
      {inspection && inspection.warnings.length > 0 && (
        <ul className="wizard-warnings" aria-label="Warnings about the file">
          {inspection.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The options of the file's kind; before a successful read, "Auto" names nothing. */
function ReadingOptions({
  kind,
  options,
  inspection,
}: {
  readonly kind: SourceKind;
  readonly options: SourceOptions;
  readonly inspection: ImportInspection | null;
}) {
  const setOptions = useImportWizard((s) => s.setOptions);
  const detected = (name: string | undefined) => (name ? `Auto (${name})` : "Auto");
  switch (kind) {
    case "csv":
      return (
        <div className="source-options">
          <label className="field">
            Encoding
            <select
              value={options.encoding ?? ""}
              onChange={(e) =>
                void setOptions({ encoding: (e.target.value || undefined) as TextEncoding })
              }
            >
              <option value="">
                {detected(ENCODING_NAMES[inspection?.encoding as TextEncoding])}
              </option>
              {TEXT_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {ENCODING_NAMES[encoding]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Delimiter
            <select
              value={options.delimiter ?? ""}
              onChange={(e) =>
                void setOptions({ delimiter: (e.target.value || undefined) as Delimiter })
              }
            >
              <option value="">
                {detected(DELIMITER_NAMES[inspection?.delimiter as Delimiter])}
              </option>
              {DELIMITERS.map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {DELIMITER_NAMES[delimiter]}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case "xlsx":
      return (
        <div className="source-options">
          {inspection && inspection.sheets.length > 0 ? (
            <label className="field">
              Sheet
              <select
                value={options.sheet ?? inspection.sheets[0]?.name ?? ""}
                // Another sheet has its own layout: its header row starts from 1 again.
                onChange={(e) => void setOptions({ sheet: e.target.value, headerRow: undefined })}
              >
                {inspection.sheets.map((sheet) => (
                  <option key={sheet.index} value={sheet.name}>
                    {sheet.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <CommittedInput
              label="Sheet"
              value={options.sheet ?? ""}
              placeholder="Name or number (blank: the first)"
              onCommit={(text) => void setOptions({ sheet: text.trim() || undefined })}
            />
          )}
          <CommittedInput
            label="Header row"
            type="number"
            value={String(options.headerRow ?? 1)}
            onCommit={(text) => {
              const row = Number(text);
              if (Number.isInteger(row) && row >= 1 && row <= 1000) {
                void setOptions({ headerRow: row });
              }
            }}
          />
        </div>
      );
    case "docx":
      return (
        <div className="source-options">
          <CommittedInput
            label="Respondent ID field"
            value={options.idField ?? ""}
            placeholder="e.g. Respondent ID (every file must fill it in)"
            onCommit={(text) => void setOptions({ idField: text.trim() || undefined })}
          />
        </div>
      );
  }
}

/**
 * An input that reads the file again only when the user is done typing (Enter or
 * leaving it), not on every keystroke. Remounted (by key) when the value changes.
 */
function CommittedInput(props: {
  readonly label: string;
  readonly value: string;
  readonly type?: "text" | "number";
  readonly placeholder?: string;
  onCommit(text: string): void;
}) {
  return <CommittedInputField key={props.value} {...props} />;
}

function CommittedInputField({
  label,
  value,
  type = "text",
  placeholder,
  onCommit,
}: Parameters<typeof CommittedInput>[0]) {
  const [text, setText] = useState(value);
  const commit = () => text !== value && onCommit(text);
  return (
    <label className="field">
      {label}
      <input
        type={type}
        min={type === "number" ? 1 : undefined}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </label>
  );
}
