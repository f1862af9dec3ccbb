/** Sharing a codebook as a file: export from and import into the open project. */
import { basename, extname } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CodebookFormat } from "../../../shared/api/codebook-api.ts";
import { codeTree } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import { applyCodebook } from "./apply.ts";
import { writeCodebook } from "./export.ts";
import { readCodebookFile } from "./read.ts";

export { codebookFormatOf } from "./read.ts";

/** Writes the codebook; the format is the one given, or the extension's (.csv, .xlsx). */
export async function exportCodebook(
  db: Db,
  path: string,
  format?: CodebookFormat,
): Promise<{ path: string; codes: number }> {
  const chosen = format ?? exportFormatOf(path);
  const tree = codeTree(db);
  await writeCodebook(path, chosen, tree);
  return { path, codes: countNodes(tree) };
}

function exportFormatOf(path: string): CodebookFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".xlsx") return "xlsx";
  throw new CairnError(
    "bad_input",
    `cannot tell how to write ${basename(path)}; name it .csv or .xlsx`,
  );
}

function countNodes(tree: readonly { children: readonly unknown[] }[]): number {
  return tree.reduce(
    (sum, node) =>
      sum + 1 + countNodes(node.children as readonly { children: readonly unknown[] }[]),
    0,
  );
}

/**
 * An import reads and checks the whole file first (a bad row changes nothing), then
 * applies it in one undoable step.
 */
export { applyCodebook, readCodebookFile };
