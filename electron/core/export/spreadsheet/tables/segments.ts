/**
 * The Segments table: one row per coded passage, long format. Columns: Respondent, every
 * attribute (in attribute order), Question (label), Code (path joined " > "), Level 1..N
 * (N = the deepest path the coding uses), Coder, Start, End, Coded text, Answer (when
 * asked), Memo, Created.
 *
 * Start and End count characters as Unicode code points, from 0, end exclusive: the
 * coded text is Python's text[start:end] (decision 0016). Cairn stores UTF-16 offsets;
 * they differ only in answers with characters beyond the Basic Multilingual Plane
 * (emoji), which a quick test finds once per answer.
 *
 * Rows come from SQLite in complete pages of a few hundred answers (db/export-segments.ts:
 * nothing stays open on the connection while the file is written, so the app's other
 * reads go on) and each becomes one array: the respondent's cells, code paths, coder and
 * question names are guarded and built once, not per row; an answer's text is read and
 * checked once for all its segments.
 */
import type { CoderId } from "../../../../../shared/domain.ts";
import { indexTree } from "../../../../../shared/tally/code-tree.ts";
import {
  attributeValueRows,
  coderNames,
  exportAttributes,
  exportCodes,
  exportQuestions,
  exportRespondents,
  exportSegmentCount,
  usedCodeIds,
} from "../../../db/export-reads.ts";
import { ExportSegmentPages, SEG } from "../../../db/export-segments.ts";
import type { Db } from "../../../db/project-file.ts";
import type { TallyFilter } from "../../../db/tally.ts";
import type { ExportContext } from "../../export-service.ts";
import { betweenBatches, type ExportScope } from "../scope.ts";
import { text, uniqueTitles, widthFor, type Cell, type Column, type Table } from "../table.ts";

export const PATH_SEPARATOR = " > ";
export const OFFSETS_NOTE =
  "Start and End count characters (Unicode code points) from 0, End exclusive: the coded text is text[Start:End] in Python.";
const SURROGATE = /[\uD800-\uDFFF]/;
/** Rows between the sink's drains within a page (an .xlsx's zip works meanwhile). */
const STEP = 250;

/** The header of the Segments table (the benchmark's floor writes the same). */
export function segmentSheetColumns(
  attributes: readonly string[],
  levels: number,
  wholeAnswer: boolean,
): Column[] {
  const fixed = [
    "Respondent",
    "Question",
    "Code",
    ...Array.from({ length: levels }, (_, i) => `Level ${i + 1}`),
    "Coder",
    "Start",
    "End",
    "Coded text",
    ...(wholeAnswer ? ["Answer"] : []),
    "Memo",
    "Created",
  ];
  // An attribute named like a fixed column ("Code") gives way ("Code (2)"): a script that
  // reads the Code column must find the code there.
  const named = uniqueTitles([...fixed, ...attributes]).slice(fixed.length);
  const titles = [fixed[0]!, ...named, ...fixed.slice(1)];
  const wide = new Set(["Coded text", "Answer", "Memo"]);
  return titles.map((title) => ({
    title: text(title),
    width: wide.has(title)
      ? 60
      : title === "Code"
        ? 36
        : title === "Created"
          ? 24
          : widthFor(title),
  }));
}

/** Each respondent's first cells: their id and attribute values, guarded. */
export function respondentCells(db: Db, filter: TallyFilter): Map<number, Cell[]> {
  const attributes = exportAttributes(db);
  const column = new Map(attributes.map((attribute, i) => [attribute.id, i + 1]));
  const cells = new Map<number, Cell[]>();
  for (const respondent of exportRespondents(db, filter)) {
    const row: Cell[] = new Array<Cell>(attributes.length + 1).fill(null);
    row[0] = text(respondent.externalId);
    cells.set(respondent.id, row);
  }
  for (const [respondentId, attributeId, value] of attributeValueRows(db)) {
    const row = cells.get(respondentId);
    const at = column.get(attributeId);
    if (row && at !== undefined && value !== "") row[at] = text(value);
  }
  return cells;
}

interface CodeCells {
  /** Code path then each level, padded to the deepest level. */
  readonly byId: Map<number, Cell[]>;
  readonly rank: Map<number, number>;
  readonly levels: number;
}

function codeCells(db: Db, coderId: CoderId | null): CodeCells {
  const codes = exportCodes(db);
  const tree = indexTree(codes);
  const used = usedCodeIds(db, coderId);
  const levels = used.reduce((most, id) => {
    const at = tree.nodeOf(id);
    return at < 0 ? most : Math.max(most, tree.paths[at]!.length);
  }, 0);
  const byId = new Map<number, Cell[]>();
  tree.ids.forEach((id, at) => {
    const path = tree.paths[at]!;
    const cells: Cell[] = [text(path.join(PATH_SEPARATOR))];
    for (let level = 0; level < levels; level++) {
      const name = path[level];
      cells.push(name === undefined ? null : text(name));
    }
    byId.set(id, cells);
  });
  const rank = new Map(tree.order.map((at, i) => [tree.ids[at]!, i]));
  return { byId, rank, levels };
}

/** A code-point offset for a UTF-16 one (only called for answers with surrogates). */
function codePointOffset(answer: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16 && i < answer.length; i++) {
    const unit = answer.charCodeAt(i);
    // A low surrogate after a high one completes the same code point.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const before = answer.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    points++;
  }
  return points;
}

export function segmentsTable(
  db: Db,
  scope: ExportScope,
  options: { readonly wholeAnswer: boolean },
  context: ExportContext,
): Table {
  const coderId = scope.coding.coderId;
  const attributes = exportAttributes(db).map((attribute) => attribute.name);
  const codes = codeCells(db, coderId);
  const columns = segmentSheetColumns(attributes, codes.levels, options.wholeAnswer);
  const notes = [`Segments. ${scope.statement}`, OFFSETS_NOTE];
  const write = async (sink: { row(cells: readonly Cell[]): void; drain(): Promise<void> }) => {
    const total = exportSegmentCount(db, coderId, scope.tallyFilter);
    const respondents = respondentCells(db, scope.tallyFilter);
    const questions = new Map(exportQuestions(db).map((q) => [q.id, text(q.label)]));
    const names = coderNames(db);
    const coders = new Map([...names].map(([id, name]) => [id, text(name)]));
    const coderRank = new Map(
      [...names].sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]).map(([id], i) => [id, i]),
    );
    const width = columns.length;
    const emptyCode: Cell[] = new Array<Cell>(codes.levels + 1).fill(null);
    await betweenBatches(context, "Segments", 0, total);
    const pages = new ExportSegmentPages(db, coderId, scope.tallyFilter, {
      code: codes.rank,
      coder: coderRank,
    });
    let written = 0;
    for (let page = pages.next(); page; page = pages.next()) {
      for (const answer of page) {
        const whole = answer.text;
        const surrogates = SURROGATE.test(whole);
        const answerCell = options.wholeAnswer ? text(whole) : null;
        const person = respondents.get(answer.respondentId)!;
        const question = questions.get(answer.questionId) ?? null;
        for (const segment of answer.segments) {
          const start = segment[SEG.start];
          const end = segment[SEG.end];
          const row = new Array<Cell>(width);
          let at = 0;
          for (let i = 0; i < person.length; i++) row[at++] = person[i]!;
          row[at++] = question;
          const code = codes.byId.get(segment[SEG.code]) ?? emptyCode;
          for (let i = 0; i < code.length; i++) row[at++] = code[i]!;
          row[at++] = coders.get(segment[SEG.coder]) ?? null;
          row[at++] = surrogates ? codePointOffset(whole, start) : start;
          row[at++] = surrogates ? codePointOffset(whole, end) : end;
          row[at++] = text(whole.slice(start, end));
          if (options.wholeAnswer) row[at++] = answerCell;
          const memo = segment[SEG.memo];
          row[at++] = memo === "" ? null : text(memo);
          row[at++] = segment[SEG.created];
          sink.row(row);
          if (++written % STEP === 0) await sink.drain();
        }
      }
      // Between pages nothing is open on the connection: other reads may run.
      await sink.drain();
      await betweenBatches(context, "Segments", written, total);
    }
    await sink.drain();
    context.onProgress({ phase: "Segments", done: written, total });
    return written;
  };
  return { name: "Segments", columns, notes, write };
}
