/**
 * The sidebar: the questionnaire's questions by part, each with how many respondents
 * answered it, or (switched to Respondents) the respondents, to read one respondent's
 * answers across the questions.
 */
import type { QuestionSummary } from "../../../shared/domain.ts";
import { useAnswers } from "../stores/answers.ts";
import { useImportWizard } from "../stores/import-wizard.ts";
import { useProject } from "../stores/project.ts";
import { useRespondents } from "../stores/respondents.ts";
import { RespondentList } from "./grid/RespondentList.tsx";
import "./grid/grid.css";

export function QuestionList() {
  const summary = useProject((s) => s.summary);
  const byRespondent = useAnswers((s) => s.target?.kind === "respondent");
  if (!summary) return null;
  if (summary.questions.length === 0) return <Questions />;
  return (
    <div className="sidebar-panel">
      <ViewSwitch byRespondent={byRespondent} />
      {byRespondent ? <RespondentList /> : <Questions />}
    </div>
  );
}

/** "Questions | Respondents": which way the grid reads the answers. */
function ViewSwitch({ byRespondent }: { readonly byRespondent: boolean }) {
  const showQuestions = () => {
    void useAnswers.getState().show(useProject.getState().selectedQuestionId);
  };
  const showRespondents = async () => {
    const { lastRespondent, rows, showRespondent } = useAnswers.getState();
    // Back to the respondent last read, else the first one on screen, else the first.
    if (lastRespondent) return showRespondent(lastRespondent.id, lastRespondent.label);
    const row = rows[0];
    if (row) return showRespondent(row.respondentId, row.respondent);
    await useRespondents.getState().load();
    const first = useRespondents.getState().entries[0];
    if (first) await showRespondent(first.id, first.label);
  };
  return (
    <div className="view-switch" role="group" aria-label="Read answers by">
      <button
        type="button"
        aria-pressed={!byRespondent}
        onClick={byRespondent ? showQuestions : undefined}
      >
        Questions
      </button>
      <button
        type="button"
        aria-pressed={byRespondent}
        onClick={byRespondent ? undefined : () => void showRespondents()}
      >
        Respondents
      </button>
    </div>
  );
}

function Questions() {
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
