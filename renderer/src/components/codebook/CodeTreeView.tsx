/**
 * The tree itself (role="tree"): one tab stop, the arrows move between codes, and a
 * label follows the pointer while a code is dragged.
 */
import type { CodeNode } from "../../../../shared/domain.ts";
import { useCodebook } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { CodeItem } from "./CodeItem.tsx";
import { onTreeKeyDown } from "./tree-keys.ts";

export function CodeTreeView({ codes }: { readonly codes: readonly CodeNode[] }) {
  const current = useCodebook((s) => s.current);
  const codeIndex = useProject((s) => s.codeIndex);
  // The tab stop: the code the keyboard was on, else the first.
  const tabStop = current !== null && codeIndex.has(current) ? current : (codes[0]?.id ?? null);
  return (
    <>
      <ul className="code-tree" role="tree" aria-label="Codes" onKeyDown={onTreeKeyDown}>
        {codes.map((node, index) => (
          <CodeItem
            key={node.id}
            node={node}
            level={1}
            position={index + 1}
            siblings={codes.length}
            tabStop={tabStop}
          />
        ))}
      </ul>
      <DragLabel />
    </>
  );
}

function DragLabel() {
  const drag = useCodebook((s) => s.drag);
  const name = useProject((s) => (drag ? s.codeIndex.get(drag.sourceId)?.name : undefined));
  if (!drag || name === undefined) return null;
  return (
    <div
      className={`drag-label${drag.refused ? " refused" : ""}`}
      style={{ left: drag.x + 14, top: drag.y + 10 }}
      aria-hidden="true"
    >
      {drag.refused ? `Not inside itself` : name}
    </div>
  );
}
