/**
 * The selected question in full, with its answers counted by status, and the active
 * coder's "done" mark on the whole question (agreement counts only answers that both
 * coders have seen).
 */
import type { QuestionSummary } from "../../../shared/domain.ts";
import { useAnswers } from "../stores/answers.ts";
import { useCoderId, useCoding } from "../stores/coding.ts";
import { useProject } from "../stores/project.ts";
import "./coding/coding-chrome.css";

export function QuestionHeader() {
  const summary = useProject((s) => s.summary);
  const selectedId = useProject((s) => s.selectedQuestionId);
  const question = summary?.questions.find((q) => q.id === selectedId);
  // The by-respondent view shows every question of one respondent: no one question here.
  const byRespondent = useAnswers((s) => s.target?.kind === "respondent");
  if (!summary || !question || byRespondent) return null;
  return (
    <header className="question-header">
      <div className="question-heading">
        <div>
          <p className="question-position">
            {question.section ? `${question.section} · ` : ""}Question {question.position} of{" "}
            {summary.questions.length}
          </p>
          <h2>{question.label}</h2>
        </div>
        <QuestionDone question={question} />
      </div>
      {question.text && question.text !== question.label && (
        <p className="question-text">{question.text}</p>
      )}
      <p className="question-counts" data-testid="question-counts">
        <span>
          <strong>{question.answered}</strong> of {summary.respondents} respondents answered
        </span>
        <span>{question.empty} blank</span>
        <span>{question.non_response} non-response</span>
      </p>
    </header>
  );
}

function QuestionDone({ question }: { readonly question: QuestionSummary }) {
  const coderId = useCoderId();
  const coders = useProject((s) => s.summary?.coders);
  const done = coderId !== null && question.doneBy.includes(coderId);
  const others = question.doneBy
    .filter((id) => id !== coderId)
    .map((id) => coders?.find((c) => c.id === id)?.name)
    .filter((name): name is string => name !== undefined);
  return (
    <div className="question-done">
      <button
        type="button"
        className={done ? "done-toggle on" : "done-toggle"}
        aria-pressed={done}
        onClick={() => void useCoding.getState().markDone(question.id, !done)}
        title={
          done ? "Marked done: click to reopen it" : "Mark every answer of this question as coded"
        }
      >
        {done ? "✓ Question done" : "Mark question done"}
      </button>
      {others.length > 0 && <span className="done-by">Done by {others.join(", ")}</span>}
    </div>
  );
}
