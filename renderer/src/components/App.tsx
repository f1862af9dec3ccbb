/**
 * The main window: questions on the left, the selected question's answers in the
 * middle with the coding bar under them and this question's frequencies beside them
 * (or, by the tabs above them, the search, a code's passages, the co-occurrence table or
 * the frequencies for the report, or the agreement between coders), the codebook on the right. The top bar says
 * who is coding and holds Undo/Redo; the coding panels (picker, segment popover, memo
 * editor) float above everything, one at a time.
 */
import { useEffect } from "react";
import { subscribe } from "../api/client.ts";
import { count } from "../format.ts";
import { useAnswers } from "../stores/answers.ts";
import { useCoding } from "../stores/coding.ts";
import { cameFromEdit, listenForEdits, useEdits } from "../stores/edits.ts";
import { useImportWizard } from "../stores/import-wizard.ts";
import { useProject } from "../stores/project.ts";
import { useView } from "../stores/view.ts";
import { AgreementView } from "./agreement/AgreementView.tsx";
import { AnswerList } from "./AnswerList.tsx";
import { CodeTree } from "./CodeTree.tsx";
import { CoderFileDialogs } from "./coder-files/CoderFileDialogs.tsx";
import { Announcer } from "./coding/Announcer.tsx";
import { CodePicker } from "./coding/CodePicker.tsx";
import { CoderControl } from "./coding/CoderControl.tsx";
import { CoderDialog } from "./coding/CoderDialog.tsx";
import { CodingBar } from "./coding/CodingBar.tsx";
import { HistoryButtons } from "./coding/HistoryButtons.tsx";
import { MemoEditor } from "./coding/MemoEditor.tsx";
import { SegmentPopover } from "./coding/SegmentPopover.tsx";
import { useCodingKeys } from "./coding/useCodingKeys.ts";
import { ExportDialogs } from "./export/ExportDialogs.tsx";
import { ProjectLock } from "./safety/ProjectLock.tsx";
import { SafetyDialogs } from "./safety/SafetyDialogs.tsx";
import { FileDialogs } from "./FileDialogs.tsx";
import { FileMenu } from "./FileMenu.tsx";
import { ImportWizard } from "./import/ImportWizard.tsx";
import { QuestionHeader } from "./QuestionHeader.tsx";
import { QuestionList } from "./QuestionList.tsx";
import { CooccurrenceView } from "./passages/CooccurrenceView.tsx";
import { PassagesView } from "./passages/PassagesView.tsx";
import { SearchView } from "./search/SearchView.tsx";
import { FrequenciesView } from "./tally/FrequenciesView.tsx";
import { FrequencyPanel } from "./tally/FrequencyPanel.tsx";
import { ViewTabs } from "./ViewTabs.tsx";
import { Welcome } from "./Welcome.tsx";

export function App() {
  const { phase, summary, capabilities, selectedQuestionId, error, init, dismissError } =
    useProject();
  const showAnswers = useAnswers((s) => s.show);
  const refreshAnswers = useAnswers((s) => s.refresh);
  const view = useView((s) => s.view);

  useEffect(() => {
    void init();
    listenForEdits();
  }, [init]);
  useCodingKeys();

  // A new list only for another project or question; changes to this one update rows
  // in place rather than jumping back to the top.
  const projectPath = summary?.path ?? null;
  useEffect(() => {
    void showAnswers(projectPath === null ? null : selectedQuestionId);
  }, [projectPath, selectedQuestionId, showAnswers]);

  // Another project: its coder preferences and pinned codes. (Its undo history, which
  // survives a restart since it lives in the file, loads with its summary below.)
  useEffect(() => {
    if (projectPath === null) return;
    void useCoding.getState().load();
  }, [projectPath]);

  // Every new summary is a change to the project (an import...): the rows shown reload
  // in place, and the history may have changed. A list just being shown for another
  // question skips the reload, and so does the summary fetched after an edit, whose rows
  // and history came with the edit.
  useEffect(() => {
    if (cameFromEdit(summary)) return;
    void refreshAnswers();
    void useEdits.getState().loadHistory();
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
            <ProjectLock />
            <span className="project-meta">
              {count(summary.respondents, "respondent")} ·{" "}
              {count(summary.questions.length, "question")}
            </span>
          </span>
        )}
        {summary && (
          <div className="top-bar-coding">
            <HistoryButtons />
            <CoderControl />
          </div>
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
            <ViewTabs />
            {view === "coding" && (
              <div className="coding-split">
                <div className="coding-main">
                  <QuestionHeader />
                  <AnswerList />
                  <CodingBar />
                </div>
                <FrequencyPanel />
              </div>
            )}
            {view === "search" && <SearchView />}
            {view === "passages" && <PassagesView />}
            {view === "cooccurrence" && <CooccurrenceView />}
            {view === "frequencies" && <FrequenciesView />}
            {view === "agreement" && <AgreementView />}
          </main>
          <CodeTree />
        </div>
      ) : (
        <Welcome />
      )}
      {summary && (
        <>
          <CodePicker />
          <SegmentPopover />
          <MemoEditor />
          <CoderDialog />
          <CoderFileDialogs />
        </>
      )}
      <Announcer />
      <ImportWizard />
      <ExportDialogs />
      <SafetyDialogs />
    </div>
  );
}
