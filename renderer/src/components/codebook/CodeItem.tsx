/**
 * One code in the tree, with its branch: the fold arrow, the name (a click applies the
 * code to the selected passage), the counts, the pin and the "⋯" actions button.
 */
import type { MouseEvent } from "react";
import type { CodeId, CodeNode } from "../../../../shared/domain.ts";
import { countLabel, NO_COUNTS } from "../../codebook/counts.ts";
import { useCoding, useShortcuts } from "../../stores/coding.ts";
import { useCodebook } from "../../stores/codebook.ts";
import { applyToSelection } from "../coding/actions.ts";
import { RenameField } from "../coding/RenameField.tsx";
import { pressOnRow } from "./drag.ts";
import { openMenuAtRow } from "./tree-keys.ts";

interface Props {
  readonly node: CodeNode;
  readonly level: number;
  /** 1-based place among its siblings, for screen readers. */
  readonly position: number;
  readonly siblings: number;
  readonly tabStop: CodeId | null;
}

/** Keeps the text selection: pressing a button in the codebook must not take it away. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

/** The hover text: the path, then what the code means and how to use it. */
function hoverText(node: CodeNode, path: string): string {
  const lines = [path];
  if (node.description) lines.push(node.description);
  if (node.whenToUse) lines.push(`When to use: ${node.whenToUse}`);
  if (node.whenNotToUse) lines.push(`When not to use: ${node.whenNotToUse}`);
  lines.push("Click: apply to the selected passage · F2: rename · Shift+F10: actions");
  return lines.join("\n");
}

export function CodeItem({ node, level, position, siblings, tabStop }: Props) {
  const id = node.id;
  const hasChildren = node.children.length > 0;
  const collapsed = useCodebook((s) => s.collapsed.has(id));
  const isCurrent = useCodebook((s) => s.current === id);
  const renaming = useCodebook((s) => s.renaming === id);
  // A coder who has coded nothing yet has zeros beside every code, not blanks.
  const figures = useCodebook(
    (s) => s.counts.get(id) ?? (s.countsFor === "nobody" ? NO_COUNTS : undefined),
  );
  const dropClass = useCodebook((s) => {
    const drag = s.drag;
    if (!drag) return "";
    if (drag.sourceId === id) return " drag-source";
    if (drag.overId !== id) return "";
    if (drag.refused) return " drop-refused";
    return drag.target ? ` drop-${drag.zone}` : "";
  });
  const isPinned = useCoding((s) => s.pinned.includes(id));
  const slot = useShortcuts().indexOf(id);
  const path = node.path.join(" > ");
  const counts = countLabel(node.name, figures, hasChildren);
  const { setCollapsed, setCurrent, setRenaming } = useCodebook.getState();

  return (
    <li
      role="treeitem"
      aria-label={path}
      aria-level={level}
      aria-posinset={position}
      aria-setsize={siblings}
      aria-selected={isCurrent}
      aria-expanded={hasChildren ? !collapsed : undefined}
    >
      <div
        className={`code-line${hasChildren ? " has-children" : ""}${isCurrent ? " current" : ""}${dropClass}`}
        data-code-row={id}
        onPointerDown={(event) => pressOnRow(event, id)}
        onContextMenu={(event) => {
          event.preventDefault();
          setCurrent(id);
          useCodebook.getState().openMenu({ codeId: id, x: event.clientX, y: event.clientY });
        }}
      >
        {hasChildren ? (
          <button
            type="button"
            className="twisty"
            tabIndex={-1}
            aria-label={collapsed ? `Expand ${path}` : `Collapse ${path}`}
            onMouseDown={keepSelection}
            onClick={() => setCollapsed(id, !collapsed)}
          >
            <span aria-hidden="true">{collapsed ? "▸" : "▾"}</span>
          </button>
        ) : (
          <span className="twisty" aria-hidden="true" />
        )}
        {renaming ? (
          <RenameField codeId={id} name={node.name} onDone={() => setRenaming(null)} />
        ) : (
          <button
            type="button"
            className="code-name"
            tabIndex={tabStop === id ? 0 : -1}
            title={hoverText(node, path)}
            aria-label={`Apply ${path}${slot >= 0 ? ` (key ${slot + 1})` : ""}`}
            aria-describedby={counts ? `code-count-${id}` : undefined}
            onMouseDown={keepSelection}
            onFocus={() => setCurrent(id)}
            onClick={() => void applyToSelection({ id })}
            onDoubleClick={() => setRenaming(id)}
          >
            <span className="swatch" style={{ backgroundColor: node.color }} />
            <span className="code-label">{node.name}</span>
            {slot >= 0 && <kbd className="code-key">{slot + 1}</kbd>}
          </button>
        )}
        {counts && !renaming && (
          <span
            id={`code-count-${id}`}
            className={`code-count${counts.empty ? " empty" : ""}`}
            title={counts.title}
          >
            {counts.text}
          </span>
        )}
        {/* Over the counts' right end while the pointer is on the row: the names keep the room. */}
        <span className="code-actions">
          <button
            type="button"
            className={`pin${isPinned ? " pinned" : ""}`}
            tabIndex={-1}
            aria-pressed={isPinned}
            aria-label={`Pin ${path} to a number key`}
            title={isPinned ? "Unpin from the number keys" : "Pin to a number key (1–9)"}
            onMouseDown={keepSelection}
            onClick={() => void useCoding.getState().togglePin(id)}
          >
            <PinIcon />
          </button>
          <button
            type="button"
            className="code-more"
            tabIndex={-1}
            aria-label={`Actions for ${path}`}
            aria-haspopup="menu"
            title="Actions (Shift+F10)"
            onMouseDown={keepSelection}
            onClick={() => {
              setCurrent(id);
              openMenuAtRow(id);
            }}
          >
            ⋯
          </button>
        </span>
      </div>
      {hasChildren && !collapsed && (
        <ul role="group">
          {node.children.map((child, index) => (
            <CodeItem
              key={child.id}
              node={child}
              level={level + 1}
              position={index + 1}
              siblings={node.children.length}
              tabStop={tabStop}
            />
          ))}
        </ul>
      )}
    </li>
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
