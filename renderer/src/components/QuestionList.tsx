/** The questionnaire's questions by part, each with how many respondents answered it. */
import type { QuestionSummary } from "../../../shared/domain.ts";
import { useImportWizard } from "../stores/import-wizard.ts";
import { useProject } from "../stores/project.ts";

export function QuestionList() {
  const summary = useProject((s) => s.summary);
  const selected = useProject((s) => s.selectedQuestionId);
  const select = useProject((s) => s.selectQuestion);
  const showImport = useImportWizard((s) => s.show);
  if (!summary) return null;
  if (summary.questions.length === 0) {
    return (
      <div className="notice">
        <p>No questions yet. Import survey answers to begin.</p>
        <button type="button" className="link" onClick={showImport}>
          Import answers…
        </button>
      </div>
    );
  }
  const sections = groupBySection(summary.questions);
  return (
    <nav className="question-list" aria-label="Questions">
      {sections.map(([section, questions]) => (
        <section key={section}>
          {section && <h3>{section}</h3>}
          <ul>
            {questions.map((q) => (
              <li key={q.id}>
                <button
                  type="button"
                  className={q.id === selected ? "selected" : undefined}
                  aria-current={q.id === selected ? "true" : undefined}
                  onClick={() => select(q.id)}
                  title={q.text}
                >
                  <span className="question-label">{q.label}</span>
                  <span
                    className="question-count"
                    aria-label={`${q.answered} of ${summary.respondents} answered`}
                  >
                    {q.answered}/{summary.respondents}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function groupBySection(questions: readonly QuestionSummary[]): [string, QuestionSummary[]][] {
  const groups: [string, QuestionSummary[]][] = [];
  for (const question of questions) {
    const last = groups[groups.length - 1];
    if (last && last[0] === question.section) last[1].push(question);
    else groups.push([question.section, [question]]);
  }
  return groups;
}
