/**
 * Who marked each (answer, code) unit present, kept sparse: for every node, the units on
 * which some coder used it, split by class. With two coders the class is the coders'
 * mask (1: only A, 2: only B, 3: both); with more, how many coders marked it present.
 * Units in no list are "absent for everyone": their number is units - the rest. So a
 * code's counts, and its counts under bootstrap weights, cost the units it was used on,
 * not every answer (decision 0015; the performance note in the issue).
 */
import type { TallyTree } from "../../../shared/tally/code-tree.ts";
import type { CodedUnits } from "./coded-units.ts";

export interface PresenceLists {
  readonly units: number;
  readonly coders: number;
  /** Classes are 1..classes (index 0 of every list array is empty and unused). */
  readonly classes: number;
  /** Per node: units by class of the node's own segments. */
  readonly own: readonly (readonly Int32Array[])[];
  /** Per node with sub-codes: units by class of its whole subtree; null for a leaf. */
  readonly subtree: readonly (readonly Int32Array[] | null)[];
  readonly category: Uint8Array;
  /** Pooled (decision 0015): nodes that are leaves or carry segments of their own. */
  readonly pooled: Uint8Array;
  readonly pooledNodes: number;
  /** Units with any own segment; for each class, how many of their nodes are in it. */
  readonly pooledUnits: Int32Array;
  readonly pooledCounts: readonly Int32Array[];
}

/** Class of a coders' mask: the mask itself for two coders, else its number of bits. */
export function classTable(coders: number): { classes: number; classOf: Uint8Array } {
  const classOf = new Uint8Array(1 << coders);
  for (let mask = 1; mask < classOf.length; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    classOf[mask] = coders === 2 ? mask : bits;
  }
  return { classes: coders === 2 ? 3 : coders, classOf };
}

export function presenceLists(tree: TallyTree, coded: CodedUnits): PresenceLists {
  const nodes = tree.ids.length;
  const { classes, classOf } = classTable(coded.coders);
  const category = new Uint8Array(nodes);
  for (let at = 0; at < nodes; at++) if (tree.parent[at]! >= 0) category[tree.parent[at]!] = 1;
  const own = Array.from({ length: nodes }, () => newLists(classes));
  const subtree = Array.from({ length: nodes }, (_, at) =>
    category[at] ? newLists(classes) : null,
  );
  const pooledUnits = new IntList();
  const pooledCounts = Array.from({ length: classes + 1 }, () => new IntList());
  const ownMask = new Uint16Array(nodes);
  const subMask = new Uint16Array(nodes);
  const touchedOwn = new Int32Array(nodes);
  const touchedSub = new Int32Array(nodes);
  const perClass = new Int32Array(classes + 1);
  for (let u = 0; u < coded.units; u++) {
    let nOwn = 0;
    let nSub = 0;
    for (let k = coded.unitStart[u]!; k < coded.unitStart[u + 1]!; k++) {
      const segment = coded.order[k]!;
      const at = coded.node[segment]!;
      const bit = 1 << coded.coder[segment]!;
      if (ownMask[at] === 0) touchedOwn[nOwn++] = at;
      ownMask[at]! |= bit;
      for (const up of tree.chains[at]!) {
        if (!category[up]) continue;
        if (subMask[up] === 0) touchedSub[nSub++] = up;
        subMask[up]! |= bit;
      }
    }
    if (nOwn === 0) continue;
    perClass.fill(0);
    for (let t = 0; t < nOwn; t++) {
      const at = touchedOwn[t]!;
      const c = classOf[ownMask[at]!]!;
      own[at]![c]!.push(u);
      perClass[c]!++;
      ownMask[at] = 0;
    }
    pooledUnits.push(u);
    for (let c = 1; c <= classes; c++) pooledCounts[c]!.push(perClass[c]!);
    for (let t = 0; t < nSub; t++) {
      const at = touchedSub[t]!;
      subtree[at]![classOf[subMask[at]!]!]!.push(u);
      subMask[at] = 0;
    }
  }
  const ownArrays = own.map(toArrays);
  const pooled = new Uint8Array(nodes);
  let pooledNodes = 0;
  for (let at = 0; at < nodes; at++) {
    if (!category[at] || ownArrays[at]!.some((list) => list.length > 0)) {
      pooled[at] = 1;
      pooledNodes++;
    }
  }
  return {
    units: coded.units,
    coders: coded.coders,
    classes,
    own: ownArrays,
    subtree: subtree.map((lists) => (lists ? toArrays(lists) : null)),
    category,
    pooled,
    pooledNodes,
    pooledUnits: pooledUnits.toArray(),
    pooledCounts: pooledCounts.map((list) => list.toArray()),
  };
}

/** A node's lists for a figure: its subtree's for a category, its own for a leaf. */
export function rowLists(lists: PresenceLists, at: number): readonly Int32Array[] {
  return lists.subtree[at] ?? lists.own[at]!;
}

function newLists(classes: number): IntList[] {
  return Array.from({ length: classes + 1 }, () => new IntList());
}

function toArrays(lists: readonly IntList[]): Int32Array[] {
  return lists.map((list) => list.toArray());
}

/** A growable list of int32. */
class IntList {
  private data = new Int32Array(16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
