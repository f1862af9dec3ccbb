/**
 * The main window: questions on the left, the selected question's answers in the
 * middle, the codebook on the right. Later features fill these regions (coding actions
 * in the answer list, the frequency panel beside it).
 */
import { useEffect } from "react";
import { subscribe } from "../api/client.ts";
import { count } from "../format.ts";
import { useAnswers } from "../stores/answers.ts";
import { useImportWizard } from "../stores/import-wizard.ts";
import { useProject } from "../stores/project.ts";
import { AnswerList } from "./AnswerList.tsx";
import { CodeTree } from "./CodeTree.tsx";
import { FileDialogs } from "./FileDialogs.tsx";
import { FileMenu } from "./FileMenu.tsx";
import { ImportWizard } from "./import/ImportWizard.tsx";
import { QuestionHeader } from "./QuestionHeader.tsx";
import { QuestionList } from "./QuestionList.tsx";
import { Welcome } from "./Welcome.tsx";

export function App() {
  const { phase, summary, capabilities, selectedQuestionId, error, init, dismissError } =
    useProject();
  const showAnswers = useAnswers((s) => s.show);
  const refreshAnswers = useAnswers((s) => s.refresh);

  useEffect(() => {
    void init();
  }, [init]);

  // A new list only for another project or question; changes to this one update rows
  // in place rather than jumping back to the top.
  const projectPath = summary?.path ?? null;
  useEffect(() => {
    void showAnswers(projectPath === null ? null : selectedQuestionId);
  }, [projectPath, selectedQuestionId, showAnswers]);

  // Every new summary is a change to the project (an import, a status flipped): the rows
  // shown reload in place. A list just being shown for another question skips this.
  useEffect(() => {
    void refreshAnswers();
  }, [summary, refreshAnswers]);

  // Desktop: File › Import answers… chose the files in a native dialog.
  const openImportWith = useImportWizard((s) => s.openWith);
  useEffect(
    () => subscribe("import.chosen", ({ paths }) => void openImportWith(paths)),
    [openImportWith],
  );

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
              {count(summary.respondents, "respondent")} ·{" "}
              {count(summary.questions.length, "question")}
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
      <ImportWizard />
    </div>
  );
}
