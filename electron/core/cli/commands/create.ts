import { parse, singleFile } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { createProject } from "../project.ts";

/** `cairn new FILE` (empty project) and `cairn demo FILE` (the sample project). */
export function createCommand(kind: "new" | "demo") {
  return (argv: string[], output: Output): void => {
    const { positionals, values } = parse(kind, argv, { json: { type: "boolean" } });
    const path = createProject(singleFile(kind, positionals), kind === "demo");
    if (values.json) printJson(output, { path });
    else output.out(kind === "demo" ? `Wrote the sample project to ${path}` : `Created ${path}`);
  };
}
