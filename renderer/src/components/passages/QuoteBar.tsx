/**
 * The bar under the passages: tick all, choose what attributes a quote ("(Ireland)" or
 * the respondent's id), copy the ticked passages as quotes in plain and rich text, and
 * read beforehand what will be copied.
 */
import { useState } from "react";
import {
  quotesAsHtml,
  quotesAsText,
  type QuoteStyle,
} from "../../../../shared/retrieval/quotes.ts";
import { errorMessage } from "../../api/client.ts";
import { count } from "../../format.ts";
import { copyRich } from "../../retrieval/clipboard.ts";
import { selectedPassages, usePassages } from "../../stores/passages.ts";
import { useProject } from "../../stores/project.ts";

export function QuoteBar() {
  const rows = usePassages((s) => s.rows);
  const total = usePassages((s) => s.total);
  const selected = usePassages((s) => s.selected);
  const attribution = usePassages((s) => s.attribution);
  const { selectAll, setAttribution } = usePassages.getState();
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const [withQuestion, setWithQuestion] = useState(false);
  // The outcome of the last copy, shown while it still describes what is ticked.
  const [status, setStatus] = useState<{ text: string; error: boolean; preview: string } | null>(
    null,
  );

  const chosen = selectedPassages({ rows, selected });
  const style: QuoteStyle = { attribution, withQuestion };
  const preview = chosen.length > 0 ? quotesAsText(chosen, style) : "";
  const all = rows.length > 0 && chosen.length === rows.length;

  const shownStatus = status?.preview === preview ? status : null;

  const copy = async () => {
    try {
      await copyRich(preview, quotesAsHtml(chosen, style));
      setStatus({ text: `Copied ${count(chosen.length, "quote")}`, error: false, preview });
    } catch (error) {
      setStatus({ text: `Could not copy: ${errorMessage(error)}`, error: true, preview });
    }
  };

  return (
    <footer className="quote-bar" aria-label="Quotes">
      {preview && (
        <div className="quote-preview" aria-label="Quote preview" data-testid="quote-preview">
          {preview}
        </div>
      )}
      <div className="quote-controls">
        <label className="quote-all">
          <input
            type="checkbox"
            checked={all}
            ref={(box) => {
              if (box) box.indeterminate = chosen.length > 0 && !all;
            }}
            onChange={(event) => selectAll(event.target.checked)}
          />
          {rows.length < total ? "Select all shown" : "Select all"}
        </label>
        {/* After a copy, the count gives way to what was copied (read out as a status). */}
        <span
          className={`quote-status${shownStatus ? " done" : ""}${shownStatus?.error ? " error" : ""}`}
          role="status"
          data-testid="quote-status"
        >
          {shownStatus?.text ??
            (chosen.length > 0
              ? `${count(chosen.length, "passage")} selected`
              : "Tick passages to quote them")}
        </span>
        <span className="grid-spacer" />
        <label className="retrieval-field">
          <span>Attribution</span>
          <select
            aria-label="Attribution"
            value={attribution ?? ""}
            onChange={(event) =>
              setAttribution(event.target.value === "" ? null : event.target.value)
            }
          >
            <option value="">Respondent id</option>
            {attributes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="quote-with-question">
          <input
            type="checkbox"
            checked={withQuestion}
            onChange={(event) => setWithQuestion(event.target.checked)}
          />
          with question
        </label>
        <button
          type="button"
          className="grid-button primary"
          disabled={chosen.length === 0}
          onClick={() => void copy()}
        >
          Copy as quotes
        </button>
      </div>
    </footer>
  );
}
