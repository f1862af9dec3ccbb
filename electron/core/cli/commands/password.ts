import { parse, singleFile, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { cliPassword, withProject } from "../project.ts";

/**
 * `cairn password FILE [--remove] [--json]`: sets or changes the project's password to
 * CAIRN_NEW_PASSWORD, or removes it; the current one comes from CAIRN_PASSWORD, as for
 * every command. Passwords never go on the command line, where others could read them.
 */
export function passwordCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("password", argv, {
    remove: { type: "boolean" },
    json: { type: "boolean" },
  });
  const file = singleFile("password", positionals);
  const next = values.remove ? null : newPassword();
  const { path, before, encrypted } = withProject(file, (session) => {
    const before = session.password();
    const summary = session.setPassword(cliPassword(), next);
    return { path: summary.path, before, encrypted: summary.encrypted };
  });
  if (values.json) return printJson(output, { path, encrypted });
  output.out(describe(path, before, next));
}

function newPassword(): string {
  const next = process.env.CAIRN_NEW_PASSWORD;
  if (!next) {
    throw new UsageError(
      "cairn password: set CAIRN_NEW_PASSWORD to the new password (or pass --remove)",
    );
  }
  return next;
}

function describe(path: string, before: string | null, next: string | null): string {
  if (next === null)
    return before === null ? `${path} has no password` : `Removed the password of ${path}`;
  if (before === null) return `Protected ${path} with a password`;
  return before === next ? `${path} already has that password` : `Changed the password of ${path}`;
}
