/**
 * `cairn codebook import FILE CODEBOOK.(csv|xlsx) [--json]` and `cairn codebook export
 * FILE OUT.(csv|xlsx) [--json]`: a codebook shared as a file (columns path with ">"
 * between levels, color, description, when to use, when not to use, example). An import
 * creates the missing codes and updates the others' colour and descriptions in one step
 * the app can undo; a bad row changes nothing.
 */
import { extname, resolve } from "node:path";
import {
  applyCodebook,
  exportCodebook,
  readCodebookFile,
} from "../../codebook-file/codebook-file-service.ts";
import { parse, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withProjectAsync } from "../project.ts";

const OPTIONS = { json: { type: "boolean" } } as const;
const USAGE = "cairn codebook import|export FILE CODEBOOK.(csv|xlsx)";

export async function codebookCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("codebook", argv, OPTIONS);
  const [action, file, codebook, ...extra] = positionals;
  if (action !== "import" && action !== "export") {
    throw new UsageError(
      `cairn codebook: ${action === undefined ? "say import or export" : `unknown sub-command "${action}"`} (${USAGE})`,
    );
  }
  if (!file || !codebook || extra.length > 0) {
    throw new UsageError(`cairn codebook ${action}: expected FILE and CODEBOOK (${USAGE})`);
  }
  const extension = extname(codebook).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") {
    throw new UsageError(
      `cairn codebook ${action}: ${codebook} must end in .csv or .xlsx (${USAGE})`,
    );
  }
  const path = resolve(codebook);
  if (action === "export") {
    await withProjectAsync(file, async (session) => {
      const written = await exportCodebook(session.db(), path);
      if (values.json) printJson(output, written);
      else output.out(`wrote ${written.codes} codes to ${written.path}`);
    });
    return;
  }
  // Read and checked before the project is opened: a bad file never touches it.
  const entries = await readCodebookFile(path);
  await withProjectAsync(file, async (session) => {
    const { created, updated, unchanged } = applyCodebook(
      session.db(),
      entries,
      new Date().toISOString(),
    );
    const report = { created, updated, unchanged };
    if (values.json) printJson(output, report);
    else
      output.out(
        `codebook imported: ${created} created, ${updated} updated, ${unchanged} unchanged`,
      );
  });
}
