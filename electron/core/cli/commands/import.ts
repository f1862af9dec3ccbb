/**
 * `cairn import FILE SOURCE...`: the import wizard's choices as flags. Without mapping
 * flags it takes the wizard's guesses and prints them; each flag replaces one part of
 * the guess. The project file is created if it does not exist yet (and removed again
 * if the import fails, so a failed import leaves nothing behind).
 */
import { resolve } from "node:path";
import { CairnError } from "../../../../shared/api/errors.ts";
import { CONFLICT_POLICIES, type ConflictPolicy } from "../../../../shared/import/mapping.ts";
import { inspectImport, ImportJobs } from "../../import/import-service.ts";
import { sourceKind } from "../../import/open-source.ts";
import { parse, UsageError } from "../args.ts";
import {
  checkFlagsFitKind,
  hasMappingFlags,
  IMPORT_OPTIONS,
  mappingFrom,
  sourceFrom,
} from "../import-flags.ts";
import { clearProgress, describeGuess, printSummary, progressPrinter } from "../import-output.ts";
import { printJson, type Output } from "../output.ts";
import { withNewOrExistingProject } from "../project.ts";

export async function importCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("import", argv, IMPORT_OPTIONS);
  const [file, ...sources] = positionals;
  if (!file || sources.length === 0) {
    throw new UsageError("cairn import: expected a project FILE and one or more SOURCE files");
  }
  const source = sourceFrom(sources, values);
  checkFlagsFitKind(sourceKind(source), values);
  const onConflict = conflictPolicy(values["on-conflict"]);
  const coder = values.coder?.trim() || undefined;

  const inspection = await inspectImport(source, coder ? { coder } : {});
  const mapping = mappingFrom(inspection, values, coder);
  if (!hasMappingFlags(values)) output.err(describeGuess(inspection, mapping));

  const report = await withNewOrExistingProject(resolve(file), async (session) => {
    const jobs = new ImportJobs(session, progressPrinter());
    try {
      return await jobs.run({ source, mapping, onConflict, dryRun: values["dry-run"] ?? false });
    } finally {
      clearProgress();
    }
  });
  if (values.json) printJson(output, report);
  else printSummary(output, report, values["dry-run"] ?? false);
  if (!report.applied && !values["dry-run"]) {
    throw new CairnError(
      "bad_input",
      `${report.conflicts_unsettled} answer(s) or attribute(s) differ from what the project ` +
        "holds; nothing was imported. Review them (--json lists them) and rerun with " +
        "--on-conflict keep or --on-conflict replace",
    );
  }
}

function conflictPolicy(value: string | undefined): ConflictPolicy {
  if (value === undefined) return "fail";
  if ((CONFLICT_POLICIES as readonly string[]).includes(value)) return value as ConflictPolicy;
  throw new UsageError(
    `cairn import: --on-conflict must be one of ${CONFLICT_POLICIES.join(", ")}`,
  );
}
