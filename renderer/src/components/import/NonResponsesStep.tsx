/**
 * Step 3, non-responses: the placeholders ("n/a", "-") that mean "no answer", as one
 * editable list, and the ones actually found in the file with a checkbox each, which is
 * where the user reviews the detection and flips it before anything is written.
 */
import { useState } from "react";
import type { ImportInspection } from "../../../../shared/import/inspection.ts";
import { parsePlaceholderList, setNonResponse, type MappingDraft } from "../../import/draft.ts";
import { count } from "../../import/describe.ts";
import { placeholderCandidates } from "../../import/preview.ts";
import { nonResponseSet, placeholderKey } from "../../../../shared/answers/status.ts";
import { useImportWizard } from "../../stores/import-wizard.ts";

interface Props {
  readonly inspection: ImportInspection;
  readonly draft: MappingDraft;
}

export function NonResponsesStep({ inspection, draft }: Props) {
  const editDraft = useImportWizard((s) => s.editDraft);
  const found = placeholderCandidates(inspection, draft);
  const listed = nonResponseSet(draft.nonResponses);
  return (
    <section className="wizard-step" aria-labelledby="import-step-non-responses">
      <h3 id="import-step-non-responses">
        <span className="step-number">3</span> Non-responses
      </h3>
      <div className="non-responses">
        <PlaceholderList draft={draft} />
        <fieldset className="found-placeholders">
          <legend>Found in the question columns</legend>
          {found.length === 0 ? (
            <p className="hint">
              None in the first {count(inspection.sampled, "row")}: every filled cell counts as an
              answer.
            </p>
          ) : (
            <>
              <ul>
                {found.map(({ value, count: cells }) => (
                  <li key={value}>
                    <label>
                      <input
                        type="checkbox"
                        checked={listed.has(placeholderKey(value))}
                        onChange={(e) =>
                          editDraft((d) => setNonResponse(d, value, e.target.checked))
                        }
                      />
                      <q>{value}</q>
                      <span className="placeholder-count">{count(cells, "cell")}</span>
                    </label>
                  </li>
                ))}
              </ul>
              <p className="hint">Ticked: a non-response. Unticked: imported as an answer.</p>
            </>
          )}
        </fieldset>
      </div>
    </section>
  );
}

/**
 * The whole list as one comma-separated text. The user's own text is shown while it
 * says the same as the list (so a trailing ", " being typed survives); a checkbox that
 * changes the list rewrites it.
 */
function PlaceholderList({ draft }: { readonly draft: MappingDraft }) {
  const editDraft = useImportWizard((s) => s.editDraft);
  const [text, setText] = useState(draft.nonResponses.join(", "));
  const same = parsePlaceholderList(text).join("\u0000") === draft.nonResponses.join("\u0000");
  return (
    <label className="field placeholder-list">
      Cells that mean “no answer” (comma-separated; case, spacing and final dots do not matter)
      <textarea
        rows={3}
        value={same ? text : draft.nonResponses.join(", ")}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          const nonResponses = parsePlaceholderList(e.target.value);
          editDraft((d) => ({ ...d, nonResponses }));
        }}
      />
    </label>
  );
}
