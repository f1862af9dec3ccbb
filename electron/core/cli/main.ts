/**
 * `cairn <command>`: the CLI on the same core as the app. Exit codes: 0 done, 1 the
 * command failed (bad project file, lock...), 2 bad arguments. Errors are one line on
 * stderr; a stack trace only ever appears for a bug.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { UsageError } from "./args.ts";
import { codesCommand } from "./commands/codes.ts";
import { createCommand } from "./commands/create.ts";
import { importCommand } from "./commands/import.ts";
import { serveCommand } from "./commands/serve.ts";
import { showCommand } from "./commands/show.ts";
import { processOutput, type Output } from "./output.ts";

type Command = (argv: string[], output: Output) => void | Promise<void>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  new: { run: createCommand("new"), usage: "new FILE            create an empty project" },
  demo: { run: createCommand("demo"), usage: "demo FILE           write the sample project" },
  show: { run: showCommand, usage: "show FILE [--json]  questions and answer counts" },
  codes: { run: codesCommand, usage: "codes FILE [--json] the code tree" },
  import: {
    run: importCommand,
    usage:
      "import FILE SOURCE... [--sheet S] [--header-row N] [--id-field F] [--id-column C]\n" +
      "        [--attribute-columns A,B] [--question-columns X,Y] [--ignore-columns ...]\n" +
      "        [--question-name-column Q --answer-column A]  (one row per answer)\n" +
      '        [--code-columns COL[:QUESTION],... --coder NAME [--code-delimiter ";"]\n' +
      '        [--code-separator ">"]] [--encoding E] [--delimiter D] [--non-response "-,n/a"]\n' +
      "        [--on-conflict fail|keep|replace] [--dry-run] [--json]\n" +
      "                      import answers from CSV/TSV, Excel or Word files",
  },
  serve: {
    run: serveCommand,
    usage: "serve [FILE] [--port N] [--no-open]  open the app in a browser",
  },
};

export function usage(): string {
  return [
    "usage: cairn <command> [arguments]",
    "",
    ...Object.values(COMMANDS).map((c) => "  cairn " + c.usage),
  ].join("\n");
}

export async function runCli(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    output.out(usage());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    output.err(name ? `cairn: unknown command "${name}" (see cairn --help)` : usage());
    return 2;
  }
  try {
    await command.run(rest, output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message);
      return 2;
    }
    if (error instanceof CairnError) {
      output.err(`cairn ${name}: ${error.message}`);
      return 1;
    }
    // Not the user's fault: still one line, with the details only on request.
    const message = error instanceof Error ? error.message : String(error);
    output.err(`cairn ${name}: unexpected error: ${message} (set CAIRN_DEBUG=1 for details)`);
    if (process.env.CAIRN_DEBUG) output.err(error instanceof Error ? String(error.stack) : "");
    return 1;
  }
}
