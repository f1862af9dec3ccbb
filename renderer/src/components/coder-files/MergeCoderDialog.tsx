/**
 * File › Bring back a coder's work…: the path of the file a second coder coded; their
 * passages, done marks and memos come in under their name as one step of Undo, and the
 * report says what came in. A file whose answers differ from this project's is refused
 * whole, with the core's sentence.
 */
import { call } from "../../api/client.ts";
import { runEdit } from "../../stores/edits.ts";
import { useFileDialogs } from "../../stores/file-dialogs.ts";
import { PathDialog } from "../PathDialog.tsx";
import { mergedText } from "./coder-file-text.ts";

interface Props {
  close(): void;
}

export function MergeCoderDialog({ close }: Props) {
  const merge = async (path: string) => {
    close();
    // The last file action's report is old news: this one's result replaces it.
    useFileDialogs.getState().tell(null);
    const result = await runEdit(
      () => call("coders.merge", { path }),
      (edit) => mergedText(edit.report),
    );
    if (result) useFileDialogs.getState().tell(mergedText(result.report));
  };
  return (
    <PathDialog
      title="Bring back a coder's work"
      action="Merge"
      hint={
        "The copy a second coder coded (File › Prepare for a second coder…). Answers are " +
        "matched by respondent and question; the coder's passages and done marks come in " +
        "under their name as one step of Undo. Merging the same file again adds nothing."
      }
      onCancel={close}
      onSubmit={(path) => void merge(path)}
    />
  );
}
