/** Placeholder: the REFI-QDA export owner replaces this file. */
import type { ExportReport, ExportRequest } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Db } from "../../db/project-file.ts";
import type { ExportContext } from "../../export/export-service.ts";

export function writeQdpx(
  _db: Db,
  _request: Extract<ExportRequest, { format: "qdpx" }>,
  _context: ExportContext,
): Promise<ExportReport> {
  return Promise.reject(new CairnError("internal", "qdpx export is not written yet"));
}
