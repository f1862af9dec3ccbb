/**
 * `cairn export FILE OUT.(xlsx|csv|qdpx|qdc) [flags] [--json]`: coded tables as a
 * workbook or one CSV table, or the project as REFI-QDA (decision 0016). OUT's extension
 * chooses the format. The export runs as the app's does (one job holding the project
 * exclusively, written beside OUT and renamed in), and only reads the project.
 */
import { ExportJobs } from "../../export/export-service.ts";
import { parse, UsageError } from "../args.ts";
import { EXPORT_OPTIONS, exportPlan, exportRequest } from "../export-flags.ts";
import { exportJson, exportSummary } from "../export-output.ts";
import { printJson, type Output } from "../output.ts";
import { withProjectAsync } from "../project.ts";

export async function exportCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("export", argv, EXPORT_OPTIONS);
  const [file, out, ...extra] = positionals;
  if (!file || !out || extra.length > 0) {
    throw new UsageError("cairn export: expected FILE and OUT (cairn export FILE OUT.xlsx)");
  }
  const plan = exportPlan(out, values);
  const report = await withProjectAsync(file, (session) =>
    new ExportJobs(session).run(exportRequest(session.db(), file, plan)),
  );
  if (values.json) printJson(output, exportJson(report));
  else output.out(exportSummary(report));
}
