/**
 * The codebook as a flat list for the passages view's code chooser: every code and
 * category in tree order with its depth, narrowed by what the user types. Pure.
 */
import type { CodeId, CodeNode } from "../../../shared/domain.ts";

export interface CodeOption {
  readonly id: CodeId;
  readonly name: string;
  readonly path: readonly string[];
  readonly color: string;
  readonly depth: number;
  /** A category: its passages are those of its whole subtree. */
  readonly isCategory: boolean;
}

export function codeOptions(nodes: readonly CodeNode[], depth = 0): CodeOption[] {
  return nodes.flatMap((node) => [
    {
      id: node.id,
      name: node.name,
      path: node.path,
      color: node.color,
      depth,
      isCategory: node.children.length > 0,
    },
    ...codeOptions(node.children, depth + 1),
  ]);
}

/** Lower case without accents, so "reseau" finds "Réseau". */
export function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The options whose path contains every typed word (in any level: "safety risk" finds
 * "Safety > Risk assessment"); all of them for an empty query.
 */
export function matchingOptions(options: readonly CodeOption[], query: string): CodeOption[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const path = folded(option.path.join(" "));
    return words.every((word) => path.includes(word));
  });
}
