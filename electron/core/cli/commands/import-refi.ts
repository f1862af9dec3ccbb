/**
 * `cairn import-refi FILE IN.qdpx|IN.qdc [--json]`: a REFI-QDA project from NVivo,
 * ATLAS.ti, MAXQDA or QualCoder into FILE (created if missing, or a project without
 * answers yet), or a REFI-QDA codebook into FILE's codebook (one step the app can undo).
 * A file that cannot be read changes nothing; a project file made here for it is removed.
 */
import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import type { RefiImportReport } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import { applyCodebook } from "../../codebook-file/apply.ts";
import { countRespondents } from "../../db/respondents.ts";
import { importRefiModel, readRefiCodebook } from "../../refi/import/refi-import-service.ts";
import { readQdpx } from "../../refi/read/refi-read.ts";
import { parse, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withNewOrExistingProject } from "../project.ts";
import { printCodebookImport, printProjectImport, refiImportJson } from "../refi-output.ts";

const OPTIONS = { json: { type: "boolean" } } as const;

export async function importRefiCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("import-refi", argv, OPTIONS);
  const [file, source, ...extra] = positionals;
  if (!file || !source || extra.length > 0) {
    throw new UsageError(
      "cairn import-refi: expected FILE and IN (cairn import-refi FILE IN.qdpx|IN.qdc)",
    );
  }
  const extension = extname(source).toLowerCase();
  if (extension !== ".qdpx" && extension !== ".qdc") {
    throw new UsageError(
      `cairn import-refi: ${source} should end in .qdpx (a project) or .qdc (a codebook)`,
    );
  }
  const path = resolve(source);
  // Before any project file is made for it.
  if (!existsSync(path)) throw new CairnError("not_found", `there is no file ${source}`);
  if (extension === ".qdpx") await importProject(file, path, output, values.json === true);
  else await importCodebook(file, path, output, values.json === true);
}

async function importProject(file: string, path: string, output: Output, json: boolean) {
  // Read before the project is opened or made: a file that cannot be read touches nothing.
  const project = await readQdpx(path);
  const { report } = await withNewOrExistingProject(file, async (session) => {
    if (countRespondents(session.db()) > 0) {
      throw new CairnError(
        "bad_input",
        `${basename(file)} already has answers; import a REFI-QDA project into a new file`,
      );
    }
    const imported = await session.exclusive("a REFI-QDA import", (db) =>
      Promise.resolve(importRefiModel(db, project, { now: new Date().toISOString() })),
    );
    return { applied: true, report: { ...imported, path: resolve(file) } };
  });
  if (json) printJson(output, refiImportJson(report));
  else printProjectImport(output, path, report);
}

async function importCodebook(file: string, path: string, output: Output, json: boolean) {
  // Read and checked before the project is opened: a bad file never touches it.
  const codebook = await readRefiCodebook(path);
  const counts = await withNewOrExistingProject(file, (session) => {
    const { created, updated, unchanged } = applyCodebook(
      session.db(),
      codebook.entries,
      new Date().toISOString(),
    );
    return Promise.resolve({ applied: true, created, updated, unchanged });
  });
  const report: RefiImportReport = {
    path: resolve(file),
    kind: "codebook",
    origin: codebook.origin,
    users: 0,
    codes: counts.created + counts.updated,
    respondents: 0,
    questions: 0,
    answers: 0,
    segments: 0,
    memos: 0,
    positions: null,
    warnings: codebook.warnings,
  };
  if (json) printJson(output, refiImportJson(report));
  else printCodebookImport(output, path, report, counts);
}
