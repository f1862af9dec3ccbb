import type { CodeNode } from "../../../../shared/domain.ts";
import { codeTree } from "../../db/codes.ts";
import { parse, singleFile } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";

interface CodeJson {
  path: string[];
  color: string;
  description: string;
  children: CodeJson[];
}

function toJson(node: CodeNode): CodeJson {
  return {
    path: [...node.path],
    color: node.color,
    description: node.description,
    children: node.children.map(toJson),
  };
}

export function codesCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("codes", argv, { json: { type: "boolean" } });
  const tree = withProject(singleFile("codes", positionals), (session) => codeTree(session.db()));
  if (values.json) return printJson(output, tree.map(toJson));
  const print = (nodes: readonly CodeNode[], depth: number): void => {
    for (const node of nodes) {
      output.out(`${"  ".repeat(depth)}${node.name}  ${node.color}`);
      print(node.children, depth + 1);
    }
  };
  print(tree, 0);
}
