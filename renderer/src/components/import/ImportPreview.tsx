/**
 * Step 4, the preview: the first rows as they will be imported (respondent, attributes,
 * each question's answer with its status, the codes it will get), recomputed on every
 * change to the mapping.
 */
import type { AnswerStatus } from "../../../../shared/domain.ts";
import type { ImportInspection } from "../../../../shared/import/inspection.ts";
import { longLayoutOf, questionColumns, type MappingDraft } from "../../import/draft.ts";
import { count } from "../../import/describe.ts";
import { previewRows, type PreviewAnswer } from "../../import/preview.ts";

export const STATUS_NAMES: Record<AnswerStatus, string> = {
  answered: "Answered",
  empty: "No answer",
  non_response: "Non-response",
};

interface Props {
  readonly inspection: ImportInspection;
  readonly draft: MappingDraft;
}

export function ImportPreview({ inspection, draft }: Props) {
  const rows = previewRows(inspection, draft);
  const long = longLayoutOf(draft);
  const questions = long
    ? [
        {
          column: long.answerColumn,
          label: "Answer",
          text: `The question is named in "${long.questionColumn}"`,
        },
      ]
    : questionColumns(draft);
  return (
    <section className="wizard-step" aria-labelledby="import-step-preview">
      <h3 id="import-step-preview">
        <span className="step-number">4</span> Preview
      </h3>
      <p className="hint">
        The first {count(rows.length, inspection.unit === "file" ? "file" : "row")} as they will be
        imported.
        {questions.length === 0 && " No column is a question: only respondents are imported."}
      </p>
      <div className="preview-scroll">
        <table className="preview-table" aria-label="Preview">
          <thead>
            <tr>
              <th scope="col">Respondent</th>
              {questions.map((q) => (
                <th scope="col" key={q.column} title={q.text}>
                  {q.label.trim() || q.column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line} data-respondent={row.respondent ?? ""}>
                <th scope="row">
                  {row.respondent === null ? (
                    <strong className="missing-id">
                      no ID ({inspection.unit} {row.line})
                    </strong>
                  ) : (
                    <strong>{row.respondent}</strong>
                  )}
                  {row.repeats !== null && (
                    <span className="missing-id">
                      {" "}
                      same ID as {inspection.unit} {row.repeats}
                    </span>
                  )}
                  {row.attributes.length > 0 && (
                    <dl>
                      {row.attributes.map((a) => (
                        <div key={a.name}>
                          <dt>{a.name}</dt>
                          <dd>{a.value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </th>
                {row.answers.map((answer) => (
                  <PreviewCell key={answer.column} answer={answer} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PreviewCell({ answer }: { readonly answer: PreviewAnswer }) {
  return (
    <td className={`status-${answer.status}`}>
      {answer.question !== undefined && <p className="preview-question">{answer.question}</p>}
      <span className={`badge badge-${answer.status}`}>{STATUS_NAMES[answer.status]}</span>
      {answer.text !== "" && (
        <p className="preview-text" title={answer.text}>
          {answer.text}
        </p>
      )}
      {answer.codes.length > 0 && (
        <ul className="code-chips" aria-label="Codes">
          {answer.codes.map((path) => (
            <li key={path.join("\u0000")}>{path.join(" › ")}</li>
          ))}
        </ul>
      )}
    </td>
  );
}
