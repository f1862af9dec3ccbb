/** Placeholder: the spreadsheet owner replaces this file. */
import type { ExportReport, ExportRequest } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Db } from "../../db/project-file.ts";
import type { ExportContext } from "../export-service.ts";

export function writeWorkbookExport(
  _db: Db,
  _request: Extract<ExportRequest, { format: "xlsx" }>,
  _context: ExportContext,
): Promise<ExportReport> {
  return Promise.reject(new CairnError("internal", "xlsx export is not written yet"));
}
