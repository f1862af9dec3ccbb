/**
 * The code tree as the tallies walk it: each node by a dense index, its chain up to the
 * top, its path of names, and the tree order the panel lists nodes in (siblings by
 * position, then id, a parent before its children). Pure: the core reads the rows, the
 * figures are computed here.
 */

/** One row of the codebook, as the tally needs it. */
export interface TreeCode {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly position: number;
}

export interface TallyTree {
  /** Code id of each node, by node index (the order of the rows given). */
  readonly ids: readonly number[];
  /** Parent's node index; -1 at the top (or for a parent that is not in the tree). */
  readonly parent: Int32Array;
  /** For each node, its own index then its ancestors', up to the top. */
  readonly chains: readonly Int32Array[];
  /** Names from the top down to each node. */
  readonly paths: readonly (readonly string[])[];
  /** Node indices in tree order: siblings by position then id, parents first. */
  readonly order: readonly number[];
  /** The node index of a code id, or -1. */
  nodeOf(codeId: number): number;
  /**
   * What the counts depend on (ids and parents): equal keys, the same counts by node
   * index. Renames and reorders keep it.
   */
  readonly shapeKey: string;
}

/** Code ids are small integers in practice: look them up in an array when they are. */
const DENSE_IDS = 1 << 22;

export function indexTree(codes: readonly TreeCode[]): TallyTree {
  const ids = codes.map((code) => code.id);
  const byId = new Map(ids.map((id, i) => [id, i]));
  const parent = Int32Array.from(codes, (code) =>
    code.parentId === null ? -1 : (byId.get(code.parentId) ?? -1),
  );
  const chains = codes.map((_, i) => {
    const chain: number[] = [];
    // A hand-edited file could hold a cycle: stop at the number of codes.
    for (let at = i; at >= 0 && chain.length <= codes.length; at = parent[at]!) chain.push(at);
    return Int32Array.from(chain);
  });
  const paths = chains.map((chain) => Array.from(chain, (at) => codes[at]!.name).reverse());
  const maxId = ids.reduce((max, id) => Math.max(max, id), 0);
  let nodeOf: (codeId: number) => number;
  if (maxId < DENSE_IDS && ids.every((id) => id >= 0)) {
    const dense = new Int32Array(maxId + 1).fill(-1);
    ids.forEach((id, i) => (dense[id] = i));
    nodeOf = (codeId) => (codeId >= 0 && codeId <= maxId ? dense[codeId]! : -1);
  } else {
    nodeOf = (codeId) => byId.get(codeId) ?? -1;
  }
  return {
    ids,
    parent,
    chains,
    paths,
    order: treeOrder(codes, parent),
    nodeOf,
    shapeKey: codes.map((code) => `${code.id}:${code.parentId ?? ""}`).join(","),
  };
}

function treeOrder(codes: readonly TreeCode[], parent: Int32Array): number[] {
  const children = new Map<number, number[]>();
  codes.forEach((_, i) => {
    const up = parent[i]!;
    const list = children.get(up) ?? [];
    list.push(i);
    children.set(up, list);
  });
  for (const list of children.values()) {
    list.sort((a, b) => codes[a]!.position - codes[b]!.position || codes[a]!.id - codes[b]!.id);
  }
  const order: number[] = [];
  const seen = new Uint8Array(codes.length);
  const visit = (at: number): void => {
    if (seen[at]) return;
    seen[at] = 1;
    order.push(at);
    for (const child of children.get(at) ?? []) visit(child);
  };
  for (const top of children.get(-1) ?? []) visit(top);
  // Nodes on a cycle have no way up to the top; list them last rather than lose them.
  codes.forEach((_, i) => visit(i));
  return order;
}
