/**
 * The .csv export: one table alone (segments, matrix, frequencies as a tidy long table,
 * or the codebook), written in batches through a partial file renamed in at the end. A
 * CSV holds the bare table (a note line above it would break R's and SPSS's readers):
 * the frequencies carry the coding and filter in columns, and the report states them.
 */
import type { ExportReport, ExportRequest } from "../../../../shared/api/export-api.ts";
import type { Db } from "../../db/project-file.ts";
import type { ExportContext } from "../export-service.ts";
import { writeAtomically } from "../partial-file.ts";
import { CsvSink } from "./csv-sink.ts";
import { exportScope, refuseEmptyProject, type ExportScope } from "./scope.ts";
import { codebookTable } from "./tables/codebook.ts";
import { frequenciesTable } from "./tables/frequencies.ts";
import { matrixTable } from "./tables/matrix.ts";
import { segmentsTable } from "./tables/segments.ts";
import type { Table } from "./table.ts";

type CsvRequest = Extract<ExportRequest, { format: "csv" }>;

function tableOf(
  db: Db,
  request: CsvRequest,
  context: ExportContext,
): {
  table: Table;
  scope: ExportScope;
} {
  refuseEmptyProject(db);
  const scope = exportScope(db, request);
  switch (request.table) {
    case "segments":
      return { table: segmentsTable(db, scope, request, context), scope };
    case "matrix":
      return { table: matrixTable(db, scope, request, context), scope };
    case "frequencies":
      return { table: frequenciesTable(db, scope, context), scope };
    case "codebook":
      return { table: codebookTable(db, scope, context), scope };
  }
}

export async function writeCsvExport(
  db: Db,
  request: CsvRequest,
  context: ExportContext,
): Promise<ExportReport> {
  const { table, scope } = tableOf(db, request, context);
  let rows = 0;
  const { bytes } = await writeAtomically(request.path, async (partial) => {
    const sink = new CsvSink(partial, request.bom);
    try {
      sink.header(table.columns);
      rows = await table.write(sink);
      await sink.finish();
    } catch (error) {
      await sink.abandon();
      throw error;
    }
  });
  return {
    path: request.path,
    format: "csv",
    coding: scope.coding.label,
    sheets: [{ name: table.name, rows }],
    refi: null,
    bytes,
    filter: scope.filter.length > 0 ? scope.respondents : null,
    warnings: [],
  };
}
