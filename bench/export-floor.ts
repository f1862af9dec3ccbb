/**
 * The raw floor of the Segments export: exceljs's streaming WorkbookWriter (the options
 * Cairn's writer uses: no shared strings, styles on) writing the same rows to one sheet
 * with the same layout (frozen header, autofilter, column widths, a bold header).
 *
 * What the floor INCLUDES (timed): building each row's cell array from values already in
 * memory, exceljs's row and cell objects, its XML serialisation, the zip's deflate and
 * the file writes, with the same two ways of using exceljs well that Cairn's writer has
 * (one shared plain style object for every data cell, and waiting every 250 rows for the
 * sheet's XML to drain into the zip). What it EXCLUDES (done before the timer): the SQL
 * query and its
 * sort, the code paths and their levels, the attribute values per respondent, slicing
 * each coded text out of its answer, formula guards, progress and cancel checks, and
 * the atomic rename. So Cairn / floor is Cairn's whole cost over exceljs's own.
 */
import { createWriteStream } from "node:fs";
import { EventEmitter, once } from "node:events";
import ExcelJS from "exceljs";
import type { Db } from "../electron/core/db/project-file.ts";

/** The segments as compact columns: small pools of repeated values, indexes per row. */
export interface FloorRows {
  readonly count: number;
  readonly titles: readonly string[];
  /** Per respondent index: its id then its attribute values. */
  readonly respondents: readonly (readonly string[])[];
  readonly questions: readonly string[];
  /** Per code index: its path ("A > B") then one cell per level (null past its depth). */
  readonly codes: readonly (readonly (string | null)[])[];
  readonly coders: readonly string[];
  readonly respondent: Int32Array;
  readonly question: Int32Array;
  readonly code: Int32Array;
  readonly coder: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly text: string[];
  readonly memo: string[];
  readonly created: string[];
}

/** The rows in the export's order (question, respondent, start, code, coder). */
export function loadFloorRows(db: Db): FloorRows {
  const attributes = db.prepare("SELECT id, name FROM attributes ORDER BY position").all() as {
    id: number;
    name: string;
  }[];
  const respondentIndex = new Map<number, number>();
  const respondents: string[][] = [];
  for (const r of db
    .prepare("SELECT id, external_id FROM respondents ORDER BY position")
    .iterate() as Iterable<{
    id: number;
    external_id: string;
  }>) {
    respondentIndex.set(r.id, respondents.length);
    respondents.push([r.external_id, ...attributes.map(() => "")]);
  }
  for (const [rid, aid, value] of db
    .prepare("SELECT respondent_id, attribute_id, value FROM respondent_attributes")
    .raw()
    .iterate() as Iterable<[number, number, string]>) {
    const row = respondents[respondentIndex.get(rid) as number] as string[];
    row[1 + attributes.findIndex((a) => a.id === aid)] = value;
  }
  const questionIndex = new Map<number, number>();
  const questions: string[] = [];
  for (const [id, label] of db
    .prepare("SELECT id, label FROM questions ORDER BY position")
    .raw()
    .iterate() as Iterable<[number, string]>) {
    questionIndex.set(id, questions.length);
    questions.push(label);
  }
  const codeRows = db.prepare("SELECT id, parent_id, name FROM codes").all() as {
    id: number;
    parent_id: number | null;
    name: string;
  }[];
  const byId = new Map(codeRows.map((c) => [c.id, c]));
  const pathOf = (id: number): string[] => {
    const code = byId.get(id)!;
    return code.parent_id === null ? [code.name] : [...pathOf(code.parent_id), code.name];
  };
  const depth = Math.max(1, ...codeRows.map((c) => pathOf(c.id).length));
  const codeIndex = new Map<number, number>();
  const codes = codeRows.map((c, i) => {
    codeIndex.set(c.id, i);
    const path = pathOf(c.id);
    return [path.join(" > "), ...Array.from({ length: depth }, (_, l) => path[l] ?? null)];
  });
  const coderIndex = new Map<number, number>();
  const coders: string[] = [];
  for (const [id, name] of db
    .prepare("SELECT id, name FROM coders ORDER BY name")
    .raw()
    .iterate() as Iterable<[number, string]>) {
    coderIndex.set(id, coders.length);
    coders.push(name);
  }
  const count = db.prepare("SELECT count(*) FROM segments").pluck().get() as number;
  const rows = {
    respondent: new Int32Array(count),
    question: new Int32Array(count),
    code: new Int32Array(count),
    coder: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
    text: new Array<string>(count),
    memo: new Array<string>(count),
    created: new Array<string>(count),
  };
  const created = new Map<string, string>();
  const texts = new Map<string, string>();
  let i = 0;
  for (const [rid, qid, text, codeId, coderId, start, end, memo, at] of db
    .prepare(
      `SELECT a.respondent_id, a.question_id, a.text, s.code_id, s.coder_id, s.start, s."end",
              s.memo, s.created_at
         FROM segments s JOIN answers a ON a.id = s.answer_id
         JOIN questions q ON q.id = a.question_id JOIN respondents r ON r.id = a.respondent_id
        ORDER BY q.position, r.position, s.start, s.code_id, s.coder_id`,
    )
    .raw()
    .iterate() as Iterable<
    [number, number, string, number, number, number, number, string, string]
  >) {
    rows.respondent[i] = respondentIndex.get(rid)!;
    rows.question[i] = questionIndex.get(qid)!;
    rows.code[i] = codeIndex.get(codeId)!;
    rows.coder[i] = coderIndex.get(coderId)!;
    rows.start[i] = start;
    rows.end[i] = end;
    // The survey's texts come from a small pool: slicing one shared copy keeps the rows small.
    if (!texts.has(text)) texts.set(text, text);
    rows.text[i] = texts.get(text)!.slice(start, end);
    rows.memo[i] = memo;
    if (!created.has(at)) created.set(at, at);
    rows.created[i] = created.get(at)!;
    i++;
  }
  const titles = [
    "Respondent",
    ...attributes.map((a) => a.name),
    "Question",
    "Code",
    ...Array.from({ length: depth }, (_, l) => `Level ${l + 1}`),
    "Coder",
    "Start",
    "End",
    "Coded text",
    "Memo",
    "Created",
  ];
  return { count, titles, respondents, questions, codes, coders, ...rows };
}

const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});
const BACKLOG = 2 * 1024 * 1024;

/** The zip entry streams a sheet's XML goes to (an exceljs internal, as Cairn reads it). */
type Pipe = EventEmitter & {
  writableLength?: number;
  _writableState?: { length?: number };
};

function sheetPipes(sheet: ExcelJS.Worksheet): Pipe[] {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((p): p is Pipe => p instanceof EventEmitter) : [];
}

/** Writes the rows as Cairn's writer would, with nothing of Cairn's work. */
export async function writeFloor(rows: FloorRows, path: string): Promise<void> {
  const file = createWriteStream(path);
  const closed = once(file, "close");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file,
    useSharedStrings: false,
    useStyles: true,
  });
  workbook.creator = "Cairn";
  const sheet = workbook.addWorksheet("Segments", {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = rows.titles.map((title) => ({
    width: Math.min(40, Math.max(8, title.length + 2)),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows.titles.length } };
  const header = sheet.addRow([...rows.titles]);
  header.font = { bold: true };
  header.commit();
  for (let i = 0; i < rows.count; i++) {
    const row = sheet.addRow([
      ...rows.respondents[rows.respondent[i]!]!,
      rows.questions[rows.question[i]!]!,
      ...rows.codes[rows.code[i]!]!,
      rows.coders[rows.coder[i]!]!,
      rows.start[i]!,
      rows.end[i]!,
      rows.text[i]!,
      rows.memo[i] || null,
      rows.created[i]!,
    ]);
    row.eachCell((cell) => (cell.style = PLAIN));
    row.commit();
    // Every 250 rows, as Cairn's writer: wait for the sheet's XML to drain into the zip
    // (else it piles up in memory), or at least give the event loop a turn.
    if ((i + 1) % 250 === 0) {
      let waited = false;
      for (const pipe of sheetPipes(sheet)) {
        if ((pipe.writableLength ?? pipe._writableState?.length ?? 0) > BACKLOG) {
          await once(pipe, "drain");
          waited = true;
        }
      }
      if (!waited) await new Promise<void>((resolve) => setImmediate(resolve));
      if (file.writableNeedDrain) await once(file, "drain");
    }
  }
  sheet.commit();
  await workbook.commit();
  await closed;
}
