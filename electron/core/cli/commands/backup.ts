/** `cairn backup FILE [--json]`: backs a project up now, as "Back up now" does in the app. */
import { ProjectBackups } from "../../backup/backup-service.ts";
import { parse, singleFile } from "../args.ts";
import { backupJson, backupLine } from "../backup-output.ts";
import { printJson, type Output } from "../output.ts";
import { withProjectAsync } from "../project.ts";

export async function backupCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("backup", argv, { json: { type: "boolean" } });
  const file = singleFile("backup", positionals);
  const info = await withProjectAsync(file, (session) =>
    new ProjectBackups({ session, automatic: false }).create("manual"),
  );
  if (values.json) printJson(output, backupJson(info));
  else output.out(`backed up to ${info.path}\n  ${backupLine(info)}`);
}
