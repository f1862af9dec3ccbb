/** The ids of a code and everything below it: what a merge or a move cannot target. */
import type { CodeId, CodeNode } from "../../../../shared/domain.ts";

export function branchIds(node: CodeNode): Set<CodeId> {
  const ids = new Set<CodeId>();
  const visit = (n: CodeNode) => {
    ids.add(n.id);
    n.children.forEach(visit);
  };
  visit(node);
  return ids;
}

/** How many codes are below this one, at any depth. */
export function descendantCount(node: CodeNode): number {
  return branchIds(node).size - 1;
}
