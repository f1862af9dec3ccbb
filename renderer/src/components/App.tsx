/**
 * The main window: questions on the left, the selected question's answers in the
 * middle, the codebook on the right. Later features fill these regions (coding actions
 * in the answer list, the frequency panel beside it).
 */
import { useEffect } from "react";
import { useAnswers } from "../stores/answers.ts";
import { useProject } from "../stores/project.ts";
import { AnswerList } from "./AnswerList.tsx";
import { CodeTree } from "./CodeTree.tsx";
import { FileDialogs } from "./FileDialogs.tsx";
import { FileMenu } from "./FileMenu.tsx";
import { QuestionHeader } from "./QuestionHeader.tsx";
import { QuestionList } from "./QuestionList.tsx";
import { Welcome } from "./Welcome.tsx";

export function App() {
  const { phase, summary, capabilities, selectedQuestionId, error, init, dismissError } =
    useProject();
  const showAnswers = useAnswers((s) => s.show);

  useEffect(() => {
    void init();
  }, [init]);

  // A new list only for another project or question; edits to this one (later) update
  // rows in place rather than jumping back to the top.
  const projectPath = summary?.path ?? null;
  useEffect(() => {
    void showAnswers(projectPath === null ? null : selectedQuestionId);
  }, [projectPath, selectedQuestionId, showAnswers]);

  useEffect(() => {
    document.title = summary ? `${summary.name} – Cairn` : "Cairn";
  }, [summary]);

  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">
          <img src="./cairn.svg" alt="" width={22} height={22} /> Cairn
        </span>
        {capabilities && !capabilities.nativeMenus && <FileMenu />}
        {capabilities && !capabilities.nativeMenus && <FileDialogs />}
        {summary && (
          <span className="project-title" title={summary.path}>
            {summary.name}
            <span className="project-meta">
              {summary.respondents} respondents · {summary.questions.length} questions
            </span>
          </span>
        )}
      </header>
      {error && (
        <div className="banner error" role="alert">
          {error}
          <button type="button" onClick={dismissError} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {phase === "loading" ? (
        <main className="welcome">
          <p>Opening…</p>
        </main>
      ) : summary ? (
        <div className="workspace">
          <aside className="sidebar">
            <QuestionList />
          </aside>
          <main className="answers-pane">
            <QuestionHeader />
            <AnswerList />
          </main>
          <CodeTree />
        </div>
      ) : (
        <Welcome />
      )}
    </div>
  );
}
