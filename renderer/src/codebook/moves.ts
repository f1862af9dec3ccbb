/**
 * Where a code goes when it is moved in the codebook, by keyboard or by a drop: pure
 * arithmetic on the tree the screen shows, turned into `codes.move`'s parent and
 * position. A position counts the new siblings without the moved code (0 first), so a
 * code moved down past its next sibling lands at that sibling's old index.
 */
import type { CodeId, CodeNode } from "../../../shared/domain.ts";

export interface MoveTarget {
  readonly parentId: CodeId | null;
  readonly position: number;
}

/** A code's place in the tree: its parent (null: top level) and its siblings. */
export interface Place {
  readonly node: CodeNode;
  readonly parent: CodeNode | null;
  readonly siblings: readonly CodeNode[];
  readonly index: number;
}

export function placeOf(tree: readonly CodeNode[], codeId: CodeId): Place | null {
  const visit = (siblings: readonly CodeNode[], parent: CodeNode | null): Place | null => {
    for (let index = 0; index < siblings.length; index++) {
      const node = siblings[index]!;
      if (node.id === codeId) return { node, parent, siblings, index };
      const found = visit(node.children, node);
      if (found) return found;
    }
    return null;
  };
  return visit(tree, null);
}

/** True when `candidate` is `ancestor` itself or anywhere below it. */
export function isWithin(tree: readonly CodeNode[], ancestor: CodeId, candidate: CodeId): boolean {
  const place = placeOf(tree, ancestor);
  if (!place) return false;
  const below = (node: CodeNode): boolean =>
    node.id === candidate || node.children.some((child) => below(child));
  return below(place.node);
}

/** Alt+Up / Alt+Down: one step among the siblings; null at either end. */
export function moveAmongSiblings(
  tree: readonly CodeNode[],
  codeId: CodeId,
  step: -1 | 1,
): MoveTarget | null {
  const place = placeOf(tree, codeId);
  if (!place) return null;
  const position = place.index + step;
  if (position < 0 || position >= place.siblings.length) return null;
  return { parentId: place.parent?.id ?? null, position };
}

/** Alt+Right: the last child of the sibling above; null for a first child. */
export function indent(tree: readonly CodeNode[], codeId: CodeId): MoveTarget | null {
  const place = placeOf(tree, codeId);
  const previous = place ? place.siblings[place.index - 1] : undefined;
  if (!previous) return null;
  return { parentId: previous.id, position: previous.children.length };
}

/** Alt+Left: out of its parent, just after it; null at the top level. */
export function outdent(tree: readonly CodeNode[], codeId: CodeId): MoveTarget | null {
  const place = placeOf(tree, codeId);
  if (!place?.parent) return null;
  const parentPlace = placeOf(tree, place.parent.id);
  if (!parentPlace) return null;
  return { parentId: parentPlace.parent?.id ?? null, position: parentPlace.index + 1 };
}

/** Where on a row the pointer is: its top edge, its middle, or its bottom edge. */
export type DropZone = "before" | "inside" | "after";

/** The zone for a pointer `offset` pixels below the top of a row `height` pixels tall. */
export function dropZoneAt(offset: number, height: number): DropZone {
  if (offset < height * 0.28) return "before";
  if (offset > height * 0.72) return "after";
  return "inside";
}

/**
 * Dropping `codeId` on a zone of `targetId`'s row: before or after it among its
 * siblings, or last inside it. Null when the drop would go nowhere or into the code's
 * own subtree (the screen shows it refused).
 */
export function dropMove(
  tree: readonly CodeNode[],
  codeId: CodeId,
  targetId: CodeId,
  zone: DropZone,
): MoveTarget | null {
  if (isWithin(tree, codeId, targetId)) return null;
  const source = placeOf(tree, codeId);
  const target = placeOf(tree, targetId);
  if (!source || !target) return null;
  if (zone === "inside") {
    const without = target.node.children.filter((child) => child.id !== codeId);
    return { parentId: targetId, position: without.length };
  }
  const parentId = target.parent?.id ?? null;
  const without = target.siblings.filter((sibling) => sibling.id !== codeId);
  const index = without.findIndex((sibling) => sibling.id === targetId);
  const position = zone === "before" ? index : index + 1;
  const sameParent = (source.parent?.id ?? null) === parentId;
  if (sameParent && position === source.index) return null;
  return { parentId, position };
}

/** The codes in screen order, skipping the children of collapsed ones. */
export function visibleCodes(
  tree: readonly CodeNode[],
  collapsed: ReadonlySet<CodeId>,
): CodeNode[] {
  const out: CodeNode[] = [];
  const visit = (nodes: readonly CodeNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (!collapsed.has(node.id)) visit(node.children);
    }
  };
  visit(tree);
  return out;
}

/** Every code of the tree, depth first. */
export function allCodes(tree: readonly CodeNode[]): CodeNode[] {
  return visibleCodes(tree, new Set());
}
