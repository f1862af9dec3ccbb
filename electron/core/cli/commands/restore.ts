/**
 * `cairn restore FILE BACKUP [--json]`: replaces a project's content with one of its
 * backups. The state before is kept: as a "before-restore" backup, or, for a project too
 * damaged to open, as the damaged file renamed beside it.
 */
import { ProjectBackups } from "../../backup/backup-service.ts";
import { bundledMigrations } from "../../db/migrations.ts";
import { ProjectSession } from "../../services/project-session.ts";
import { parse, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { cliPassword } from "../project.ts";

export async function restoreCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("restore", argv, { json: { type: "boolean" } });
  const [file, backup, ...extra] = positionals;
  if (!file || !backup || extra.length > 0) {
    throw new UsageError("cairn restore: expected FILE and BACKUP (cairn restore FILE BACKUP)");
  }
  const session = new ProjectSession({ migrations: bundledMigrations() });
  const password = cliPassword();
  try {
    const report = await new ProjectBackups({ session, automatic: false }).restore({
      backup,
      project: file,
      ...(password === undefined ? {} : { password }),
    });
    const path = report.summary.path;
    if (values.json) {
      printJson(output, { path, restored: report.restored, kept_as: report.keptAs });
    } else {
      output.out(`restored ${report.restored} into ${path}`);
      if (report.keptAs) output.out(`the state before is kept as ${report.keptAs}`);
    }
  } finally {
    session.close();
  }
}
