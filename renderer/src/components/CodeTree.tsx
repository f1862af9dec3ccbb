/**
 * The codebook: categories and codes in their colours, descriptions on hover. A click
 * on a code applies it to the selected passage; the pin puts a code on a number key
 * (1-9, shown beside it) for this project; F2 or a double-click renames a code.
 */
import { useState } from "react";
import type { CodeId, CodeNode } from "../../../shared/domain.ts";
import { useCoding, useShortcuts } from "../stores/coding.ts";
import { useProject } from "../stores/project.ts";
import { applyToSelection } from "./coding/actions.ts";
import { RenameField } from "./coding/RenameField.tsx";
import "./coding/coding-chrome.css";
import "./coding/codebook.css";

export function CodeTree() {
  const codes = useProject((s) => s.codes);
  const shortcuts = useShortcuts();
  const pinned = useCoding((s) => s.pinned);
  const [renaming, setRenaming] = useState<CodeId | null>(null);
  return (
    <aside className="codebook" aria-label="Codebook">
      <h2>Codebook</h2>
      {codes.length === 0 ? (
        <p className="notice">No codes yet. Select a passage and press K to create one.</p>
      ) : (
        <>
          <p className="codebook-hint">Select a passage, then click a code to apply it.</p>
          <CodeBranch
            nodes={codes}
            shortcuts={shortcuts}
            pinned={pinned}
            renaming={renaming}
            setRenaming={setRenaming}
          />
        </>
      )}
    </aside>
  );
}

interface BranchProps {
  readonly nodes: readonly CodeNode[];
  readonly shortcuts: readonly CodeId[];
  readonly pinned: readonly CodeId[];
  readonly renaming: CodeId | null;
  readonly setRenaming: (codeId: CodeId | null) => void;
}

function CodeBranch(props: BranchProps) {
  const { nodes, shortcuts, pinned, renaming, setRenaming } = props;
  return (
    <ul role="group">
      {nodes.map((node) => {
        const slot = shortcuts.indexOf(node.id);
        const isPinned = pinned.includes(node.id);
        const path = node.path.join(" > ");
        return (
          <li key={node.id} role="treeitem" aria-label={path}>
            <div className="code-line">
              {renaming === node.id ? (
                <RenameField codeId={node.id} name={node.name} onDone={() => setRenaming(null)} />
              ) : (
                <button
                  type="button"
                  className="code-name"
                  title={`${node.description ? `${path}\n${node.description}` : `Apply ${path}`}\n(F2 or double-click: rename)`}
                  aria-label={`Apply ${path}${slot >= 0 ? ` (key ${slot + 1})` : ""}`}
                  // Keep the text selection: pressing the button must not take it away.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => void applyToSelection({ id: node.id })}
                  onDoubleClick={() => setRenaming(node.id)}
                  onKeyDown={(event) => {
                    if (event.key === "F2") setRenaming(node.id);
                  }}
                >
                  <span className="swatch" style={{ backgroundColor: node.color }} />
                  <span className="code-label">{node.name}</span>
                  {slot >= 0 && <kbd className="code-key">{slot + 1}</kbd>}
                </button>
              )}
              <button
                type="button"
                className={`pin${isPinned ? " pinned" : ""}`}
                aria-pressed={isPinned}
                aria-label={`Pin ${path} to a number key`}
                title={isPinned ? "Unpin from the number keys" : "Pin to a number key (1–9)"}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void useCoding.getState().togglePin(node.id)}
              >
                <PinIcon />
              </button>
            </div>
            {node.children.length > 0 && <CodeBranch {...props} nodes={node.children} />}
          </li>
        );
      })}
    </ul>
  );
}

function PinIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M10.5 1.5l4 4-2 1-2.5 2.5.5 3.5-1.5 1.5-3-3-4 4-.5-.5 4-4-3-3L4 6l3.5.5L10 4l.5-2.5z"
        fill="currentColor"
      />
    </svg>
  );
}
