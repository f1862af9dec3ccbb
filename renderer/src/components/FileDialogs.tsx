/** The browser-mode file dialogs and their confirmation toast. */
import { copyPathFor, withProjectExtension } from "../../../shared/project-files.ts";
import { useFileDialogs } from "../stores/file-dialogs.ts";
import { useProject } from "../stores/project.ts";
import { PathDialog } from "./PathDialog.tsx";

export function FileDialogs() {
  const { dialog, notice, hide, tell } = useFileDialogs();
  const { summary, openProject, createProject, saveCopy } = useProject();
  return (
    <>
      {dialog === "new" && (
        <PathDialog
          title="New project"
          action="Create"
          onCancel={hide}
          onSubmit={(path) => {
            hide();
            void createProject(withProjectExtension(path));
          }}
        />
      )}
      {dialog === "open" && (
        <PathDialog
          title="Open project"
          action="Open"
          onCancel={hide}
          onSubmit={(path) => {
            hide();
            void openProject(path);
          }}
        />
      )}
      {dialog === "copy" && summary && (
        <PathDialog
          title="Save a copy as"
          action="Save copy"
          initial={copyPathFor(summary.path)}
          onCancel={hide}
          onSubmit={(path) => {
            hide();
            void saveCopy(withProjectExtension(path)).then(
              (saved) => saved && tell(`Saved a copy to ${saved}`),
            );
          }}
        />
      )}
      {notice && (
        <div className="toast" role="status">
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => tell(null)}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
