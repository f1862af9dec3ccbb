/**
 * The Frequencies table: the frequency panel's figures (tallyOf with the coding and the
 * filter), per question and across all questions. In a workbook, a block per question:
 * its title, the coding and respondents, who answered, then Code | Level | Respondents |
 * % of answered | Segments | % of segments (percentages as fractions shown 0.0%). As
 * CSV, one tidy long table instead, each row carrying the coding and the filter so the
 * context travels with the data; shares are fractions 0-1 there too (decision 0016).
 */
import type ExcelJS from "exceljs";
import type { TallyCode } from "../../../../../shared/api/tally-api.ts";
import type { Db } from "../../../db/project-file.ts";
import { tallyOf } from "../../../tally/tally-service.ts";
import type { ExportContext } from "../../export-service.ts";
import { betweenBatches, filterText, type ExportScope } from "../scope.ts";
import { text, type Cell, type Column, type Table, type TableSink } from "../table.ts";
import type { XlsxBook } from "../xlsx-sink.ts";
import { PATH_SEPARATOR } from "./segments.ts";

const PERCENT = "0.0%";
export const ALL_QUESTIONS = "All questions";

function tallyFor(db: Db, scope: ExportScope) {
  return tallyOf(db, {
    ...(scope.coding.coderId !== null && { coderId: scope.coding.coderId }),
    ...(scope.filter.length > 0 && {
      attributes: scope.filter.map((f) => ({ ...f, values: [...f.values] })),
    }),
  });
}

const BLOCK_COLUMNS: readonly Column[] = [
  { title: "Code", width: 44 },
  { title: "Level", width: 7 },
  { title: "Respondents", width: 13 },
  { title: "% of answered", width: 14 },
  { title: "Segments", width: 10 },
  { title: "% of segments", width: 14 },
];

function codeCells(code: TallyCode): Cell[] {
  return [
    text(code.path.join(PATH_SEPARATOR)),
    code.path.length,
    code.nRespondents,
    code.pctOfAnswered,
    code.nSegments,
    code.pctOfSegments,
  ];
}

/** Writes the blocks on a sheet of their own; returns the code rows written. */
export async function writeFrequenciesSheet(
  book: XlsxBook,
  db: Db,
  scope: ExportScope,
  context: ExportContext,
): Promise<number> {
  const tally = tallyFor(db, scope);
  const sheet = book.workbook.addWorksheet("Frequencies");
  sheet.columns = BLOCK_COLUMNS.map((column) => ({ width: column.width }));
  let rows = 0;
  const line = (cells: Cell[], bold = false): ExcelJS.Row => {
    const row = sheet.addRow(cells as ExcelJS.CellValue[]);
    if (bold) row.font = { bold: true };
    return row;
  };
  const block = (title: string, answered: string, codes: readonly TallyCode[]) => {
    line([text(title)], true).commit();
    line([text(scope.statement)]).commit();
    line([answered]).commit();
    line(
      BLOCK_COLUMNS.map((column) => column.title),
      true,
    ).commit();
    for (const code of codes) {
      const row = line(codeCells(code));
      row.getCell(4).numFmt = PERCENT;
      row.getCell(6).numFmt = PERCENT;
      row.commit();
      rows++;
    }
    line([]).commit();
  };
  const total = tally.questions.length + 1;
  for (const [i, question] of tally.questions.entries()) {
    const others = question.missing > 0 ? `; ${question.missing} without an answer` : "";
    block(
      question.text ? `${question.label} · ${question.text}` : question.label,
      `Answered ${question.answered} of ${tally.respondents}; ${question.empty} empty; ${question.nonResponse} no answer${others}`,
      question.codes,
    );
    await book.drain(sheet);
    await betweenBatches(context, "Frequencies", i + 1, total);
  }
  block(
    ALL_QUESTIONS,
    `Answered at least one question: ${tally.overall.answered} of ${tally.respondents}`,
    tally.overall.codes,
  );
  sheet.commit();
  context.onProgress({ phase: "Frequencies", done: total, total });
  return rows;
}

/** The tidy long table of the CSV export. */
export function frequenciesTable(db: Db, scope: ExportScope, context: ExportContext): Table {
  const columns: Column[] = [
    "Coding",
    "Filter",
    "Question",
    "Question text",
    "Answered",
    "Code",
    "Level",
    "Respondents",
    "Share of answered",
    "Segments",
    "Share of segments",
  ].map((title) => ({ title, width: 14 }));
  const write = async (sink: TableSink): Promise<number> => {
    const tally = tallyFor(db, scope);
    const coding = text(scope.coding.label);
    const filter = scope.filter.length === 0 ? null : text(filterText(scope.filter));
    let rows = 0;
    const emit = (
      question: string,
      questionText: string,
      answered: number,
      codes: readonly TallyCode[],
    ) => {
      for (const code of codes) {
        sink.row([
          coding,
          filter,
          text(question),
          questionText === "" ? null : text(questionText),
          answered,
          ...codeCells(code),
        ]);
        rows++;
      }
    };
    for (const question of tally.questions) {
      emit(question.label, question.text, question.answered, question.codes);
    }
    emit(ALL_QUESTIONS, "", tally.overall.answered, tally.overall.codes);
    await sink.drain();
    await betweenBatches(context, "Frequencies", rows, rows);
    return rows;
  };
  return { name: "Frequencies", columns, notes: [], write };
}
