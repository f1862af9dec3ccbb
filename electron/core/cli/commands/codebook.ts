// TODO(issue 5): being built.
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Output } from "../output.ts";

export function codebookCommand(argv: string[], output: Output): void {
  void argv;
  void output;
  throw new CairnError("internal", "not built yet");
}
