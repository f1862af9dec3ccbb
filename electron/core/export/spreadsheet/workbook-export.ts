/**
 * The .xlsx export: the chosen sheets (or every sheet that has data) in one workbook,
 * written by exceljs's streaming writer through a partial file renamed in at the end.
 * Every sheet counts the same coding for the same respondents, and says so above its
 * table.
 */
import type {
  ExportReport,
  ExportRequest,
  ExportSheet,
  ExportedSheet,
} from "../../../../shared/api/export-api.ts";
import { EXPORT_SHEETS } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import { answerCount, exportCodes, exportSegmentCount } from "../../db/export-reads.ts";
import type { Db } from "../../db/project-file.ts";
import type { ExportContext } from "../export-service.ts";
import { writeAtomically } from "../partial-file.ts";
import { exportScope, refuseEmptyProject, type ExportScope } from "./scope.ts";
import { agreementScope, writeAgreementSheets } from "./tables/agreement.ts";
import { codebookTable } from "./tables/codebook.ts";
import { writeFrequenciesSheet } from "./tables/frequencies.ts";
import { matrixTable } from "./tables/matrix.ts";
import { segmentsTable } from "./tables/segments.ts";
import type { Table } from "./table.ts";
import { XlsxBook } from "./xlsx-sink.ts";

type XlsxRequest = Extract<ExportRequest, { format: "xlsx" }>;

/** Every sheet that has data, in the workbook's order. */
function sheetsWithData(db: Db, scope: ExportScope, agreement: unknown): ExportSheet[] {
  const answers = answerCount(db) > 0;
  const has: Record<ExportSheet, boolean> = {
    segments: exportSegmentCount(db, scope.coding.coderId, scope.tallyFilter) > 0,
    matrix: answers,
    frequencies: answers,
    codebook: exportCodes(db).length > 0,
    agreement: typeof agreement !== "string",
  };
  return EXPORT_SHEETS.filter((sheet) => has[sheet]);
}

async function writeTableSheet(book: XlsxBook, table: Table): Promise<number> {
  const sheet = book.tableSheet(table.name, table.columns, table.notes);
  sheet.start();
  const rows = await table.write(sheet);
  sheet.commit();
  return rows;
}

export async function writeWorkbookExport(
  db: Db,
  request: XlsxRequest,
  context: ExportContext,
): Promise<ExportReport> {
  refuseEmptyProject(db);
  const scope = exportScope(db, request);
  const agreement =
    request.sheets && !request.sheets.includes("agreement")
      ? "not asked for"
      : agreementScope(db, request.agreementCoderIds);
  const wanted = request.sheets
    ? EXPORT_SHEETS.filter((sheet) => request.sheets!.includes(sheet))
    : sheetsWithData(db, scope, agreement);
  if (wanted.includes("agreement") && typeof agreement === "string") {
    throw new CairnError("bad_input", `cannot write the agreement sheet: ${agreement}`);
  }
  const sheets: ExportedSheet[] = [];
  const { bytes } = await writeAtomically(request.path, async (partial) => {
    const book = new XlsxBook(partial);
    try {
      for (const sheet of wanted) {
        if (sheet === "agreement") {
          sheets.push(...writeAgreementSheets(book, db, agreement, context.now));
          continue;
        }
        const name = sheet[0]!.toUpperCase() + sheet.slice(1);
        let rows: number;
        switch (sheet) {
          case "segments":
            rows = await writeTableSheet(book, segmentsTable(db, scope, request, context));
            break;
          case "matrix":
            rows = await writeTableSheet(book, matrixTable(db, scope, request, context));
            break;
          case "frequencies":
            rows = await writeFrequenciesSheet(book, db, scope, context);
            break;
          case "codebook":
            rows = await writeTableSheet(book, codebookTable(db, scope, context));
            break;
        }
        sheets.push({ name, rows });
      }
      await book.finish();
    } catch (error) {
      await book.abandon();
      throw error;
    }
  });
  return {
    path: request.path,
    format: "xlsx",
    coding: scope.coding.label,
    sheets,
    refi: null,
    bytes,
    filter: scope.filter.length > 0 ? scope.respondents : null,
    warnings: [],
  };
}
