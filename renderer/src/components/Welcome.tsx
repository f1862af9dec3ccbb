/** What a window shows with no project open: start a new one or open one. */
import { useEffect, useState } from "react";
import type { RecentProject } from "../../../shared/api/contract.ts";
import { call } from "../api/client.ts";
import { useFileDialogs } from "../stores/file-dialogs.ts";
import { useProject } from "../stores/project.ts";

export function Welcome() {
  const [recent, setRecent] = useState<readonly RecentProject[]>([]);
  const openProject = useProject((s) => s.openProject);
  const nativeMenus = useProject((s) => s.capabilities?.nativeMenus ?? false);
  const showDialog = useFileDialogs((s) => s.show);
  useEffect(() => {
    call("project.recent", {}).then(setRecent, () => setRecent([]));
  }, []);
  return (
    <main className="welcome">
      <h1>No project open</h1>
      {nativeMenus ? (
        <p>Use File › New project or File › Open to start.</p>
      ) : (
        <p className="welcome-actions">
          <button type="button" className="primary" onClick={() => showDialog("new")}>
            New project…
          </button>
          <button type="button" onClick={() => showDialog("open")}>
            Open a project…
          </button>
        </p>
      )}
      {recent.some((r) => r.exists) && (
        <>
          <h2>Recent projects</h2>
          <ul>
            {recent
              .filter((r) => r.exists)
              .map((r) => (
                <li key={r.path}>
                  <button type="button" className="link" onClick={() => void openProject(r.path)}>
                    {r.path}
                  </button>
                </li>
              ))}
          </ul>
        </>
      )}
    </main>
  );
}
