/**
 * `cairn backups FILE [--json]`: a project's backups, newest first. A project too damaged
 * to open still has its backups listed (with the default settings): that is when they
 * are needed.
 */
import type { BackupListing } from "../../../../shared/api/safety-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import { ProjectBackups } from "../../backup/backup-service.ts";
import { bundledMigrations } from "../../db/migrations.ts";
import { ProjectSession } from "../../services/project-session.ts";
import { parse, singleFile } from "../args.ts";
import { listingJson, listingText } from "../backup-output.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";

const UNOPENABLE = new Set(["damaged", "not_a_project", "io", "not_found"]);

export function backupsCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("backups", argv, { json: { type: "boolean" } });
  const file = singleFile("backups", positionals);
  const listing = listBackupsOf(file);
  if (values.json) printJson(output, listingJson(listing));
  else output.out(listingText(listing).join("\n"));
}

function listBackupsOf(file: string): BackupListing {
  try {
    return withProject(file, (session) => new ProjectBackups({ session, automatic: false }).list());
  } catch (error) {
    if (!(error instanceof CairnError) || !UNOPENABLE.has(error.code)) throw error;
    const session = new ProjectSession({ migrations: bundledMigrations() });
    return new ProjectBackups({ session, automatic: false }).list(file);
  }
}
