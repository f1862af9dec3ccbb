/**
 * File menu for browser mode (New, Open, Open recent, Save a copy as, Close). The
 * desktop app has the same items in its native menu bar with native file dialogs.
 */
import { useEffect, useRef, useState } from "react";
import type { RecentProject } from "../../../shared/api/contract.ts";
import { copyPathFor, fileNameOf, withProjectExtension } from "../../../shared/project-files.ts";
import { call, errorMessage } from "../api/client.ts";
import { useProject } from "../stores/project.ts";
import { PathDialog } from "./PathDialog.tsx";

type Dialog = "new" | "open" | "copy" | null;

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [recent, setRecent] = useState<readonly RecentProject[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { summary, openProject, createProject, closeProject, saveCopy } = useProject();
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    call("project.recent", {}).then(setRecent, (e: unknown) => setNotice(errorMessage(e)));
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };

  return (
    <div className="file-menu" ref={menuRef}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        File
      </button>
      {open && (
        <div className="menu" role="menu">
          <button role="menuitem" onClick={() => choose(() => setDialog("new"))}>
            New project…
          </button>
          <button role="menuitem" onClick={() => choose(() => setDialog("open"))}>
            Open…
          </button>
          <div className="menu-label">Open recent</div>
          {recent.length === 0 && <div className="menu-empty">No recent projects</div>}
          {recent.map((entry) => (
            <button
              key={entry.path}
              role="menuitem"
              disabled={!entry.exists}
              title={entry.exists ? entry.path : `${entry.path} (missing)`}
              onClick={() => choose(() => void openProject(entry.path))}
            >
              {fileNameOf(entry.path)}
            </button>
          ))}
          <hr />
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => setDialog("copy"))}
          >
            Save a copy as…
          </button>
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => void closeProject())}
          >
            Close project
          </button>
        </div>
      )}
      {dialog === "new" && (
        <PathDialog
          title="New project"
          action="Create"
          onCancel={() => setDialog(null)}
          onSubmit={(path) => {
            setDialog(null);
            void createProject(withProjectExtension(path));
          }}
        />
      )}
      {dialog === "open" && (
        <PathDialog
          title="Open project"
          action="Open"
          onCancel={() => setDialog(null)}
          onSubmit={(path) => {
            setDialog(null);
            void openProject(path);
          }}
        />
      )}
      {dialog === "copy" && summary && (
        <PathDialog
          title="Save a copy as"
          action="Save copy"
          initial={copyPathFor(summary.path)}
          onCancel={() => setDialog(null)}
          onSubmit={(path) => {
            setDialog(null);
            void saveCopy(withProjectExtension(path)).then(
              (saved) => saved && setNotice(`Saved a copy to ${saved}`),
            );
          }}
        />
      )}
      {notice && (
        <div className="toast" role="status">
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
