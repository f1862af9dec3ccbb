/**
 * File menu for browser mode (New, Open, Open recent, Import answers, Import REFI-QDA
 * project, Save a copy as, Export, Prepare for a second coder, Bring back a coder's work,
 * Pseudonymise a copy, Restore from backup, Password, Close). The desktop app has the same items in its native menu bar.
 */
import { useEffect, useRef, useState } from "react";
import type { RecentProject } from "../../../shared/api/contract.ts";
import { fileNameOf } from "../../../shared/project-files.ts";
import { call, errorMessage } from "../api/client.ts";
import { useCoderFiles } from "../stores/coder-files.ts";
import { useExport } from "../stores/export.ts";
import { useFileDialogs } from "../stores/file-dialogs.ts";
import { useImportWizard } from "../stores/import-wizard.ts";
import { useProject } from "../stores/project.ts";
import { useSafety } from "../stores/safety.ts";

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<readonly RecentProject[]>([]);
  const showCoderFile = useCoderFiles((s) => s.show);
  const { summary, openProject, closeProject } = useProject();
  const { show: showDialog, tell } = useFileDialogs();
  const showImport = useImportWizard((s) => s.show);
  const showExport = useExport((s) => s.show);
  const showSafety = useSafety((s) => s.show);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    call("project.recent", {}).then(setRecent, (e: unknown) => tell(errorMessage(e)));
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open, tell]);

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
          <button role="menuitem" onClick={() => choose(() => showDialog("new"))}>
            New project…
          </button>
          <button role="menuitem" onClick={() => choose(() => showDialog("open"))}>
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
          <button role="menuitem" disabled={!summary} onClick={() => choose(showImport)}>
            Import answers…
          </button>
          <button role="menuitem" onClick={() => choose(() => showExport("import-refi"))}>
            Import REFI-QDA project…
          </button>
          <hr />
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showDialog("copy"))}
          >
            Save a copy as…
          </button>
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showExport("export"))}
          >
            Export…
          </button>
          <hr />
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showCoderFile("prepare"))}
          >
            Prepare for a second coder…
          </button>
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showCoderFile("merge"))}
          >
            Bring back a coder&apos;s work…
          </button>
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showSafety({ kind: "pseudonymise" }))}
          >
            Pseudonymise a copy…
          </button>
          <hr />
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showSafety({ kind: "restore" }))}
          >
            Restore from backup…
          </button>
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => showSafety({ kind: "password" }))}
          >
            Password…
          </button>
          <hr />
          <button
            role="menuitem"
            disabled={!summary}
            onClick={() => choose(() => void closeProject())}
          >
            Close project
          </button>
        </div>
      )}
    </div>
  );
}
