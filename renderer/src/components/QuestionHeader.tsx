/** The selected question in full, with its answers counted by status. */
import { useProject } from "../stores/project.ts";

export function QuestionHeader() {
  const summary = useProject((s) => s.summary);
  const selectedId = useProject((s) => s.selectedQuestionId);
  const question = summary?.questions.find((q) => q.id === selectedId);
  if (!summary || !question) return null;
  return (
    <header className="question-header">
      <p className="question-position">
        {question.section ? `${question.section} · ` : ""}Question {question.position} of{" "}
        {summary.questions.length}
      </p>
      <h2>{question.label}</h2>
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
