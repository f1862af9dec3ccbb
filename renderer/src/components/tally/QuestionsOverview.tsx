/**
 * All questions at a glance, before their fourteen sections: one line per question with
 * who answered, who left it blank or gave no answer, and the code most mentioned. A
 * question's name jumps to its section; the table copies as tab-separated text (the
 * "response per question" table of a report).
 */
import type { QuestionTally, Tally } from "../../../../shared/api/tally-api.ts";
import { ofText, percentText } from "../../../../shared/tally/percent.ts";
import { reportedCodes } from "../../../../shared/tally/report-sentences.ts";
import { toTsv, type TsvTable } from "../../tally/tsv.ts";
import { CopyButton } from "./CopyButton.tsx";

/** The section of a question in the Tables mode (QuestionSection's heading id). */
export function questionSectionId(question: QuestionTally): string {
  return `frequencies-q${question.questionId}`;
}

/** The top-level code most respondents mention (the first in the codebook among equals). */
function mostMentioned(question: QuestionTally): string {
  const top = reportedCodes(question.codes, null)[0];
  if (!top) return "";
  const name = top.path.at(-1) ?? "";
  return `${name}: ${ofText(top.nRespondents, question.answered)} (${percentText(top.nRespondents, question.answered)})`;
}

export function overviewTable(tally: Tally): TsvTable {
  return {
    header: [
      "Question",
      "Answered",
      "Respondents",
      "% answered",
      "Empty",
      "No answer",
      "Most mentioned",
    ],
    rows: tally.questions.map((question) => [
      question.label,
      question.answered,
      tally.respondents,
      percentText(question.answered, tally.respondents),
      question.empty,
      question.nonResponse,
      mostMentioned(question),
    ]),
  };
}

export function QuestionsOverview({ tally }: { readonly tally: Tally }) {
  const jump = (question: QuestionTally) => {
    const heading = document.getElementById(questionSectionId(question));
    heading?.scrollIntoView({ block: "start" });
    // The keyboard follows the eyes: the next Tab goes on from the section.
    heading?.focus({ preventScroll: true });
  };
  return (
    <section className="frequency-section overview" aria-labelledby="frequencies-overview">
      <h3 id="frequencies-overview" className="frequency-heading">
        Questions at a glance
      </h3>
      <table className="crosstab-table overview-table" aria-label="Questions at a glance">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answered</th>
            <th scope="col">Empty</th>
            <th scope="col">No answer</th>
            <th scope="col">Most mentioned</th>
          </tr>
        </thead>
        <tbody>
          {tally.questions.map((question) => (
            <tr key={question.questionId}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  title={`${question.text}\nGo to its figures`}
                  onClick={() => jump(question)}
                >
                  {question.label}
                </button>
              </th>
              <td>
                {ofText(question.answered, tally.respondents)}{" "}
                <span className="overview-share">
                  ({percentText(question.answered, tally.respondents)})
                </span>
              </td>
              <td className={question.empty === 0 ? "zero" : undefined}>{question.empty}</td>
              <td className={question.nonResponse === 0 ? "zero" : undefined}>
                {question.nonResponse}
              </td>
              <td className="overview-top">
                {mostMentioned(question) || <span className="zero">not coded yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="frequency-actions">
        <CopyButton
          label="Copy table"
          ariaLabel="Copy the questions at a glance"
          text={() => toTsv(overviewTable(tally))}
        />
      </div>
    </section>
  );
}
