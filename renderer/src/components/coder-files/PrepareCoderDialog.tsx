/**
 * File › Prepare for a second coder…: who the copy is for and which questions it holds,
 * then where to write it (a typed path, as the other file actions in browser mode). The
 * copy has the codebook and the answers, and nobody's coding, memos or names.
 */
import { useState } from "react";
import type { QuestionId } from "../../../../shared/domain.ts";
import { withProjectExtension } from "../../../../shared/project-files.ts";
import { call, errorMessage } from "../../api/client.ts";
import { useFileDialogs } from "../../stores/file-dialogs.ts";
import { useProject } from "../../stores/project.ts";
import { DialogActions, DialogShell } from "../codebook/DialogShell.tsx";
import { PathDialog } from "../PathDialog.tsx";
import { copyPathForCoder, preparedText } from "./coder-file-text.ts";
import "./coder-files.css";

interface Props {
  close(): void;
}

export function PrepareCoderDialog({ close }: Props) {
  const summary = useProject((s) => s.summary);
  const [coder, setCoder] = useState("");
  const [every, setEvery] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<QuestionId>>(new Set());
  const [step, setStep] = useState<"who" | "where">("who");
  if (!summary) return null;

  const ready = coder.trim() !== "" && (every || chosen.size > 0);
  const toggle = (id: QuestionId, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const write = async (path: string) => {
    close();
    // The last file action's report is old news: this one's result replaces it.
    useFileDialogs.getState().tell(null);
    try {
      const copy = await call("coders.prepareCopy", {
        path: withProjectExtension(path),
        coder: coder.trim(),
        ...(every
          ? {}
          : { questionIds: summary.questions.filter((q) => chosen.has(q.id)).map((q) => q.id) }),
      });
      useFileDialogs.getState().tell(preparedText(copy));
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
    }
  };

  if (step === "where") {
    return (
      <PathDialog
        title={`Save the copy for ${coder.trim()}`}
        action="Write copy"
        initial={copyPathForCoder(summary.path, coder)}
        onCancel={close}
        onSubmit={(path) => void write(path)}
      />
    );
  }
  return (
    <DialogShell
      title="Prepare for a second coder"
      className="coder-file-dialog"
      onSubmit={() => ready && setStep("where")}
      onCancel={close}
    >
      <p className="dialog-hint">
        Writes a copy of this project for another coder to code blind: the answers and the codebook,
        without anyone&apos;s coding, memos or names. Bring their work back with File › Bring back a
        coder&apos;s work…
      </p>
      <label>
        The second coder&apos;s name
        <input autoFocus value={coder} onChange={(event) => setCoder(event.target.value)} />
      </label>
      <fieldset className="coder-file-questions">
        <legend>Questions</legend>
        <label className="inline">
          <input type="radio" name="questions" checked={every} onChange={() => setEvery(true)} />
          {summary.questions.length === 1
            ? "The one question"
            : `All ${summary.questions.length.toLocaleString("en")} questions`}
        </label>
        <label className="inline">
          <input type="radio" name="questions" checked={!every} onChange={() => setEvery(false)} />
          Chosen questions
        </label>
        {!every && (
          <div className="coder-file-question-list">
            {summary.questions.map((question) => (
              <label key={question.id} className="inline">
                <input
                  type="checkbox"
                  checked={chosen.has(question.id)}
                  onChange={(event) => toggle(question.id, event.target.checked)}
                />
                {question.label}
                {question.text && question.text !== question.label && (
                  <span className="coder-file-question-text"> {question.text}</span>
                )}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <DialogActions action="Next…" disabled={!ready} onCancel={close} />
    </DialogShell>
  );
}
