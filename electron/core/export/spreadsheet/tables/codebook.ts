/**
 * The Codebook table: every code in tree order with its path, level, name, colour,
 * description, when to use it, when not to, an example, and its segments and
 * respondents in the chosen coding and filter. As in the codebook panel, a category
 * counts its whole subtree (a respondent once however many of its codes they have).
 */
import { indexTree } from "../../../../../shared/tally/code-tree.ts";
import { exportCodes, segmentTriples } from "../../../db/export-reads.ts";
import type { Db } from "../../../db/project-file.ts";
import type { ExportContext } from "../../export-service.ts";
import { betweenBatches, type ExportScope } from "../scope.ts";
import { text, type Cell, type Column, type Table, type TableSink } from "../table.ts";
import { byRespondent } from "./matrix.ts";
import { PATH_SEPARATOR } from "./segments.ts";

const COLUMNS: readonly Column[] = [
  { title: "Path", width: 40 },
  { title: "Level", width: 7 },
  { title: "Name", width: 24 },
  { title: "Colour", width: 10 },
  { title: "Description", width: 50 },
  { title: "When to use", width: 40 },
  { title: "When not to use", width: 40 },
  { title: "Example", width: 40 },
  { title: "Segments", width: 10 },
  { title: "Respondents", width: 13 },
];

const orNull = (value: string): Cell => (value === "" ? null : text(value));

/** Per node of the tree: segments and distinct respondents of its subtree. */
export function subtreeCounts(
  db: Db,
  scope: ExportScope,
  tree: ReturnType<typeof indexTree>,
): { segments: Float64Array; respondents: Float64Array } {
  const triples = segmentTriples(db, scope.coding.coderId, scope.tallyFilter);
  const segments = new Float64Array(tree.ids.length);
  const respondents = new Float64Array(tree.ids.length);
  const distinct = [...new Set(triples.respondents)];
  const index = new Map(distinct.map((id, i) => [id, i]));
  const { order, from } = byRespondent(triples, index, distinct.length);
  const stamp = new Int32Array(tree.ids.length).fill(-1);
  for (let r = 0; r < distinct.length; r++) {
    for (let k = from[r]!; k < from[r + 1]!; k++) {
      const node = tree.nodeOf(triples.codes[order[k]!]!);
      if (node < 0) continue;
      for (const up of tree.chains[node]!) {
        segments[up]!++;
        if (stamp[up] !== r) {
          stamp[up] = r;
          respondents[up]!++;
        }
      }
    }
  }
  return { segments, respondents };
}

export function codebookTable(db: Db, scope: ExportScope, context: ExportContext): Table {
  const notes = [`Codebook. Counts: ${scope.statement} A category counts its whole subtree.`];
  const write = async (sink: TableSink): Promise<number> => {
    const codes = exportCodes(db);
    const tree = indexTree(codes);
    const counts = subtreeCounts(db, scope, tree);
    for (const node of tree.order) {
      const code = codes[node]!;
      const path = tree.paths[node]!;
      sink.row([
        text(path.join(PATH_SEPARATOR)),
        path.length,
        text(code.name),
        text(code.color),
        orNull(code.description),
        orNull(code.whenToUse),
        orNull(code.whenNotToUse),
        orNull(code.example),
        counts.segments[node]!,
        counts.respondents[node]!,
      ]);
    }
    await sink.drain();
    await betweenBatches(context, "Codebook", tree.order.length, tree.order.length);
    return tree.order.length;
  };
  return { name: "Codebook", columns: COLUMNS, notes, write };
}
