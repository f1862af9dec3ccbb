/** The codebook flattened: every node in tree order, with its path and its ancestors. */
import type { CodeId, CodeNode } from "../../../shared/domain.ts";

export interface FlatCode {
  readonly codeId: CodeId;
  readonly path: readonly string[];
  /** Tree-order indexes of the code itself and every code above it. */
  readonly selfAndAncestors: readonly number[];
}

/** Parents before children, siblings in their saved order. */
export function flattenTree(tree: readonly CodeNode[]): FlatCode[] {
  const flat: FlatCode[] = [];
  const walk = (nodes: readonly CodeNode[], above: readonly number[]): void => {
    for (const node of nodes) {
      const index = flat.length;
      const selfAndAncestors = [...above, index];
      flat.push({ codeId: node.id, path: node.path, selfAndAncestors });
      walk(node.children, selfAndAncestors);
    }
  };
  walk(tree, []);
  return flat;
}

export function codePathsById(tree: readonly CodeNode[]): Map<CodeId, readonly string[]> {
  return new Map(flattenTree(tree).map((code) => [code.codeId, code.path]));
}
