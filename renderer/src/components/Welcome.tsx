/** What a window shows with no project open: start a new one or open one. */
import { useEffect, useState } from "react";
import type { RecentProject } from "../../../shared/api/contract.ts";
import { call } from "../api/client.ts";
import { useProject } from "../stores/project.ts";

export function Welcome() {
  const [recent, setRecent] = useState<readonly RecentProject[]>([]);
  const openProject = useProject((s) => s.openProject);
  const nativeMenus = useProject((s) => s.capabilities?.nativeMenus ?? false);
  useEffect(() => {
    call("project.recent", {}).then(setRecent, () => setRecent([]));
  }, []);
  return (
    <main className="welcome">
      <h1>No project open</h1>
      <p>
        {nativeMenus
          ? "Use File › New project or File › Open to start."
          : "Use the File menu above to create a project or open one."}
      </p>
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
