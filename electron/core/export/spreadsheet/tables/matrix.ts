/**
 * The Matrix table, ready for SPSS or R: one row per respondent in the filter (survey
 * order), their id and attributes first, then one column per code node in tree order (a
 * category the union of its subtree), or per question x code ("Q1: Safety > Risk"; only
 * the pairs the coding uses in these respondents, else most columns of a long
 * questionnaire would be empty). A cell is 0/1 presence (the respondent has at least one
 * segment of the node or below it) or the number of such segments.
 *
 * The segments' (respondent, question, code) come as typed arrays; they are grouped by
 * respondent with a counting sort and each respondent's cells counted in one reused array.
 */
import type { MatrixColumns, MatrixValues } from "../../../../../shared/api/export-api.ts";
import { indexTree, type TallyTree } from "../../../../../shared/tally/code-tree.ts";
import {
  exportAttributes,
  exportCodes,
  exportQuestions,
  segmentTriples,
  type SegmentTriples,
} from "../../../db/export-reads.ts";
import type { Db } from "../../../db/project-file.ts";
import type { ExportContext } from "../../export-service.ts";
import { BATCH, betweenBatches, type ExportScope } from "../scope.ts";
import { text, uniqueTitles, widthFor, type Cell, type Table, type TableSink } from "../table.ts";
import { PATH_SEPARATOR, respondentCells } from "./segments.ts";

export interface MatrixOptions {
  readonly matrix: MatrixValues;
  readonly matrixColumns: MatrixColumns;
}

interface Layout {
  readonly titles: string[];
  /** For a (question index, node) pair: its column, or -1. */
  column(question: number, node: number): number;
  readonly count: number;
}

function codeLayout(tree: TallyTree): Layout {
  const columnOf = new Int32Array(tree.ids.length);
  tree.order.forEach((node, i) => (columnOf[node] = i));
  return {
    titles: tree.order.map((node) => tree.paths[node]!.join(PATH_SEPARATOR)),
    column: (_question, node) => columnOf[node]!,
    count: tree.order.length,
  };
}

/** Question x node pairs with at least one segment (a category through its subtree). */
function questionCodeLayout(
  tree: TallyTree,
  questions: readonly { readonly id: number; readonly label: string }[],
  triples: SegmentTriples,
  questionIndex: ReadonlyMap<number, number>,
): Layout {
  const nodes = tree.ids.length;
  const used = new Uint8Array(questions.length * nodes);
  for (let i = 0; i < triples.length; i++) {
    const q = questionIndex.get(triples.questions[i]!);
    const node = tree.nodeOf(triples.codes[i]!);
    if (q === undefined || node < 0) continue;
    for (const up of tree.chains[node]!) used[q * nodes + up] = 1;
  }
  const columnOf = new Int32Array(questions.length * nodes).fill(-1);
  const titles: string[] = [];
  questions.forEach((question, q) => {
    for (const node of tree.order) {
      if (!used[q * nodes + node]) continue;
      columnOf[q * nodes + node] = titles.length;
      titles.push(`${question.label}: ${tree.paths[node]!.join(PATH_SEPARATOR)}`);
    }
  });
  return {
    titles,
    column: (question, node) => columnOf[question * nodes + node]!,
    count: titles.length,
  };
}

/** Segment indices grouped by respondent (counting sort): `order[from[r]..from[r+1])`. */
export function byRespondent(
  triples: SegmentTriples,
  respondentIndex: ReadonlyMap<number, number>,
  respondents: number,
): { order: Int32Array; from: Int32Array } {
  const from = new Int32Array(respondents + 1);
  const index = new Int32Array(triples.length);
  for (let i = 0; i < triples.length; i++) {
    const r = respondentIndex.get(triples.respondents[i]!) ?? -1;
    index[i] = r;
    if (r >= 0) from[r + 1]!++;
  }
  for (let r = 0; r < respondents; r++) from[r + 1]! += from[r]!;
  const next = from.slice(0, respondents);
  const order = new Int32Array(from[respondents]!);
  for (let i = 0; i < triples.length; i++) {
    const r = index[i]!;
    if (r >= 0) order[next[r]!++] = i;
  }
  return { order, from };
}

export function matrixTable(
  db: Db,
  scope: ExportScope,
  options: MatrixOptions,
  context: ExportContext,
): Table {
  const tree = indexTree(exportCodes(db));
  const questions = exportQuestions(db);
  const questionIndex = new Map(questions.map((question, i) => [question.id, i]));
  const triples = segmentTriples(db, scope.coding.coderId, scope.tallyFilter);
  const layout =
    options.matrixColumns === "code"
      ? codeLayout(tree)
      : questionCodeLayout(tree, questions, triples, questionIndex);
  const attributes = exportAttributes(db).map((attribute) => attribute.name);
  const titles = uniqueTitles(["Respondent", ...attributes, ...layout.titles]);
  const columns = titles.map((title, i) => ({
    title: text(title),
    width: i <= attributes.length ? widthFor(title, 10, 24) : widthFor(title, 6, 28),
  }));
  const values = options.matrix === "presence" ? "1 = has the code, 0 = not" : "segments";
  const notes = [`Matrix (${values}). ${scope.statement}`];
  const write = async (sink: TableSink): Promise<number> => {
    const people = respondentCells(db, scope.tallyFilter);
    const ids = [...people.keys()];
    const respondentIndex = new Map(ids.map((id, i) => [id, i]));
    const { order, from } = byRespondent(triples, respondentIndex, ids.length);
    const counts = new Float64Array(layout.count);
    const presence = options.matrix === "presence";
    await betweenBatches(context, "Matrix", 0, ids.length);
    for (let r = 0; r < ids.length; r++) {
      counts.fill(0);
      for (let k = from[r]!; k < from[r + 1]!; k++) {
        const i = order[k]!;
        const node = tree.nodeOf(triples.codes[i]!);
        const q = questionIndex.get(triples.questions[i]!) ?? -1;
        if (node < 0 || q < 0) continue;
        for (const up of tree.chains[node]!) {
          const column = layout.column(q, up);
          if (column >= 0) counts[column]!++;
        }
      }
      const person = people.get(ids[r]!)!;
      const row: Cell[] = person.slice();
      for (let c = 0; c < layout.count; c++) {
        row.push(presence ? (counts[c]! > 0 ? 1 : 0) : counts[c]!);
      }
      sink.row(row);
      if ((r + 1) % BATCH === 0) {
        await sink.drain();
        await betweenBatches(context, "Matrix", r + 1, ids.length);
      }
    }
    await sink.drain();
    context.onProgress({ phase: "Matrix", done: ids.length, total: ids.length });
    return ids.length;
  };
  return { name: "Matrix", columns, notes, write };
}
