/** The codebook: categories and codes in their colours, descriptions on hover. */
import type { CodeNode } from "../../../shared/domain.ts";
import { useProject } from "../stores/project.ts";

export function CodeTree() {
  const codes = useProject((s) => s.codes);
  return (
    <aside className="codebook" aria-label="Codebook">
      <h2>Codebook</h2>
      {codes.length === 0 ? <p className="notice">No codes yet.</p> : <CodeBranch nodes={codes} />}
    </aside>
  );
}

function CodeBranch({ nodes }: { readonly nodes: readonly CodeNode[] }) {
  return (
    <ul role="group">
      {nodes.map((node) => (
        <li key={node.id} role="treeitem" aria-label={node.path.join(" > ")}>
          <span className="code-name" title={node.description || undefined}>
            <span className="swatch" style={{ backgroundColor: node.color }} />
            {node.name}
          </span>
          {node.children.length > 0 && <CodeBranch nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}
