/**
 * `cairn check FILE [--json]`: SQLite's full integrity check of a project, read-only.
 * Prints ok or the problems found; a damaged file exits with 1.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { CairnError } from "../../../../shared/api/errors.ts";
import { CAIRN_APPLICATION_ID, probeHeader } from "../../db/header.ts";
import { checkProjectFile } from "../../db/integrity.ts";
import { parse, singleFile } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { cliPassword } from "../project.ts";

export function checkCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("check", argv, { json: { type: "boolean" } });
  const path = resolve(singleFile("check", positionals));
  const problems = checkProjectFile(path, passwordFor(path));
  if (values.json) printJson(output, { path, ok: problems.length === 0, problems });
  else if (problems.length === 0) output.out(`${path}: ok`);
  else output.out([`${path}: damaged`, ...problems.map((problem) => `  ${problem}`)].join("\n"));
  if (problems.length > 0) {
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    throw new CairnError(
      "damaged",
      `${path} is damaged (${count}; the first: ${problems[0]}); restore a backup with ` +
        "cairn restore",
    );
  }
}

/** Only Cairn projects are checked; an encrypted one with CAIRN_PASSWORD. */
function passwordFor(path: string): string | null {
  if (!existsSync(path)) throw new CairnError("not_found", `${path} does not exist`);
  if (!statSync(path).isFile()) {
    throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
  }
  const probe = probeHeader(path);
  if (probe.kind === "sqlite" && probe.applicationId === CAIRN_APPLICATION_ID) return null;
  if (probe.kind === "encrypted") {
    const password = cliPassword();
    if (password === undefined) {
      throw new CairnError(
        "password_required",
        `${path} is protected by a password; set CAIRN_PASSWORD to its password`,
      );
    }
    return password;
  }
  throw new CairnError("not_a_project", `${path} is not a Cairn project file`);
}
