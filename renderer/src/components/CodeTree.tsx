/**
 * The codebook panel: categories and codes of any depth, with the passages and
 * respondents coded beside each. A click on a code applies it to the selected passage;
 * the pin puts a code on a number key (1-9); F2 or a double-click renames; the "⋯"
 * button, the context menu or Shift+F10 open the code's actions (sub-code, colour,
 * describe, passages, merge, move, delete). Codes move by drag and drop or Alt+arrows.
 */
import { useCodebook } from "../stores/codebook.ts";
import { useProject } from "../stores/project.ts";
import { CodebookDialogs } from "./codebook/CodebookDialogs.tsx";
import { CodebookHeader } from "./codebook/CodebookHeader.tsx";
import { CodeTreeView } from "./codebook/CodeTreeView.tsx";
import { NewCodeField } from "./codebook/NewCodeField.tsx";
import { NodeMenu } from "./codebook/NodeMenu.tsx";
import { useCodeCounts } from "./codebook/useCodeCounts.ts";
import "./coding/coding-chrome.css";
import "./coding/codebook.css";
import "./codebook/codebook-panels.css";

export function CodeTree() {
  const codes = useProject((s) => s.codes);
  const creating = useCodebook((s) => s.creating);
  const notice = useCodebook((s) => s.notice);
  useCodeCounts();
  return (
    <aside className="codebook" aria-label="Codebook">
      <CodebookHeader />
      {notice && (
        <p className="codebook-notice" role="status">
          <span>{notice}</span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => useCodebook.getState().tell(null)}
          >
            ×
          </button>
        </p>
      )}
      {creating && <NewCodeField creating={creating} />}
      {codes.length === 0 ? (
        <p className="notice">
          No codes yet. Select a passage and press K to create one, or use New code above.
        </p>
      ) : (
        <>
          <p className="codebook-hint">Select a passage, then click a code to apply it.</p>
          <CodeTreeView codes={codes} />
        </>
      )}
      <NodeMenu />
      <CodebookDialogs />
    </aside>
  );
}
