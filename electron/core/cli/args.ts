/**
 * Argument parsing shared by the CLI commands. A usage mistake is a `UsageError`: the CLI
 * prints its one line and exits with code 2, as scripts expect of bad arguments.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed<O extends Options> {
  readonly positionals: string[];
  readonly values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
}

export function parse<O extends Options>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as Parsed<O>["values"] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`cairn ${command}: ${message}`);
  }
}

/** Exactly one positional FILE argument. */
export function singleFile(command: string, positionals: readonly string[]): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError(`cairn ${command}: expected one FILE argument (cairn ${command} FILE)`);
  }
  return positionals[0];
}
